/**
 * The public results pages rendered in Chromium (scripts/miniprogram/render.ts; PUB-7, PUB-13, item 6), the
 * `public` function answered here: the list by kind and keyword with cursor paging and its states, a withdrawn
 * entry as its notice, the detail summary, the link of a changed decision, and sharing.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';
import { pageOf, penaltyView, permitView, published, withdrawn } from './publication-fixtures';

const harness = pageHarness();
const { calls } = harness;
const LIST = 'pages/publication/list/index';
const DETAIL = 'pages/publication/detail/index';

const payloads = () => calls.map((c) => c.event.payload);
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);
const tapKind = (kind: string) => ({ currentTarget: { dataset: { kind } } });

describe('results list', () => {
  it('lists newest first as the backend answers, a withdrawn entry as its notice only', async () => {
    harness.answer = () =>
      pageOf([published('pub_0001aaaa'), withdrawn('pub_0003aaaa'), published('pub_0002aaaa', permitView())]);
    const page = await render();
    expect(calls[0]).toMatchObject({
      fn: 'public',
      event: { action: 'publication.list', payload: { pageSize: 20 } },
    });
    const text = await page.text();
    expect(text).toContain('共 3 条');
    expect(text.indexOf('张某')).toBeLessThan(text.indexOf('万卫公罚〔2026〕9号'));
    expect(text.indexOf('万卫公罚〔2026〕9号')).toBeLessThan(text.indexOf('万州区丽影美发店'));
    expect(text).toContain('罚款 2.5 万元（25,000 元）');
    expect(text).toContain('该公示信息已于 2026年11月28日 撤回。');
    expect(text).toContain('撤回理由：该行政处罚决定已被依法撤销');
    expect(text).toContain('没有更多了');
    await page.invoke('onOpen', { currentTarget: { dataset: { id: 'pub_0003aaaa' } } });
    expect(await effectsOf(page, 'navigateTo')).toEqual([
      { url: '/pages/publication/detail/index?id=pub_0003aaaa' },
    ]);
  });

  it('filters by the kind tab, labelled from the core bundle', async () => {
    harness.answer = () => pageOf([published('pub_0002aaaa', permitView())]);
    const page = await render();
    const tabs = await page.page.$$eval('[data-kind]', (els) => els.map((e) => e.textContent?.trim()));
    expect(tabs).toEqual(['全部', '处罚', '许可', '强制', '检查', '征收征用']);
    await page.invoke('onKind', tapKind('permit'));
    expect(payloads().at(-1)).toEqual({ kind: 'permit', pageSize: 20 });
    const selected = await page.page.$$eval('[data-kind]', (els) =>
      els.filter((e) => /kind-tab-on/.test(e.className)).map((e) => e.getAttribute('data-kind')),
    );
    expect(selected).toEqual(['permit']);
    await page.invoke('onKind', tapKind(''));
    expect(payloads().at(-1)).toEqual({ pageSize: 20 });
  });

  it('searches by keyword within the kind, says when nothing matched, and clears', async () => {
    harness.answer = (c) =>
      (c.event.payload as { keyword?: string }).keyword === '嘉禾'
        ? pageOf([published('pub_0001aaaa')])
        : pageOf([]);
    const page = await render();
    expect(await page.text()).toContain('暂无公示信息');
    await page.invoke('onKind', tapKind('penalty'));
    await page.invoke('onKeywordInput', { detail: { value: ' 嘉禾 ' } });
    await page.invoke('onSearch');
    expect(payloads().at(-1)).toEqual({ kind: 'penalty', keyword: '嘉禾', pageSize: 20 });
    expect(await page.text()).toContain('（搜索“嘉禾”）');
    await page.invoke('onKeywordInput', { detail: { value: '不存在的名称' } });
    await page.invoke('onSearch');
    expect(await page.text()).toContain('没有找到与“不存在的名称”相关的公示信息');
    await page.invoke('onClearSearch');
    expect(payloads().at(-1)).toEqual({ kind: 'penalty', pageSize: 20 });
  });

  it("shows the backend's Chinese message for an invalid keyword, not an error page", async () => {
    harness.answer = (c) =>
      (c.event.payload as { keyword?: string }).keyword
        ? {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '输入有误',
              fields: { 'payload.keyword': '关键词不能超过 50 个字' },
            },
          }
        : pageOf([published('pub_0001aaaa')]);
    const page = await render();
    await page.invoke('onKeywordInput', { detail: { value: '长'.repeat(51) } });
    await page.invoke('onSearch');
    const text = await page.text();
    expect(text).toContain('关键词不能超过 50 个字');
    expect(text).not.toContain('重试');
    expect(text).not.toContain('暂无公示信息');
  });

  it('pages with the cursor at the bottom of the page; a failed page says so and retries', async () => {
    let failMore = true;
    harness.answer = (c) => {
      if (!(c.event.payload as { cursor?: string }).cursor)
        return pageOf([published('pub_0001aaaa')], 'c1', 2);
      if (failMore) return { ok: false, error: { code: 'INTERNAL', message: '网络不畅，请检查网络后重试' } };
      return pageOf([published('pub_0002aaaa', permitView())], null, null);
    };
    const page = await render();
    await page.invoke('onReachBottom');
    expect(payloads().at(-1)).toEqual({ pageSize: 20, cursor: 'c1' });
    let text = await page.text();
    expect(text).toContain('加载更多失败：网络不畅，请检查网络后重试');
    expect(text).toMatch(/加载更多失败：网络不畅，请检查网络后重试\s*重试/); // the button now says 重试
    failMore = false;
    await page.invoke('loadMore');
    text = await page.text();
    expect(text).toContain('万州区丽影美发店');
    expect(text).not.toContain('加载更多失败');
    expect(text).toContain('共 2 条'); // a later page answers no count; the first page's stays
    expect(text).toContain('没有更多了');
  });

  it('shows a failed first load with 重试', async () => {
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
    });
    const page = await render();
    expect(await page.text()).toContain('服务暂时不可用，请稍后重试');
    harness.answer = () => pageOf([published('pub_0001aaaa')]);
    await page.invoke('load');
    expect(await page.text()).toContain('张某');
  });

  it('is shareable as the list', async () => {
    harness.answer = () => pageOf([]);
    const page = await render();
    expect(await shareOf(page)).toEqual({ title: '执法结果公示', path: '/pages/publication/list/index' });
  });
});

describe('result detail', () => {
  it('reads as a summary with amounts in 万元, and links a changed decision to the earlier entry', async () => {
    harness.answer = () => ({
      ok: true,
      data: published('pub_0004aaaa', penaltyView(), { id: 'pub_0003aaaa', docNo: '万卫公罚〔2026〕9号' }),
    });
    const page = await render(DETAIL, { id: 'pub_0004aaaa' });
    expect(calls[0]).toMatchObject({
      fn: 'public',
      event: { action: 'publication.get', payload: { id: 'pub_0004aaaa' } },
    });
    const text = await page.text();
    for (const s of [
      '行政处罚决定公示',
      '万卫医罚〔2026〕21号',
      '重庆市万州区卫生健康委员会',
      '张某',
      '《中华人民共和国医师法》第五十九条',
      '2.5 万元（25,000 元）',
      '0.18 万元（1,800 元）',
      '2026年11月24日',
    ])
      expect(text).toContain(s);
    expect(text).toContain('本决定变更了原决定 万卫公罚〔2026〕9号');
    expect(await shareOf(page)).toEqual({
      title: '行政处罚公示：万卫医罚〔2026〕21号',
      path: '/pages/publication/detail/index?id=pub_0004aaaa',
    });
    await page.invoke('onOpenReplaced');
    expect(await effectsOf(page, 'navigateTo')).toEqual([
      { url: '/pages/publication/detail/index?id=pub_0003aaaa' },
    ]);
  });

  it('shows a withdrawn entry as its notice, no content', async () => {
    harness.answer = () => ({ ok: true, data: withdrawn('pub_0003aaaa') });
    const page = await render(DETAIL, { id: 'pub_0003aaaa' });
    const text = await page.text();
    expect(text).toContain('该公示信息已撤回，原公示内容不再公开。');
    expect(text).toContain('该行政处罚决定已被依法撤销');
    expect(text).not.toContain('处罚内容');
    expect(text).not.toContain('以上为依法公示的执法决定摘要');
  });

  it('says not found for an unknown id, and offers 重试 on a failure', async () => {
    harness.answer = () => ({ ok: false, error: { code: 'NOT_FOUND', message: '未找到该公示信息' } });
    const page = await render(DETAIL, { id: 'pub_00000000' });
    expect(await page.text()).toContain('未找到该公示信息');
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
    });
    await page.invoke('load');
    expect(await page.text()).toContain('服务暂时不可用，请稍后重试');
    expect(await page.text()).toContain('重试');
  });
});

function render(page = LIST, query?: Record<string, string>): Promise<Rendered> {
  return harness.render(page, { query });
}

function shareOf(page: Rendered): Promise<unknown> {
  return page.page.evaluate(() =>
    (
      globalThis as unknown as { __comp: { instance: { onShareAppMessage(): unknown } } }
    ).__comp.instance.onShareAppMessage(),
  );
}
