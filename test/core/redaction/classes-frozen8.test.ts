/**
 * PUB-7 (法释〔2016〕19号 redaction practice): the classes the eighth frozen half (frozen-8, measured blind after the
 * sixth round) showed, each with new wording: the authority's contacts kept only by the legal settings when they are
 * given, a safety net that shows every unexplained long number to the reviewer, cards after 信用卡, and names.
 */
import { redact } from '../../../core/redaction';

const KEEP = { phones: ['0512-65238870'], emails: ['gswjw_zf@gusu.gov.cn'], accounts: ['10551201040008866'] };
const removedWith = (text: string, keep = KEEP) =>
  redact(text, [], { keep }).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);
const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);

describe('the authority’s contacts when the legal settings give them', () => {
  it('removes a person’s landline the authority is named near', () => {
    const text = '经本委重新调查核实：实际经营人为你的弟弟（电话０５１２－６８２１５３９０），你仅接受推拿。';
    expect(removedWith(text)).toContainEqual(['phone', '０５１２－６８２１５３９０']);
  });

  it('removes a refund account, keeps the fine-collection account', () => {
    const text =
      '罚款缴至姑苏区财政局非税收入专户，账号10551201040008866。已缴纳的罚款将退还至你提供的本人账户（账号：6228-4804-0213-9981-076）。';
    const r = removedWith(text);
    expect(r).toContainEqual(['bankAccount', '6228-4804-0213-9981-076']);
    expect(r.map(([, v]) => v)).not.toContain('10551201040008866');
  });

  it('removes a person’s e-mail on the line that names the authority’s mailbox, keeps the mailbox', () => {
    const text = '投诉人发送邮件至本委邮箱gswjw_zf@gusu.gov.cn，邮件来自zhou_lan1990@foxmail.com，反映情况。';
    const r = removedWith(text).map(([, v]) => v);
    expect(r).toContain('zhou_lan1990@foxmail.com');
    expect(r).not.toContain('gswjw_zf@gusu.gov.cn');
  });

  it('keeps the authority’s own landline in the closing notice', () => {
    const text = '如不服本决定，可申请行政复议。\n联系电话：0512-65238870';
    expect(removedWith(text)).toEqual([]);
  });

  it('without settings, still keeps the authority’s numbers by the words around them (the fallback)', () => {
    const text = '如不服本决定，可申请行政复议。\n联系电话：0512-65230000';
    expect(removed(text)).toEqual([]);
  });
});

describe('numbers no rule explains', () => {
  it('highlights an unexplained long number for the reviewer without removing it', () => {
    const text = '其同事用一张卡 4392 2600 1234 5679 付了房费。';
    const r = redact(text, []);
    expect(r.removals).toEqual([]);
    expect(r.highlights.map((h) => text.slice(h.start, h.end))).toContain('4392 2600 1234 5679');
  });

  it.each([
    '批号：20250611',
    '国械注准20213130212',
    '罚款人民币31200000元',
    '于20260301日前改正',
    '执法证号分别为32050820250021、32050820250026',
  ])('does not highlight a thing’s number: %s', (text) => {
    expect(redact(text, []).highlights).toEqual([]);
  });
});

describe('cards, banks and names frozen-8 showed', () => {
  it('removes a card after 信用卡 and the bank written before a card', () => {
    expect(removed('用其信用卡4392 2600 1234 5679支付房费。')).toContainEqual([
      'bankAccount',
      '4392 2600 1234 5679',
    ]);
    expect(removed('转账至其招商银行6214 8301 2345 6780。').map(([, v]) => v)).toContain(
      '招商银行6214 8301 2345 6780',
    );
  });

  it.each([
    ['上述事实有执法人员陆文军、钱梦琪制作的现场笔录为证。', '钱梦琪'],
    ['怀疑床品未更换。柳清留有手机号。', '柳清'],
    ['反映其女儿许可馨（3岁）接种后发热。', '许可馨'],
  ])('%s', (text, name) => {
    expect(removed(text).map(([, v]) => v)).toContain(name);
  });

  it.each([
    ['当事人：苏州仁济口腔门诊部有限公司', '苏州仁'],
    [
      '当事人：某幼儿园，统一社会信用代码：12320508466322018N，园长：尉迟秀兰，地址：虎丘路12号。',
      '尉迟秀兰',
    ],
    ['收费通过微信和银行转账。', '和银行'],
  ])('reads no name in %s', (text, word) => {
    expect(removed(text).map(([, v]) => v)).not.toContain(word);
  });
});
