/**
 * PUB-7 (法释〔2016〕19号 redaction practice; 个人信息保护法 Art. 28 on health data): the classes of names, health
 * details and finances the sixth frozen half (frozen-6) showed missing or wrongly removed, each with new wording (not
 * a corpus sentence).
 */
import { redact } from '../../../core/redaction';

const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);
const namesOf = (text: string) =>
  removed(text)
    .filter(([k]) => k === 'name' || k === 'minor')
    .map(([, v]) => v);

describe('names the fifth round reads', () => {
  it.each([
    // a role word followed by 签名：
    ['执法人员签名：文静、单雨晴\n', ['文静', '单雨晴']],
    // 员工 is one role word, not 员 + 工
    ['新招录员工柏立军、简雪梅未进行上岗前职业健康检查。', ['柏立军', '简雪梅']],
    // 若 as a given name's character
    ['中班幼儿林若溪出现发热。', ['林若溪']],
    // officers listed with their certificate numbers
    ['执法人员：韦东　执法证号：37070220190031；欧阳明川　执法证号：37070220200045。', ['韦东', '欧阳明川']],
    // a brand's name after a role word is a person's
    ['理发师张亮、卢小雨未持有健康合格证明。', ['张亮', '卢小雨']],
    // an assistant to the general manager
    ['当事人总经理助理上官志（手机略）陪同检查。', ['上官志']],
    // 正在 / 妊娠 / 登记 end a name
    ['检查时，祁立正在为顾客修眉。', ['祁立']],
    ['另一名女工贾丽妊娠5个月。', ['贾丽']],
    ['校医郝晴登记的报告卡未填写完整。', ['郝晴']],
    // the list goes on after a name found elsewhere
    ['聘用未取得护士执业证书的甘春燕、谷小梅从事护理工作。', ['甘春燕', '谷小梅']],
  ])('%s', (text, names) => {
    expect(namesOf(text)).toEqual(expect.arrayContaining(names as string[]));
  });

  it('does not keep a representative’s relative named after 负责人', () => {
    const text = '当事人现场负责人赖海涛（法定代表人之弟，电话略）承认未清洗水箱。';
    expect(namesOf(text)).toContain('赖海涛');
  });

  it.each([
    ['潍奎卫学罚〔2026〕3号', '潍奎卫学'],
    ['院长曾要求员工不要对外说。', '曾要求'],
    ['店长曾提出整改计划。', '曾提出'],
    ['“李宁”牌运动服三件', '李宁'],
  ])('reads no name in %s', (text, word) => {
    expect(namesOf(text).some((n) => word.includes(n) || n.includes(word.slice(0, 2)))).toBe(false);
  });
});

describe('health details the fifth round reads', () => {
  it.each([
    ['工作人员甘一鸣第三季度个人剂量计读数为7.15mSv，当事人未调查。', '7.15mSv'],
    ['其全年累计有效剂量21.4mSv，超过年剂量限值。', '有效剂量21.4mSv'],
    ['病历显示其孕3产1，已行引产。', '孕3产1'],
    ['B超单记载单胎男性。', '单胎男性'],
    ['员工甘海生右手拇指被切纸机压伤后未登记。', '右手拇指被切纸机压伤'],
    ['为邻居拔除松动的上颌牙齿。', '松动的上颌牙齿'],
  ])('%s', (text, value) => {
    const health = removed(text).filter(([k]) => k === 'health');
    expect(health.some(([, v]) => v.includes(value))).toBe(true);
  });

  it.each([
    '年度体检中有5人出现听力下降，当事人未安排复查。',
    '园内先后有12名幼儿出现呕吐、腹泻症状，当事人未报告。',
    '当事人不能提供终止妊娠的医学需要证明。',
    '亦未对患病学生实行隔离。',
    '放射工作人员年有效剂量不得超过20mSv的限值。',
  ])('keeps group statistics, certificates and rules: %s', (text) => {
    expect(removed(text).filter(([k]) => k === 'health')).toEqual([]);
  });

  it('removes a named child’s symptoms in a list with a count', () => {
    const text = '幼儿林若溪、万子墨等3名幼儿先后出现手足口病症状。';
    expect(removed(text).some(([k, v]) => k === 'health' && v.includes('手足口病'))).toBe(true);
  });
});

describe('finances the fifth round reads', () => {
  it('removes an allowance a person lives on', () => {
    const text = '其母亲每月养老金1900元，另享受残疾人两项补贴。';
    const fin = removed(text).filter(([k]) => k === 'financial');
    expect(fin.map(([, v]) => v).join('')).toContain('另享受残疾人两项补贴');
  });
});
