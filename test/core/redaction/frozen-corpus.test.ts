/**
 * PUB-7: recall and precision per kind of personal data on the frozen half of the labelled
 * corpus (test/fixtures/redaction/frozen, committed before the redactor was written, never tuned on). The
 * thresholds are the figures in README.md ("Redaction: measured") minus a small margin: a change that loses
 * names or identifiers fails here. 法释〔2016〕19号 redaction practice.
 */
import { CORPUS, IDENTIFIER_KINDS, score, total } from './corpus';
import { expectEveryHealthField, expectRepresentativesKept, precision, recall } from './corpus-expect';

const frozen = score(CORPUS.frozen);

describe('the redactor on the frozen half of the labelled corpus', () => {
  it('has at least 20 decisions across every health field', () => {
    expect(CORPUS.frozen.length).toBeGreaterThanOrEqual(20);
    expect(CORPUS.frozen.length + CORPUS.tuning.length).toBeGreaterThanOrEqual(40);
    expectEveryHealthField(CORPUS.frozen);
  });

  it('removes at least 99% of identifiers (ID numbers, phones, e-mail, WeChat, bank, property, plates), precisely', () => {
    const ids = total(frozen.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(20);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('removes names of natural persons (minors included) with recall ≥ 97% and precision ≥ 97%', () => {
    const names = total(frozen.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.97);
    expect(precision(names)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95%', () => {
    expect(recall(frozen.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(frozen.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes health details (measured 13/13 since the whole-phrase rules) and statements of finances', () => {
    expect(recall(frozen.byKind.health!)).toBeGreaterThanOrEqual(0.9);
    expect(precision(frozen.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(frozen.byKind.financial!)).toBe(1);
  });

  it('keeps the published representatives (法定代表人, 经营者) of every frozen decision', () => {
    expectRepresentativesKept(CORPUS.frozen);
  });
});

/**
 * PUB-7: the second frozen half (test/fixtures/redaction/frozen-2), written with new wording and committed before
 * the engine was ever run on it. Its first (blind) run is in README.md ("blind, second frozen half"); the engine was
 * then tuned on it (role words by class, weak surnames, whole health phrases, finance clauses, card groupings), so
 * these figures are no longer blind: the bars are the figures after tuning (README.md, "frozen-2 after tuning on it")
 * minus a small margin, so that a change cannot lose what the tuning gained. The blind measure is the lead's, on a
 * third half this engine has never seen.
 */
describe('the redactor on the second frozen half (frozen-2, tuned on: no longer blind)', () => {
  const tuned = score(CORPUS.frozen2);

  it('has at least 20 decisions across every health field', () => {
    expect(CORPUS.frozen2.length).toBeGreaterThanOrEqual(20);
    expectEveryHealthField(CORPUS.frozen2);
  });

  it('removes identifiers with recall ≥ 99% (measured 31/31, blind 30/31) and precision ≥ 99% (measured 31/31)', () => {
    const ids = total(tuned.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(30);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('removes names of natural persons (minors included) with recall ≥ 97% (measured 121/121, blind 88/121) and precision ≥ 97% (measured 121/121)', () => {
    const names = total(tuned.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.97);
    expect(precision(names)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (measured 8/8, 8/8)', () => {
    expect(recall(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes whole health details (measured 24/24, blind 6/24) and statements of finances (measured 5/5, blind 1/5)', () => {
    expect(recall(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.9);
    expect(precision(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.8);
    expect(precision(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the published representatives (法定代表人, 经营者, 负责人) of every decision', () => {
    expectRepresentativesKept(CORPUS.frozen2);
  });
});

/**
 * PUB-7: the third frozen half (test/fixtures/redaction/frozen-3: 30 documents in nine fields, another district's
 * authority), measured blind twice by the lead (README.md, "Measured blind on the third frozen half"), then tuned on
 * by class: the authority's contacts as configuration (its phone, e-mail and fine account passed as
 * RedactOptions.keep, as the publication flow passes them from the legal settings), IDs with typos or masks,
 * compound surnames and common-word names, occupational, screening and aesthetic health findings, foetal sex,
 * family finances, rural homes. No longer blind: the bars are the tuned figures minus a small margin; the blind
 * measure is the lead's, on a fourth half.
 */
describe('the redactor on the third frozen half (frozen-3, tuned on: no longer blind)', () => {
  const tuned = score(CORPUS.frozen3);

  it('has at least 20 documents across every health field', () => {
    expect(CORPUS.frozen3.length).toBeGreaterThanOrEqual(20);
    expectEveryHealthField(CORPUS.frozen3);
  });

  it('removes identifiers with recall ≥ 99% (measured 53/53, blind 51/53) and precision ≥ 99% (measured 53/53, blind 51/60)', () => {
    const ids = total(tuned.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(50);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('removes names of natural persons (minors included) with recall ≥ 97% (measured 238/238, blind 207/238) and precision ≥ 97%', () => {
    const names = total(tuned.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.97);
    expect(precision(names)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes home addresses with recall ≥ 95% (measured 16/16, blind 14/16) and precision ≥ 95%', () => {
    expect(recall(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes whole health details (measured 41/41, blind 27/41) and statements of finances (measured 5/5, blind 1/5)', () => {
    expect(recall(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.8);
    expect(precision(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the published representatives (法定代表人, 经营者, 投资人, compound surnames too) of every document', () => {
    expectRepresentativesKept(CORPUS.frozen3);
  });
});

/**
 * PUB-7: the fourth frozen half (test/fixtures/redaction/frozen-4: 29 documents, another province's authority with
 * its phone, e-mail, fine account and address passed as RedactOptions.keep), measured blind by the lead (README.md,
 * "Measured blind on the fourth frozen half"), then tuned on by class: identifiers in every spelling (IDs in any
 * digit grouping, every property-certificate numbering, QQ numbers), institutional activities that are not health,
 * injuries, pregnancy and lactation of a named woman, doses and test values, role-less and weak-surname names,
 * provinces and brands kept, finances without a speaker. No longer blind: the bars are the tuned figures minus a
 * small margin; the blind measure is the lead's, on a fifth half.
 */
describe('the redactor on the fourth frozen half (frozen-4, tuned on: no longer blind)', () => {
  const tuned = score(CORPUS.frozen4);

  it('has at least 20 documents across every health field', () => {
    expect(CORPUS.frozen4.length).toBeGreaterThanOrEqual(20);
    expectEveryHealthField(CORPUS.frozen4);
  });

  it('removes identifiers with recall ≥ 99% (measured 48/48, blind 46/48) and precision ≥ 99% (measured 48/48)', () => {
    const ids = total(tuned.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(45);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps the authority’s contacts by context too when the settings give none (measured 48/48 removals right)', () => {
    const ids = total(score(CORPUS.frozen4, { keep: undefined }).byKind, IDENTIFIER_KINDS);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes names of natural persons (minors included) with recall ≥ 97% (measured 191/192, blind 176/192) and precision ≥ 97% (measured 191/191)', () => {
    const names = total(tuned.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.97);
    expect(precision(names)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (measured 12/12, 12/12)', () => {
    expect(recall(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes whole health details (measured 48/48, blind 37/48; precision 44/44, blind 40/43) and statements of finances (measured 8/8, blind 5/8)', () => {
    expect(recall(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.85);
    expect(precision(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen4);
  });
});

/*
 * The fifth half (frozen-5) was written by a helper that never read the engine and committed before the engine ran
 * on it; the lead measured it once, blind, after the third tuning round (history, README "Measured blind on the
 * fifth frozen half": identifiers 72/74 with precision 73/74, names and minors 169/182 with 169/169, home addresses
 * 14/17 with 14/15, health 26/38 with 31/31, finances 8/9 with 9/9). The project then gave up its blindness: the
 * fourth tuning round read its misses and fixed them by class (spelling-table.test.ts, classes-frozen5.test.ts).
 * The bars are the tuned figures minus a margin; the blind figures stay in the titles as history.
 */
describe('the redactor on the fifth frozen half (frozen-5, tuned on: no longer blind)', () => {
  const tuned = score(CORPUS.frozen5);

  it('has at least 20 documents across every health field', () => {
    expect(CORPUS.frozen5.length).toBeGreaterThanOrEqual(20);
    expectEveryHealthField(CORPUS.frozen5);
  });

  it('removes identifiers with recall ≥ 99% (measured 74/74, blind 72/74) and precision ≥ 99% (measured 74/74, blind 73/74)', () => {
    const ids = total(tuned.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(70);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps the authority’s contacts by context too when the settings give none (measured 74/74 removals right)', () => {
    const ids = total(score(CORPUS.frozen5, { keep: undefined }).byKind, IDENTIFIER_KINDS);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes names of natural persons (minors included) with recall ≥ 97% (measured 182/182, blind 169/182) and precision ≥ 97% (measured 182/182, blind 169/169)', () => {
    const names = total(tuned.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.97);
    expect(precision(names)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes home addresses with recall ≥ 95% (measured 17/17, blind 14/17) and precision ≥ 95% (measured 17/17, blind 14/15)', () => {
    expect(recall(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes whole health details (measured 38/38, blind 26/38; precision 38/38) and statements of finances (measured 9/9, blind 8/9)', () => {
    expect(recall(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(tuned.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.85);
    expect(precision(tuned.byKind.financial!)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen5);
  });
});

/*
 * The sixth half (frozen-6), written without reading the engine and committed before it ran, measured blind by the
 * lead after the third round (identifiers 69/74) and the fourth (71/74: two cards named by the word after them or by
 * a transfer, a WeChat id in brackets; one kept operator described in a bracket cut). Those classes were then fixed,
 * so identifiers and kept names are no longer blind here. The fifth round then fixed the classes behind its name,
 * health and finance misses (a role word before 签名：, 员工 cut as 员 + 工, 若 as a given name, officers listed with
 * their certificate numbers, brands after a role word, doses and group statistics): nothing here is blind any more;
 * the blind figures stay in the test names.
 */
describe('the redactor on the sixth frozen half (frozen-6: tuned on after its blind run)', () => {
  const now = score(CORPUS.frozen6);

  it('has at least 20 documents across every health field', () => {
    expect(CORPUS.frozen6.length).toBeGreaterThanOrEqual(20);
    expectEveryHealthField(CORPUS.frozen6);
  });

  it('removes identifiers with recall ≥ 99% (74/74 after the fix, blind 71/74) and precision ≥ 97% (73/74)', () => {
    const ids = total(now.byKind, IDENTIFIER_KINDS);
    expect(ids.labelled).toBeGreaterThanOrEqual(70);
    expect(recall(ids)).toBeGreaterThanOrEqual(0.99);
    expect(precision(ids)).toBeGreaterThanOrEqual(0.97);
  });

  it('removes names (minors included) with recall ≥ 99% (175/175 tuned, blind 160/175) and precision ≥ 98%', () => {
    const names = total(now.byKind, ['name', 'minor']);
    expect(recall(names)).toBeGreaterThanOrEqual(0.99);
    expect(precision(names)).toBeGreaterThanOrEqual(0.98);
  });

  it('removes home addresses with recall ≥ 95% and precision ≥ 95% (blind 14/14, 15/15)', () => {
    expect(recall(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.homeAddress!)).toBeGreaterThanOrEqual(0.95);
  });

  it('removes health details (36/36 tuned, blind 29/36; precision 33/34) and finances (8/8, blind 7/8; 8/9)', () => {
    expect(recall(now.byKind.health!)).toBeGreaterThanOrEqual(0.97);
    expect(precision(now.byKind.health!)).toBeGreaterThanOrEqual(0.94);
    expect(recall(now.byKind.financial!)).toBeGreaterThanOrEqual(0.95);
    expect(precision(now.byKind.financial!)).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the published representatives of every document', () => {
    expectRepresentativesKept(CORPUS.frozen6);
  });
});
