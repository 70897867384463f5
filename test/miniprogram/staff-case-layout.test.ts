/**
 * The staff case page's layout and device actions, rendered in Chromium (REC-14, PUB-3): the
 * complaint first, one primary next step in a bottom bar and the rest in an action sheet, each step's panel in a
 * popup (t-popup), the complainant's phone callable only when shown in clear (wx.makePhoneCall), photos opening
 * full size (wx.previewImage) and the picked location opening the map (wx.openLocation).
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { staffCaseView, tap } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const ID = 'cmp_0123456789abcdef01234567';

async function renderCase(view: object): Promise<Rendered> {
  harness.answer = (c) =>
    c.event.action === 'complaint.get'
      ? { ok: true, data: view }
      : { ok: true, data: { items: [], total: 0, totalCapped: false, nextCursor: null } };
  const page = await harness.render('pages/staff/complaint-case/index', { query: { id: ID } });
  // The shell's wx stub has no previewImage / openLocation: note them as effects, as it does makePhoneCall.
  await page.page.evaluate(() => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    for (const api of ['previewImage', 'openLocation'])
      w.wx[api] = (o: object) => w.__effects.push({ api, args: o });
  });
  return page;
}

/** A tap on a rendered node through miniprogram-simulate's event dispatch (the wxml's bind:tap and data-*). */
async function tapNode(p: Rendered, selector: string) {
  await p.page.evaluate((sel) => {
    const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
    comp.querySelector(sel).dispatchEvent('tap');
  }, selector);
  await p.settle();
}

/** Whether a node is rendered on screen (a closed popup keeps its slot's nodes, but off the document). */
const exists = (p: Rendered, selector: string) =>
  p.page.evaluate((sel) => {
    const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
    const dom = comp.querySelector(sel)?.dom as
      { isConnected: boolean; getClientRects(): { length: number } } | undefined;
    return !!dom && dom.isConnected && dom.getClientRects().length > 0;
  }, selector);

/** The buttons' labels in the bottom bar, in order. */
const barText = (p: Rendered) =>
  p.page.evaluate(() => {
    const comp = (globalThis as unknown as { __comp: { querySelector(s: string): any } }).__comp;
    const bar = comp.querySelector('#case-bar')?.dom as { innerText: string } | undefined;
    return (bar?.innerText ?? '').split('\n').filter(Boolean);
  });

const effect = async (p: Rendered, api: string) => (await p.effects()).find((e) => e.api === api)?.args;

describe('staff case page layout', () => {
  it('shows the complaint first, then the handling facts, the complainant and the timeline', async () => {
    const p = await renderCase(staffCaseView());
    const text = await p.text();
    const order = ['反映的内容', '办理信息', '投诉举报人', '办理过程'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // One date format in the facts card: the receipt as 2026年11月27日 10:00, deadlines as 2026年12月8日.
    expect(text).toContain('2026年11月27日 10:00');
    expect(text).toContain('2026年12月8日');
    expect(text).not.toMatch(/2026-1\d-\d\d/);
  });

  it('puts the one next step in the bottom bar and the others in the action sheet', async () => {
    const p = await renderCase(staffCaseView({ allowedSteps: ['accept', 'reject', 'assign'] }));
    expect(await exists(p, '#case-bar')).toBe(true);
    let text = await p.text();
    expect(text).toContain('受理');
    expect(text).not.toContain('不予受理');
    expect(await exists(p, '#case-sheet')).toBe(false);
    expect(await barText(p)).toEqual(['更多办理', '受理']);
    await p.invoke('onMore');
    expect(await exists(p, '#case-sheet')).toBe(true);
    text = await p.text();
    expect(text).toContain('不予受理');
    expect(text).toContain('指派承办人');
    // A step from the sheet closes it and opens its panel in a popup.
    await p.invoke('onAction', tap({ action: 'reject' }));
    await p.page.waitForTimeout(400); // the popup's leave transition (240 ms)
    expect(await exists(p, '#case-sheet')).toBe(false);
    expect(await exists(p, '#case-panel')).toBe(true);
    expect(await p.text()).toContain('不予受理的理由');
    await p.invoke('onCancelPanel');
    await p.page.waitForTimeout(400);
    expect(await exists(p, '#case-panel')).toBe(false);
  });

  it('has no bar when the caller may take no step, and no sheet when only one', async () => {
    const none = await renderCase(staffCaseView({ allowedSteps: [] }));
    expect(await exists(none, '#case-bar')).toBe(false);
    const one = await renderCase(staffCaseView({ allowedSteps: ['accept'] }));
    expect(await barText(one)).toEqual(['受理']);
  });
});

describe('device actions', () => {
  it('calls the complainant only when the backend showed the number in clear', async () => {
    const masked = await renderCase(staffCaseView());
    expect(await masked.text()).not.toContain('（拨打）');
    await masked.invoke('onCallContact');
    expect(await effect(masked, 'makePhoneCall')).toBeUndefined();

    const clear = await renderCase(
      staffCaseView({ contact: { name: '欧阳明远', phone: '13987654321' }, identityVisible: true }),
    );
    expect(await clear.text()).toContain('13987654321（拨打）');
    await tapNode(clear, '#case-contact-phone');
    expect(await effect(clear, 'makePhoneCall')).toMatchObject({ phoneNumber: '13987654321' });
  });

  it('opens a photo full size among all of them', async () => {
    const urls = ['https://tmp.example/a.jpg', 'https://tmp.example/b.jpg'];
    const p = await renderCase(
      staffCaseView({
        photos: urls.map((url) => ({ url, contentType: 'image/jpeg', size: 1, sha256: 'x' })),
      }),
    );
    await p.invoke('onPhoto', tap({ url: urls[1] }));
    expect(await effect(p, 'previewImage')).toEqual({ current: urls[1], urls });
  });

  it('opens the picked location on the map', async () => {
    const p = await renderCase(
      staffCaseView({ subjectLocation: { latitude: 30.80788, longitude: 108.40855 } }),
    );
    expect(await p.text()).toContain('在地图中查看');
    await tapNode(p, '#case-map');
    expect(await effect(p, 'openLocation')).toMatchObject({
      latitude: 30.80788,
      longitude: 108.40855,
      name: '某某游泳馆',
      address: '北山大道 1 号',
    });
  });
});
