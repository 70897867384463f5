/**
 * The import manifest's two forms (REC-1, REC-2, REC-3, REC-9): the same cases, documents,
 * recordings and electronic data read from JSON and from CSV give the same Manifest, with times as UTC instants,
 * codes for Chinese names, normalised hashes, certificate and ID numbers.
 */
import { parseManifest, parseManifestTime } from '../../../core/case/manifest';
import { H1, H2, H3, validCsv, validJson } from './manifest-fixtures';

function parsed(format: 'json' | 'csv', files: Record<string, string>) {
  const result = parseManifest({ format, files });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
  return result;
}

describe('parseManifest: a valid manifest', () => {
  const fromJson = parsed('json', { 'manifest.json': JSON.stringify(validJson) });
  const fromCsv = parsed('csv', validCsv);

  it('reads the JSON and the CSV form to the same Manifest and row count', () => {
    expect(fromCsv.manifest).toEqual(fromJson.manifest);
    expect(fromJson.rowCount).toBe(5); // 2 cases, 1 document, 1 recording (its interruption inside), 1 electronic data
    expect(fromCsv.rowCount).toBe(5);
  });

  it('gives times as UTC instants, whether written with an offset, as Z or as Beijing local time', () => {
    const [penalty, inspection] = fromJson.manifest.cases;
    expect(penalty!.openedAt).toBe('2026-03-02T01:30:00.000Z');
    expect(inspection!.openedAt).toBe('2026-03-03T01:00:00.000Z');
    expect(fromCsv.manifest.documents[0]!.docTimes).toEqual([
      '2026-03-02T01:40:00.000Z',
      '2026-03-02T02:10:00.000Z',
    ]);
  });

  it('takes Chinese names for codes and column headers, and normalises numbers and hashes', () => {
    const [penalty, inspection] = fromCsv.manifest.cases;
    expect(penalty).toMatchObject({
      source: 'supervision',
      kind: 'penalty',
      partyIdNo: '91350100M000100Y43',
    });
    expect(inspection).toMatchObject({
      partyKind: 'person',
      partyIdKind: 'resident',
      officers: ['WZ0003', 'WZ0004'],
    });
    expect(fromCsv.manifest.documents[0]).toMatchObject({ docType: 'siteRecord', signed: true, sha256: H1 });
    expect(fromCsv.manifest.av[0]!.sha256).toEqual([H2.toLowerCase(), H3]);
    expect(fromCsv.manifest.av[0]!.interruptions).toEqual([
      { at: '2026-03-02T01:50:00.000Z', explanation: '更换电池', how: 'spoken' },
    ]);
  });

  it('keeps quoted fields with commas, doubled quotes and line breaks whole', () => {
    expect(fromCsv.manifest.cases[0]!.cause).toBe('未取得《医疗机构执业许可证》擅自执业, 案');
    expect(fromCsv.manifest.documents[0]!.title).toBe('现场笔录 "第一次"\n续页');
  });

  it('accepts a record whose case was imported earlier when it is marked existing (caseRef)', () => {
    expect(fromJson.manifest.data[0]).toMatchObject({ caseSourceId: 'JD-2025-0099', caseRef: 'existing' });
  });

  it('reads any subset of the CSV files, and the JSON form without optional lists', () => {
    const casesOnly = parsed('csv', { 'export/CASES.csv': validCsv['cases.csv']! });
    expect(casesOnly.manifest.cases).toHaveLength(2);
    expect(casesOnly.manifest.documents).toEqual([]);
    expect(parsed('json', { 'm.json': '{"cases":[]}' }).rowCount).toBe(0);
  });
});

describe('parseManifestTime', () => {
  it('reads offsets and Beijing local time, and refuses impossible or out-of-range times', () => {
    expect(parseManifestTime('2026-03-02T09:30:00.5+0800')).toBe('2026-03-02T01:30:00.500Z');
    expect(parseManifestTime('2026-03-02 09:30')).toBe('2026-03-02T01:30:00.000Z');
    expect(parseManifestTime('2026-03-02T09:30:00-05:00')).toBe('2026-03-02T14:30:00.000Z');
    for (const bad of [
      '2026-02-29 09:30',
      '2026-03-02',
      '2026-03-02 24:00',
      '1999-12-31 23:00',
      '2026-03-02T09:30+15:00',
      '明天',
    ]) {
      expect(parseManifestTime(bad)).toBeNull();
    }
    expect(parseManifestTime('2028-02-29 09:30')).toBe('2028-02-29T01:30:00.000Z');
  });
});
