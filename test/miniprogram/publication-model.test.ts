/**
 * The public results pages' view models (miniprogram/pages/publication/view.ts; PUB-7, PUB-13, item 6): the kind
 * tabs from the core labels, amounts in 万元 (and 元), list rows and the detail summary, a withdrawn entry as its
 * notice only, the link of a changed decision to the earlier entry, and a share card with nothing personal.
 */
import { ENTRY_KIND_LABELS, ENTRY_KINDS } from '../../core/publication/kinds';
import { detailView, kindTabs, listRow, shareOf, wanYuan } from '../../miniprogram/pages/publication/view';
import { penaltyView, permitView, published, withdrawn } from './publication-fixtures';

describe('kind tabs', () => {
  it('are 全部 then every kind of the core bundle, in its order, without the common 行政', () => {
    const tabs = kindTabs();
    expect(tabs[0]).toEqual({ value: '', label: '全部' });
    expect(tabs.slice(1).map((t) => t.value)).toEqual([...ENTRY_KINDS]);
    expect(tabs.map((t) => t.label)).toEqual(['全部', '处罚', '许可', '强制', '检查', '征收征用']);
    for (const t of tabs.slice(1)) expect(ENTRY_KIND_LABELS[t.value as 'penalty']).toBe(`行政${t.label}`);
  });
});

describe('wanYuan', () => {
  it('shows 万元 with the amount in 元, without floating point', () => {
    expect(wanYuan('2.5')).toBe('2.5 万元（25,000 元）');
    expect(wanYuan('0.18')).toBe('0.18 万元（1,800 元）');
    expect(wanYuan('2.50')).toBe('2.5 万元（25,000 元）');
    expect(wanYuan('120')).toBe('120 万元（1,200,000 元）');
    expect(wanYuan('0.000001')).toBe('0.000001 万元（0.01 元）');
    expect(wanYuan('0.123456')).toBe('0.123456 万元（1,234.56 元）');
  });
  it('keeps nothing as nothing, and odd text as it is', () => {
    expect(wanYuan(null)).toBeNull();
    expect(wanYuan('')).toBeNull();
    expect(wanYuan('约3')).toBe('约3 万元');
  });
});

describe('listRow', () => {
  it('summarises a published entry: party public name, violation type, fine, document number, date', () => {
    expect(listRow(published('pub_0001aaaa'))).toEqual({
      id: 'pub_0001aaaa',
      withdrawn: false,
      kindLabel: '行政处罚',
      docNo: '万卫医罚〔2026〕21号',
      partyName: '张某',
      summary: '未取得医师执业证书擅自开展诊疗活动',
      amount: '罚款 2.5 万元（25,000 元）',
      date: '2026年11月24日',
    });
  });
  it('falls back to the decision when there is no violation type (a permit)', () => {
    const row = listRow(published('pub_0002aaaa', permitView()));
    expect(row).toMatchObject({ summary: '准予公共场所卫生许可', amount: '' });
  });
  it('shows a withdrawn entry as its notice only (PUB-13)', () => {
    expect(listRow(withdrawn('pub_0003aaaa'))).toEqual({
      id: 'pub_0003aaaa',
      withdrawn: true,
      docNo: '万卫公罚〔2026〕9号',
      withdrawnOn: '2026年11月28日',
      reason: '该行政处罚决定已被依法撤销',
    });
  });
});

describe('detailView', () => {
  it('reads as a summary of a penalty, amounts in 万元', () => {
    const v = detailView(published('pub_0001aaaa'));
    expect(v.title).toBe('行政处罚决定公示');
    expect(v.fields.map((f) => [f.label, f.value])).toEqual([
      ['决定文书号', '万卫医罚〔2026〕21号'],
      ['执法机关', '重庆市万州区卫生健康委员会'],
      ['当事人', '张某'],
      ['违法行为类型', '未取得医师执业证书擅自开展诊疗活动'],
      ['处罚依据', '《中华人民共和国医师法》第五十九条'],
      ['处罚类别', '罚款、没收违法所得'],
      ['处罚内容', '没收违法所得0.18万元，并处罚款2.5万元'],
      ['罚款金额', '2.5 万元（25,000 元）'],
      ['没收金额', '0.18 万元（1,800 元）'],
      ['决定日期', '2026年11月24日'],
    ]);
    expect(v.withdrawn === false && v.replaces).toBeNull();
  });
  it('shows a permit with its premises, certificate and validity', () => {
    const v = detailView(published('pub_0002aaaa', permitView()));
    const labels = v.fields.map((f) => f.label);
    expect(labels).toEqual([
      '决定文书号',
      '执法机关',
      '当事人',
      '经营场所',
      '许可类别',
      '许可内容',
      '证书名称',
      '证书编号',
      '有效期',
      '决定日期',
    ]);
    expect(v.fields.find((f) => f.key === 'validity')!.value).toBe('2026年11月20日至2030年11月19日');
  });
  it('links a changed decision to the earlier entry', () => {
    const v = detailView(
      published('pub_0004aaaa', penaltyView(), { id: 'pub_0003aaaa', docNo: '万卫公罚〔2026〕9号' }),
    );
    expect(v.withdrawn === false && v.replaces).toEqual({
      id: 'pub_0003aaaa',
      docNo: '万卫公罚〔2026〕9号',
      url: '/pages/publication/detail/index?id=pub_0003aaaa',
    });
  });
  it('shows a withdrawn entry as document number, date and reason, no content', () => {
    const v = detailView(withdrawn('pub_0003aaaa'));
    expect(v.withdrawn).toBe(true);
    expect(v.fields.map((f) => f.value)).toEqual([
      '万卫公罚〔2026〕9号',
      '2026年11月28日',
      '该行政处罚决定已被依法撤销',
    ]);
  });
});

describe('shareOf', () => {
  it('shares the entry by kind and document number, never the party', () => {
    const share = shareOf(detailView(published('pub_0001aaaa')));
    expect(share).toEqual({
      title: '行政处罚公示：万卫医罚〔2026〕21号',
      path: '/pages/publication/detail/index?id=pub_0001aaaa',
    });
    expect(share.title).not.toContain('张某');
    expect(shareOf(null)).toEqual({ title: '执法结果公示', path: '/pages/publication/list/index' });
  });
});
