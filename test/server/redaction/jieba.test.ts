/**
 * PUB-7: @node-rs/jieba's unknown surname-initial words become "please review" highlights, never
 * removals; places, brands, document numbers and the published representative are not offered.
 */
import { redact } from '../../../core/redaction';
import { jiebaReviewHints } from '../../../server/redaction/jieba';

const highlighted = (text: string) =>
  redact(text, [], { reviewHints: jiebaReviewHints }).highlights.map((h) => text.slice(h.start, h.end));

describe('jieba review hints', () => {
  it('offers an unknown surname-initial word the rules did not take, and removes nothing for it', () => {
    const text = '现场还有向二娃帮忙搬运货物。';
    const { removals } = redact(text, [], { reviewHints: jiebaReviewHints });
    expect(highlighted(text)).toContain('向二娃');
    expect(removals.map((r) => text.slice(r.start, r.end))).not.toContain('向二娃');
  });

  it('does not offer places, brands, document numbers or the legal representative', () => {
    const text =
      '万州卫医罚〔2026〕7号\n法定代表人：曾德明\n当事人：重庆王老吉凉茶店，住所：万州区周家坝街道。曾德明签字。';
    expect(highlighted(text)).toEqual([]);
  });
});
