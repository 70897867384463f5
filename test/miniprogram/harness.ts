/**
 * The shared set-up of page tests: one Chromium per file, the generated mini-program files, each rendered page
 * closed after its test, and the backend answered by `harness.answer` with every call kept in `harness.calls`.
 */
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  renderPage,
  type BackendCall,
  type Rendered,
  type RenderOptions,
} from '../../scripts/miniprogram/render';

export interface PageHarness {
  calls: BackendCall[];
  /** Answers each backend call; a test sets it before rendering. */
  answer: (c: BackendCall) => unknown;
  render(page: string, opts?: Omit<RenderOptions, 'page' | 'onCall'>): Promise<Rendered>;
}

const unanswered = () => ({ ok: false, error: { code: 'INTERNAL', message: '未设置' } });

/** Call at the top of a test file: registers the hooks and answers the harness the tests use. */
export function pageHarness(): PageHarness {
  jest.setTimeout(60_000);
  let browser: Browser | undefined;
  const open: Rendered[] = [];
  const harness: PageHarness = {
    calls: [],
    answer: unanswered,
    async render(page, opts = {}) {
      const rendered = await renderPage(browser!, {
        envVersion: 'release',
        ...opts,
        page,
        onCall: async (c) => {
          harness.calls.push(c);
          return harness.answer(c);
        },
      });
      open.push(rendered);
      return rendered;
    },
  };
  // The generated mini-program files come from jest's globalSetup, built once for all test files.
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    harness.calls.length = 0;
    while (open.length) await open.pop()!.close();
  });
  return harness;
}
