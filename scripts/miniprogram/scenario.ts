/** One page state that `npm run preview` renders and checks (scripts/preview.ts). */
import type { ComplaintFixtures } from './complaint-fixtures';

export interface Scenario {
  name: string;
  page: string;
  /** Fixed, or from the data prepared before rendering (complaint-fixtures.ts). */
  query?: Record<string, string> | ((f: ComplaintFixtures) => Record<string, string>);
  openid: string;
  keyStrings: string[] | ((f: ComplaintFixtures) => string[]);
  /** Page methods called after the first render (e.g. submitting an empty form to show its errors). */
  steps?: Array<{ method: string; args?: unknown[] }>;
  /** What wx.scanCode answers, in order (a badge's mini-program code gives `path` with `scene=`). */
  scanResults?: (f: ComplaintFixtures) => Array<{ path?: string; result?: string }>;
  /** The first N backend calls fail as a network failure would (wx.cloud / wx.request `fail`). */
  failCalls?: number;
}
