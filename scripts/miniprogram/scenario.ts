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
}
