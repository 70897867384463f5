/**
 * Batch planning of a valid manifest: cases before the records that hang on them, rows in
 * source-id order, keys that stay the same for the same rows so that an interrupted import resumes after its last
 * applied batch and a re-import finds every batch done (the upsert by sourceId makes re-applying harmless anyway).
 */
import { manifestDigest, parseManifest, planBatches, type Manifest } from '../../../core/case/manifest';
import { validJson } from './manifest-fixtures';

function manifestOf(json: unknown): Manifest {
  const r = parseManifest({ format: 'json', files: { 'm.json': JSON.stringify(json) } });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.manifest;
}

/** A manifest with n cases, each with one document. */
function bigManifest(n: number): Manifest {
  const c0 = validJson.cases[0]!;
  const d0 = validJson.documents[0]!;
  const cases = Array.from({ length: n }, (_, i) => ({
    ...c0,
    sourceId: `C${String(i).padStart(4, '0')}`,
    caseNo: `万卫罚〔2026〕${i}号`,
  }));
  const documents = cases.map((c, i) => ({ ...d0, sourceId: `D${i}`, caseSourceId: c.sourceId }));
  return manifestOf({ cases, documents });
}

describe('planBatches', () => {
  it('puts every case batch before any record batch, each batch at most batchSize rows, all rows once', () => {
    const m = bigManifest(23);
    const batches = planBatches(m, 5);
    expect(batches.map((b) => [b.seq, b.kind, b.rows.length])).toEqual([
      [0, 'cases', 5],
      [1, 'cases', 5],
      [2, 'cases', 5],
      [3, 'cases', 5],
      [4, 'cases', 3],
      [5, 'documents', 5],
      [6, 'documents', 5],
      [7, 'documents', 5],
      [8, 'documents', 5],
      [9, 'documents', 3],
    ]);
    const ids = batches.flatMap((b) => b.rows.map((r) => `${b.kind}:${r.sourceId}`));
    expect(new Set(ids).size).toBe(46);
  });

  it('orders the kinds cases, documents, av, data and rows by sourceId', () => {
    const batches = planBatches(manifestOf(validJson), 1);
    expect(batches.map((b) => `${b.kind}:${b.rows[0]!.sourceId}`)).toEqual([
      'cases:JD-2026-0001',
      'cases:JD-2026-0002',
      'documents:WS-1',
      'av:AV-77',
      'data:DZ-5',
    ]);
  });

  it('gives the same keys for the same rows in any order, and new keys only where rows changed', () => {
    const m = bigManifest(12);
    const shuffled: Manifest = { ...m, cases: [...m.cases].reverse(), documents: [...m.documents].reverse() };
    const keys = planBatches(m, 4).map((b) => b.key);
    expect(planBatches(shuffled, 4).map((b) => b.key)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toMatch(/^cases-1-[0-9a-f]{16}$/);
    const changed = structuredClone(m);
    changed.cases[9]!.cause = '另一个案由';
    const changedKeys = planBatches(changed, 4).map((b) => b.key);
    expect(changedKeys.filter((k, i) => k !== keys[i])).toEqual([changedKeys[2]]);
    expect(manifestDigest(shuffled)).toBe(manifestDigest(m));
    expect(manifestDigest(changed)).not.toBe(manifestDigest(m));
  });

  it('plans nothing for an empty manifest and refuses a batch size that is not a positive integer', () => {
    expect(planBatches({ cases: [], documents: [], av: [], data: [] }, 10)).toEqual([]);
    expect(() => planBatches(bigManifest(1), 0)).toThrow(RangeError);
    expect(() => planBatches(bigManifest(1), 1.5)).toThrow(RangeError);
  });
});
