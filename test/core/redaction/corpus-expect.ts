/** Assertions shared by the frozen-corpus tests (PUB-7): recall, precision, fields covered, representatives kept. */
import { CORPUS, runDoc, type KindScore } from './corpus';

export const recall = (s: KindScore) => s.found / s.labelled;
export const precision = (s: KindScore) => (s.removed ? s.correct / s.removed : 1);
export type Doc = (typeof CORPUS.frozen)[number];

const HEALTH_FIELDS = [
  'medical',
  'public-places',
  'drinking-water',
  'occupational',
  'infectious',
  'radiation',
  'family-planning',
];

export function expectEveryHealthField(docs: readonly Doc[]): void {
  const fields = new Set(docs.map((d) => d.field));
  for (const f of HEALTH_FIELDS) expect(fields).toContain(f);
}

/** No removal touches a span labelled as kept (the published 法定代表人, 经营者, 负责人). */
export function expectRepresentativesKept(docs: readonly Doc[]): void {
  for (const doc of docs) {
    const { removals } = runDoc(doc);
    const cut = doc.kept.filter((k) => removals.some((r) => r.start < k.end && k.start < r.end));
    expect({ doc: doc.id, cut }).toEqual({ doc: doc.id, cut: [] });
  }
}
