/**
 * PUB-7 (法释〔2016〕19号 redaction practice): the classes the ninth frozen half (frozen-9, measured blind after the
 * seventh round) showed, each with new wording: cards named by the bank after them or by 工资卡, plates of any length,
 * names before 电话 or a measure, spouses, homes after 租住的, cysts and temperatures.
 */
import { redact } from '../../../core/redaction';

const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);
const values = (kind: string, text: string) =>
  removed(text)
    .filter(([k]) => k === kind || (kind === 'name' && k === 'minor'))
    .map(([, v]) => v);

describe('identifiers frozen-9 showed', () => {
  it.each([
    [
      'bankAccount',
      '收取费用3000元，通过6214 8350 0123 4567 890（招商银行）收款。',
      '6214 8350 0123 4567 890',
    ],
    ['bankAccount', '劳动者邓某（工资卡6217 0032 1000 5678）未体检。', '6217 0032 1000 5678'],
    ['plate', '当事人驾驶新能源车川A D98765F运送物品。', '川A D98765F'],
    ['plate', '其车辆川A·F12345停在门口。', '川A·F12345'],
  ])('%s: %s', (kind, text, value) => {
    expect(values(kind, text)).toContain(value);
  });
});

describe('names, homes and health frozen-9 showed', () => {
  it.each([
    ['患儿母亲王芳电话187 2803 5511。', '王芳'],
    ['劳动者冯海电话139-8064-1234。', '冯海'],
    ['其配偶邱兰电话13709012345。', '邱兰'],
    ['学生邓子轩视力0.3，近视。', '邓子轩'],
  ])('%s', (text, name) => {
    expect(values('name', text)).toContain(name);
  });

  it('removes a home after 租住的 that runs on into 内', () => {
    const text = '在其租住的成都市武侯区红牌楼街道红牌楼路9号2单元101内使用X射线机。';
    expect(values('homeAddress', text)).toContain('成都市武侯区红牌楼街道红牌楼路9号2单元101');
  });

  it.each([
    ['患者的全景片报告为右下颌骨囊肿。', '囊肿'],
    ['其陈述咳嗽三天，自测体温38.9℃。', '体温38.9℃'],
  ])('%s', (text, value) => {
    expect(values('health', text).some((v) => v.includes(value))).toBe(true);
  });
});
