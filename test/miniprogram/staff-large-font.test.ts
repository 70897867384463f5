/**
 * The staff pages at the largest font scale (WeChat's largest setting, capped at MAX_FONT_SCALE), rendered in
 * Chromium and measured (适老化, WCAG 1.4.4): no label touches its value on the same line, and a tab's count keeps
 * apart from its name. A gap is measured between the rendered glyphs (text ranges), not the boxes.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { staffCaseView } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const LARGEST = 28; // px: WeChat's largest font setting
/** 12 px in the 750 px-wide render = 6 pt on a 375 pt phone. */
const MIN_GAP = 12;

/** For each label/value pair (by class), the gap between their glyphs when they share a line; null otherwise. */
function gaps(p: Rendered, labelClass: string, valueClass: string) {
  return p.page.evaluate(
    ([lc, vc]) => {
      // The root tsconfig has no DOM types: the page's document, typed loosely.
      const document = (globalThis as unknown as { document: any }).document;
      const textRects = (el: any): any[] => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return [...range.getClientRects()].filter((r: any) => r.width > 0);
      };
      const out: Array<{ label: string; gap: number | null }> = [];
      for (const label of [...document.querySelectorAll(`[class*="${lc}"]`)] as any[]) {
        const value = label.nextElementSibling;
        if (!value || !String(value.className).includes(vc)) continue;
        const l = textRects(label).pop();
        const v = textRects(value)[0];
        if (!l || !v) continue;
        const sameLine = v.top < l.bottom && l.top < v.bottom;
        out.push({ label: label.innerText, gap: sameLine ? v.left - l.right : null });
      }
      return out;
    },
    [labelClass, valueClass] as const,
  );
}

const touching = (found: Array<{ label: string; gap: number | null }>) =>
  found.filter((g) => g.gap !== null && g.gap < MIN_GAP);

describe('largest font scale', () => {
  it('keeps every label of the case page apart from its value', async () => {
    harness.answer = () => ({
      ok: true,
      data: staffCaseView({
        status: 'accepted',
        statusLabel: '已受理',
        handlingDueDate: '2027-02-25',
        feedbackDueDate: '2026-12-08',
        sourceLabel: '12345热线',
        sourceRef: 'GD-2026-1127-0001',
        contact: { name: '欧阳明远', phone: '13987654321' },
        identityVisible: true,
        caseDecision: { caseOpened: false, at: '2026-12-01T02:00:00.000Z', note: '不属于本机关管辖' },
        allowedSteps: ['reply', 'close'],
      }),
    });
    const p = await harness.render('pages/staff/complaint-case/index', {
      query: { id: 'cmp_0123456789abcdef01234567' },
      fontSizeSetting: LARGEST,
    });
    const found = await gaps(p, 'field-label', 'field-value');
    expect(found.length).toBeGreaterThanOrEqual(9);
    expect(touching(found)).toEqual([]);
  });

  it('keeps each queue tab’s count apart from its name', async () => {
    harness.answer = () => ({
      ok: true,
      data: {
        items: [],
        total: 0,
        totalCapped: false,
        nextCursor: null,
        counts: {
          submitted: { total: 8, capped: false },
          accepted: { total: 99, capped: true },
          overdue: { total: 3, capped: false },
          mine: { total: 12, capped: false },
        },
      },
    });
    const p = await harness.render('pages/staff/complaint-queue/index', { fontSizeSetting: LARGEST });
    const found = await p.page.evaluate(() => {
      const document = (globalThis as unknown as { document: any }).document;
      return ([...document.querySelectorAll('[class*="chip-count"]')] as any[]).map((count) => {
        const range = document.createRange();
        range.selectNodeContents(count.parentElement!.firstChild!);
        const name = [...range.getClientRects()].pop() as any;
        const n = [...count.getClientRects()][0] as any;
        const digits = document.createRange();
        digits.selectNodeContents(count);
        const first = [...digits.getClientRects()].filter((r: any) => r.width > 0)[0] as any;
        return { sameLine: n.top < name.bottom, gap: first.left - name.right };
      });
    });
    expect(found).toHaveLength(4);
    for (const f of found) if (f.sameLine) expect(f.gap).toBeGreaterThanOrEqual(6);
  });
});
