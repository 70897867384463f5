/**
 * The reviewer's full-text preview rendered in Chromium (pages/pubstaff/fulltext; PUB-7 second
 * form, seed Art. 16; 法释〔2016〕19号 Art. 10): every removal struck with what the public reads instead, every
 * highlight marked; a tap undoes or restores a removal and takes a highlight; typed words are removed wherever
 * they occur; the confirmation sends the final removals for the version seen; a refusal (a leak) is shown in the
 * backend's words; the preparer gives the text (never a PDF).
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';
import { FT_ID, FT_TEXT, fullTextView, PARTY_ID_NO } from './publication-fulltext-fixtures';
import { ok, refused } from './publication-staff-fixtures';

const harness = pageHarness();
const { calls } = harness;
const PAGE = 'pages/pubstaff/fulltext/index';
const action = (c: BackendCall) => c.event.action;
const render = (fontSizeSetting?: number) => harness.render(PAGE, { query: { id: FT_ID }, fontSizeSetting });
type Page = Awaited<ReturnType<typeof render>>;
/** The page's marks as rendered: their text, data-index and spoken label. */
const marks = (p: Page) =>
  p.page.evaluate(() =>
    (
      (globalThis as any).__comp.querySelectorAll('.ft-mark') as Array<{
        dom: { textContent: string | null; dataset: Record<string, string> };
      }>
    )
      .map((n) => ({ text: n.dom.textContent ?? '', index: Number(n.dom.dataset.index) }))
      .filter((m) => !Number.isNaN(m.index)),
  );
const markIndex = async (p: Page, text: string) =>
  (await marks(p)).find((m) => m.text.startsWith(text))!.index;
const publicTextOf = (p: Page) =>
  p.page.evaluate(() => (globalThis as any).__comp.querySelector('#ft-public').dom.textContent as string);

describe('full-text preview page', () => {
  it('marks every removal and highlight and shows the public text without the personal data', async () => {
    const view = fullTextView();
    // The counts are the engine's own (the fixture runs core/redaction), so tuning the engine moves them.
    const { removals, highlights } = view.fullText!;
    harness.answer = () => ok(view);
    const p = await render();
    expect(calls[0]).toMatchObject({
      fn: 'staff',
      event: { action: 'publication.fullText', payload: { id: FT_ID } },
    });
    const text = await p.text();
    for (const s of [
      '决定书全文公开',
      '待分管领导确认删除内容',
      `删除 ${removals.length} 处`,
      `请核对 ${highlights.length} 处`,
      '谭燚鑫',
      '〔张某〕',
      '〔［身份证号已隐去］〕',
      '〔陈某〕',
      '公众将看到的全文',
      '确认删除内容',
    ])
      expect(text).toContain(s);
    const publicText = await publicTextOf(p);
    for (const s of ['张三丰', PARTY_ID_NO, '139-1234-5678', '民族路88号', '陈志强', '刘敏', '周小红'])
      expect(publicText).not.toContain(s);
    expect(publicText).toContain('《中华人民共和国医师法》第五十九条');
    // Every mark is tappable and has a spoken label (the renderer keeps no aria attributes: read the page data).
    expect(await marks(p)).toHaveLength(removals.length + highlights.length);
    const labels: string[] = await p.page.evaluate(() =>
      (
        (globalThis as any).__comp.instance.data.paragraphs as Array<{
          segments: Array<{ cls: string; label: string }>;
        }>
      )
        .flatMap((para) => para.segments)
        .filter((seg) => seg.cls !== 'plain')
        .map((seg) => seg.label),
    );
    expect(labels).toHaveLength(removals.length + highlights.length);
    expect(labels.every((l) => !!l && l.includes('点按'))).toBe(true);
  });

  it('undoes a removal, takes a highlight, adds typed words and confirms the final list', async () => {
    harness.answer = (c) =>
      action(c) === 'publication.confirmRemovals'
        ? ok({ id: FT_ID, version: 1, removals: 8, highlights: 1, confirmed: true })
        : ok(fullTextView());
    const p = await render();
    await p.invoke('onMark', tap({ index: await markIndex(p, '刘敏') }));
    expect(await p.text()).toContain('撤销删除 1 处');
    await p.invoke('onMark', tap({ index: await markIndex(p, '谭燚鑫') }));
    await p.invoke('onField', typed('杨光明', 'words'));
    await p.invoke('onKind', tap({ value: 'name' }));
    await p.invoke('onAdd');
    const text = await p.text();
    expect(text).toContain('其中审核人添加 2 处');
    const publicText = await publicTextOf(p);
    expect(publicText).toContain('杨某');
    expect(publicText).toContain('谭某');
    expect(publicText).toContain('刘敏');
    await p.invoke('onConfirm');
    const sent = calls.find((c) => action(c) === 'publication.confirmRemovals')!.event.payload as {
      version: number;
      removals: Array<{ start: number; end: number }>;
    };
    expect(sent.version).toBe(1);
    const slices = sent.removals.map((r: { start: number; end: number }) => FT_TEXT.slice(r.start, r.end));
    expect(slices).toEqual(expect.arrayContaining(['张三丰', '杨光明', '谭燚鑫', '陈志强']));
    expect(slices).not.toContain('刘敏');
    expect((await p.effects()).some((e) => e.api === 'showToast')).toBe(true);
  });

  it("shows a refused confirmation in the backend's words and asks for words that are in the text", async () => {
    const leak = '按所选删除后的全文仍含当事人的电话号码，请先删除';
    harness.answer = (c) =>
      action(c) === 'publication.confirmRemovals' ? refused('PRECONDITION_FAILED', leak) : ok(fullTextView());
    const p = await render();
    await p.invoke('onField', typed('不存在的文字', 'words'));
    await p.invoke('onAdd');
    expect(await p.text()).toContain('全文中没有找到这段文字，或它已被标出');
    await p.invoke('onConfirm');
    expect(await p.text()).toContain(leak);
  });

  it('lets the preparer paste the text of a draft; a reader without rights only reads', async () => {
    harness.answer = (c) =>
      action(c) === 'publication.setFullText'
        ? refused('INVALID_INPUT', '输入有误', {
            'payload.text': '请粘贴决定书的文字，不能使用 PDF 文件作为公开全文',
          })
        : ok(fullTextView({ fullText: null, canSet: true, canConfirm: false, status: 'draft' }));
    const p = await render();
    expect(await p.text()).toContain('上传的 PDF 文件不能作为公开全文');
    await p.invoke('onField', typed('%PDF-1.7 ……', 'draft'));
    await p.invoke('onSave');
    expect(await p.text()).toContain('不能使用 PDF 文件作为公开全文');

    harness.answer = () => ok(fullTextView({ canConfirm: false }, true));
    const q = await render();
    const text = await q.text();
    expect(text).toContain('审核人已于 2026年11月30日 确认删除内容（添加 1 处）');
    expect(text).not.toContain('确认删除内容\n');
    expect(text).not.toContain('添加删除内容');
  });

  it('keeps the text readable at the largest font scale', async () => {
    harness.answer = () => ok(fullTextView());
    const p = await render(30);
    const overflow = await p.page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await p.text()).toContain('确认删除内容');
  });
});
