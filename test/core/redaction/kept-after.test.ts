/**
 * PUB-7 (seed publicity Art. 16; 双公示 standard): a legal representative or operator is published by name. When the
 * document names the person first and says who they are in a bracket after (当事人：欧阳丽（某某美发店经营者）), the
 * name is kept everywhere, as after 经营者：; a person described otherwise in a bracket is still removed.
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);

describe('a representative described in a bracket after the name', () => {
  it.each([
    ['当事人：欧阳丽（湖州吴兴丽人美发店经营者），身份证号码：330502198803150022。', '欧阳丽'],
    ['当事人：司徒建华（某某诊所法定代表人）。经查，司徒建华未取得许可。', '司徒建华'],
    ['当事人：林永(个体工商户经营者)，住所：某某路8号。', '林永'],
  ])('keeps the name in: %s', (text, name) => {
    const out = publish(text);
    expect(out).toContain(name);
    expect(out).not.toContain('330502198803150022');
  });

  it('still removes a person whose bracket says something else', () => {
    const text = '证人：欧阳春（当事人的邻居）到场作证。';
    expect(publish(text)).not.toContain('欧阳春');
  });
});
