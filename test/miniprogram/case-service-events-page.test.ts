/**
 * The case page's 送达记录 section rendered in Chromium (REC-7, REC-16): the register's service events in the
 * timeline style with who acted, the document and the ledger reference; a failed try marked; the note that older
 * events are on the services page; the empty state; the link to pages/case/services; and nothing wider than the
 * screen at the largest font setting.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { CASE_ID, caseView, serviceEvent } from './case-fixtures';
import { pageHarness } from './harness';

/** The few DOM members read in the page (the test's tsconfig has no DOM library). */
interface Box {
  right: number;
}
interface Node {
  innerText: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  children: Node[];
  getBoundingClientRect(): Box;
  querySelectorAll(s: string): Iterable<Node>;
}
type InPage = {
  __comp: { querySelector(s: string): { dom: Node } | null };
  getComputedStyle(n: Node): { color: string };
};

const harness = pageHarness();
const ok = (data: unknown) => ({ ok: true, data });
const CHECK = { id: CASE_ID, findings: [], failures: 0, warnings: 0 };

const EVENTS = [
  serviceEvent({
    kind: 'invite',
    label: '邀请',
    detail: '执法人员生成电子送达确认邀请',
    document: null,
    at: '2026-06-17T01:00:00.000Z',
    ledger: { event: 'serviceEnrolments/enr_1/1', hash: '12'.repeat(32), batch: 11 },
  }),
  serviceEvent({
    kind: 'attempt',
    label: '认证尝试',
    detail: '验证码错误，累计失败 1 次',
    by: 'party',
    document: null,
    failures: 1,
    attention: true,
    at: '2026-06-17T01:05:00.000Z',
    ledger: { event: 'serviceEnrolments/enr_1/2', hash: '34'.repeat(32), batch: null },
  }),
  serviceEvent({
    document: { docNo: '万卫罚告〔2026〕第0000000012号（补正后重新送达）', title: '行政处罚事先告知书' },
  }),
];

async function renderCase(services: object, fontSizeSetting?: number): Promise<Rendered> {
  harness.answer = (c) => (c.event.action === 'case.get' ? ok(caseView({ services } as never)) : ok(CHECK));
  return harness.render('pages/case/detail/index', { query: { id: CASE_ID }, fontSizeSetting });
}

/** The section's text, and whether any node in it is wider than the section. */
const section = (p: Rendered) =>
  p.page.evaluate(() => {
    const comp = (globalThis as unknown as InPage).__comp;
    const dom = comp.querySelector('#case-service-events')?.dom;
    if (!dom) return { text: '', overflow: ['(no section)'] };
    const right = dom.getBoundingClientRect().right;
    const overflow = [...dom.querySelectorAll('*')]
      .filter((n) => n.getBoundingClientRect().right > right + 1 || n.scrollWidth > n.clientWidth + 1)
      .map((n) => (n.textContent ?? '').slice(0, 30));
    return { text: dom.innerText, overflow };
  });

describe('case page: 送达记录', () => {
  it('lists the events oldest first with who acted, the document and the ledger reference (REC-7, REC-16)', async () => {
    const p = await renderCase({ items: EVENTS, more: false });
    const { text } = await section(p);
    expect(text).toContain('送达记录');
    expect(text.indexOf('邀请 · 执法人员')).toBeLessThan(text.indexOf('认证尝试 · 当事人'));
    expect(text.indexOf('认证尝试 · 当事人')).toBeLessThan(text.indexOf('送达 · 执法人员'));
    expect(text).toContain('验证码错误，累计失败 1 次');
    expect(text).toContain('2026-06-17 09:05');
    expect(text).toContain('行政处罚事先告知书（万卫罚告〔2026〕第0000000012号（补正后重新送达））');
    expect(text).toContain('台账 12121212…1212 · 已并入第 11 批');
    expect(text).toContain('台账 34343434…3434 · 待并入全局链');
    expect(text).not.toContain('仅显示最近');
    // The failed try in the warning colour (#a84e00, AA on the timeline's grey); the others in the ordinary one.
    const colours = await p.page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      return [0, 1].map((i) => {
        const item = w.__comp.querySelector(`#service-event-${i}`)!.dom;
        return w.getComputedStyle(item.children[1]!).color;
      });
    });
    expect(colours[1]).toBe('rgb(168, 78, 0)');
    expect(colours[0]).not.toBe('rgb(168, 78, 0)');
  });

  it('says older events are on the services page, and links there', async () => {
    const p = await renderCase({ items: EVENTS, more: true });
    expect((await section(p)).text).toContain('仅显示最近 3 条');
    await p.invoke('onServices');
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: `/pages/case/services/index?caseId=${CASE_ID}` }),
      }),
    );
  });

  it('shows the empty state for a case without electronic service', async () => {
    const p = await renderCase({ items: [], more: false });
    expect((await section(p)).text).toContain('本案尚无电子送达记录');
  });

  it('fits the screen at the largest font setting', async () => {
    const p = await renderCase({ items: EVENTS, more: true }, 28);
    expect((await section(p)).overflow).toEqual([]);
  });
});
