/**
 * The public detail page with a decision's full text (PUB-7 second form, seed Art. 16): the
 * redacted text fixed at approval, as paragraphs under the summary; an entry without one shows the summary only.
 */
import { detailView } from '../../miniprogram/pages/publication/view';
import { pageHarness } from './harness';
import { published } from './publication-fixtures';

const harness = pageHarness();
const DETAIL = 'pages/publication/detail/index';
const FULL = '行政处罚决定书\n当事人：张某，公民身份号码：［身份证号已隐去］。\n决定：罚款3万元。';

describe('public detail with the full text', () => {
  it('shows the full text as paragraphs after the summary', async () => {
    harness.answer = () => ({ ok: true, data: { ...published('pub_0005aaaa'), fullText: FULL } });
    const page = await harness.render(DETAIL, { query: { id: 'pub_0005aaaa' } });
    const text = await page.text();
    expect(text).toContain('决定书全文');
    expect(text).toContain('已依法删除自然人的姓名、身份证件号码、联系方式、住址等个人信息');
    expect(text).toContain('当事人：张某，公民身份号码：［身份证号已隐去］。');
  });

  it('has no full-text section without one', async () => {
    harness.answer = () => ({ ok: true, data: published('pub_0006aaaa') });
    const page = await harness.render(DETAIL, { query: { id: 'pub_0006aaaa' } });
    expect(await page.text()).not.toContain('决定书全文');
    const v = detailView(published('pub_0006aaaa'));
    expect(v.withdrawn === false && v.fullText).toBeNull();
  });
});
