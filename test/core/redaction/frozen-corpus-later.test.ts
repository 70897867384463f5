/**
 * PUB-7: the later frozen halves, each written by someone who never read the engine and committed before it ran on
 * it. The test names carry the blind figures (the first run); the bars are today's figures minus a margin, so a change
 * that loses what a later round fixed fails here. 法释〔2016〕19号 redaction practice.
 */
import { CORPUS, IDENTIFIER_KINDS, score, total } from './corpus';
import { expectEveryHealthField, expectRepresentativesKept, precision, recall } from './corpus-expect';

/*
 * The seventh half (frozen-7, an authority in Shandong), measured blind after the fifth round: identifiers 77/81
 * (a passport number after 护照，号码, a refund account read as the fine-collection one, a Hong Kong number, a
 * new-energy plate spaced after its letters). Those classes and its name and health misses were then fixed.
 */
describe('the redactor on the seventh frozen half (frozen-7: tuned on after its blind run)', () => {
  const now = score(CORPUS.frozen7);

  it('has at least 26 documents across every health field', () => {
    expect(CORPUS.frozen7.length).toBeGreaterThanOrEqual(26);
    expectEveryHealthField(CORPUS.frozen7);
  });

  it('removes identifiers with recall ≥ 99% (81/81 tuned, blind 77/81) and precision ≥ 99% (blind 77/77)', () => {
    const ids = total(now.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(80);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('removes names (minors included) with recall ≥ 99% (162/162 tuned, blind 157/162) and precision ≥ 98% (blind 159/166)', () => {
    const names = total(now.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.99);
    expect(precision(names)).toBeGreaterThanOrEqual(0.98);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (17/17 tuned, blind 16/17, 16/16)', () => {
    expect(recall(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes health details (27/27 tuned, blind 17/27; precision 25/28, blind 23/34) and finances (2/2)', () => {
    expect(recall(now.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.health!)).toBeGreaterThanOrEqual(0.85);
    expect(recall(now.byKind.financial!)).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen7);
  });
});

/*
 * The eighth half (frozen-8, an authority in Jiangsu; 121 identifiers), measured blind after the sixth round:
 * identifiers 116/121 covered, 118/121 touched (two labels included the bank's name before the card; a person's
 * landline and e-mail kept because the authority was named near them; a card after 信用卡 that fails Luhn). Its writer
 * labels whole clauses of health and finances: blind, 16/36 health spans were covered whole but 35/36 touched, and
 * 0/4 statements of finances covered but 4/4 touched. The identifier and name classes were then fixed; the health and
 * finance boundaries were left as they are (the condition and the money clauses go; the verbs around them stay).
 */
describe('the redactor on the eighth frozen half (frozen-8: tuned on after its blind run)', () => {
  const now = score(CORPUS.frozen8);

  it('has at least 32 documents across every health field', () => {
    expect(CORPUS.frozen8.length).toBeGreaterThanOrEqual(32);
    expectEveryHealthField(CORPUS.frozen8);
  });

  it('removes identifiers with recall ≥ 99% (121/121 tuned, blind 116/121) and precision ≥ 98% (blind 118/119)', () => {
    const ids = total(now.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(115);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.98);
  });

  it('removes names (minors included) with recall ≥ 99% (225/225 tuned, blind 220/225) and precision ≥ 98% (blind 220/223)', () => {
    const names = total(now.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.99);
    expect(precision(names)).toBeGreaterThanOrEqual(0.98);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (blind 17/17, 17/17)', () => {
    expect(recall(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('touches every health and finance statement (blind 35/36, 4/4) and keeps health precision ≥ 85% (blind 38/44)', () => {
    expect(now.byKind.health!.touched / now.byKind.health!.labelled).toBeGreaterThanOrEqual(0.97);
    expect(now.byKind.financial!.touched).toBe(now.byKind.financial!.labelled);
    expect(precision(now.byKind.health!)).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen8);
  });
});

/*
 * The ninth half (frozen-9, an authority in Sichuan; 118 identifiers), measured blind after the seventh round with the
 * safety net for unexplained numbers: identifiers 115/118 removed, and two of the three misses (cards named by the
 * bank after them and by 工资卡) highlighted for the reviewer, so 117/118 reached a removal or the reviewer's eye; the
 * third was a plate of nine characters (川A D98765F). Names 138/143 with no wrong removal. Then tuned on.
 */
describe('the redactor on the ninth frozen half (frozen-9: tuned on after its blind run)', () => {
  const now = score(CORPUS.frozen9);

  it('has at least 30 documents across every health field', () => {
    expect(CORPUS.frozen9.length).toBeGreaterThanOrEqual(30);
    expectEveryHealthField(CORPUS.frozen9);
  });

  it('removes identifiers with recall ≥ 99% (118/118 tuned, blind 115/118 + 2 highlighted) and precision ≥ 99%', () => {
    const ids = total(now.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(115);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('removes names (minors included) with recall ≥ 98% (142/143 tuned, blind 138/143) and precision ≥ 98% (blind 140/140)', () => {
    const names = total(now.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.98);
    expect(precision(names)).toBeGreaterThanOrEqual(0.98);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (12/12 tuned, blind 11/12, 11/11)', () => {
    expect(recall(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('touches every health and finance statement (blind 31/32, 5/5) with health precision ≥ 90% (blind 34/37)', () => {
    expect(now.byKind.health!.touched).toBe(now.byKind.health!.labelled);
    expect(now.byKind.financial!.touched).toBe(now.byKind.financial!.labelled);
    expect(precision(now.byKind.health!)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen9);
  });
});
