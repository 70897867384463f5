/**
 * Properties of the manifest parser: whatever arrives, it answers and never throws, and no
 * error repeats what was written in a field (personal data must not be echoed). Values carry a marker
 * ("QJX…XJQ") that no message contains, so any echo of the value, trimmed or upper-cased, is caught.
 */
import fc from 'fast-check';
import { MANIFEST_COLUMNS, parseManifest, type ManifestInput } from '../../../core/case/manifest';
import { validJson } from './manifest-fixtures';

/** Rows as a CSV file with every column, every cell quoted; lists joined by ";", yes/no as 是/否. */
function toCsv(kind: keyof typeof MANIFEST_COLUMNS, rows: Record<string, unknown>[]): string {
  const keys = Object.keys(MANIFEST_COLUMNS[kind]);
  const cell = (v: unknown) => {
    const t =
      v === undefined
        ? ''
        : Array.isArray(v)
          ? v.join(';')
          : v === true
            ? '是'
            : v === false
              ? '否'
              : String(v);
    return `"${t.replace(/"/g, '""')}"`;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\r\n');
}

const MARK = /QJX|XJQ/i;

type Rows = Record<string, unknown>[];
/** The rows nested in the JSON form as the CSV form has them: interruptions.csv and stages.csv. */
function flatNested(json: Record<string, Rows>): Record<string, Rows> {
  const flat = (list: Rows, field: string, ref: string) =>
    list.flatMap((row) => ((row[field] as Rows) ?? []).map((it) => ({ [ref]: row.sourceId, ...it })));
  return {
    interruptions: flat(json.av!, 'interruptions', 'avSourceId'),
    stages: flat(json.cases!, 'stages', 'caseSourceId'),
  };
}
const marked = fc.string({ maxLength: 30 }).map((s) => `QJX${s}XJQ`);
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function run(input: ManifestInput) {
  const result = parseManifest(input);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(typeof e.message).toBe('string');
      expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
    }
  }
  return result;
}

describe('parseManifest on any input', () => {
  it('never throws on random CSV or JSON text', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom('cases.csv', 'av.csv', 'interruptions.csv', 'x.csv', 'constructor', '__proto__'),
        (text, name) => {
          run({ format: 'csv', files: { [name]: text } });
          run({ format: 'json', files: { [name]: text } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random JSON values in place of rows and fields', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (row, field) => {
        run({
          format: 'json',
          files: { 'm.json': JSON.stringify({ cases: [row], av: [{ ...validJson.av[0], start: field }] }) },
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never echoes a value written in any field of any row, in either form', () => {
    const fields = Object.entries(MANIFEST_COLUMNS).flatMap(([kind, cols]) =>
      Object.keys(cols).map((key) => [kind as keyof typeof MANIFEST_COLUMNS, key] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), marked, ([kind, key], value) => {
        const json = structuredClone(validJson) as unknown as Record<string, Record<string, unknown>[]>;
        const nested = flatNested(json);
        const rows = kind in nested ? nested[kind]! : json[kind]!;
        rows[0]![key] = value;
        const files = Object.fromEntries(
          Object.keys(MANIFEST_COLUMNS).map((k) => {
            const list = k in nested ? nested[k]! : json[k]!;
            return [`${k}.csv`, toCsv(k as keyof typeof MANIFEST_COLUMNS, list)];
          }),
        );
        const csv = run({ format: 'csv', files });
        if (!csv.ok) expect(JSON.stringify(csv.errors)).not.toMatch(MARK);
        if (kind in nested) return;
        const j = run({ format: 'json', files: { 'm.json': JSON.stringify(json) } });
        if (!j.ok) expect(JSON.stringify(j.errors)).not.toMatch(MARK);
      }),
      { numRuns: 400 },
    );
  });

  it('builds CSV files that read to the same manifest as the JSON fixture (so the property above is not vacuous)', () => {
    const json = structuredClone(validJson) as unknown as Record<string, Record<string, unknown>[]>;
    const nested = flatNested(json);
    const files = Object.fromEntries(
      Object.keys(MANIFEST_COLUMNS).map((k) => [
        `${k}.csv`,
        toCsv(k as keyof typeof MANIFEST_COLUMNS, k in nested ? nested[k]! : json[k]!),
      ]),
    );
    const fromCsv = parseManifest({ format: 'csv', files });
    const fromJson = parseManifest({ format: 'json', files: { 'm.json': JSON.stringify(json) } });
    expect(fromCsv.ok && fromJson.ok && fromCsv.manifest).toEqual(fromJson.ok && fromJson.manifest);
  });

  it('never echoes unknown keys or a value in a list item', () => {
    fc.assert(
      fc.property(marked, marked, (key, value) => {
        const json = structuredClone(validJson) as unknown as Record<string, Record<string, unknown>[]>;
        json.cases![0]![key] = value;
        json.av![0]!.sha256 = [value];
        const r = run({ format: 'json', files: { 'm.json': JSON.stringify(json) } });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(JSON.stringify(r.errors)).not.toMatch(MARK);
      }),
      { numRuns: 200 },
    );
  });
});
