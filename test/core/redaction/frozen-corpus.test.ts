/**
 * PUB-7: recall and precision per kind of personal data on the frozen half of the labelled
 * corpus (test/fixtures/redaction/frozen, committed before the redactor was written, never tuned on). The
 * thresholds are the figures in README.md ("Redaction: measured") minus a small margin: a change that loses
 * names or identifiers fails here. 法释〔2016〕19号 redaction practice (the legal notes (docs/requirements.md)).
 */
import { CORPUS, IDENTIFIER_KINDS, runDoc, score, total, type KindScore } from './corpus';

const frozen = score(CORPUS.frozen);
const recall = (s: KindScore) => s.found / s.labelled;
const precision = (s: KindScore) => (s.removed ? s.correct / s.removed : 1);

describe('the redactor on the frozen half of the labelled corpus', () => {
  it('has at least 20 decisions across every health field', () => {
    expect(CORPUS.frozen.length).toBeGreaterThanOrEqual(20);
    expect(CORPUS.frozen.length + CORPUS.tuning.length).toBeGreaterThanOrEqual(40);
    const fields = new Set(CORPUS.frozen.map((d) => d.field));
    for (const f of [
      'medical',
      'public-places',
      'drinking-water',
      'occupational',
      'infectious',
      'radiation',
      'family-planning',
    ]) {
      expect(fields).toContain(f);
    }
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

  it('removes health details and statements of finances at the measured level', () => {
    expect(recall(frozen.byKind.health!)).toBeGreaterThanOrEqual(0.75);
    expect(precision(frozen.byKind.health!)).toBeGreaterThanOrEqual(0.95);
    expect(recall(frozen.byKind.financial!)).toBe(1);
  });

  it('keeps the published representatives (法定代表人, 经营者) of every frozen decision', () => {
    for (const doc of CORPUS.frozen) {
      const { removals } = runDoc(doc);
      const cut = doc.kept.filter((k) => removals.some((r) => r.start < k.end && k.start < r.end));
      expect({ doc: doc.id, cut }).toEqual({ doc: doc.id, cut: [] });
    }
  });
});
