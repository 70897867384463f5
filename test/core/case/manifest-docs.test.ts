/**
 * docs/import-format.md says what the code does: one table row per column with its Chinese label
 * and whether it is required, exactly as MANIFEST_COLUMNS has them, and its examples import without an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_COLUMNS, parseManifest } from '../../../core/case/manifest';

const doc = readFileSync(join(__dirname, '../../../docs/import-format.md'), 'utf8');

function section(file: string): string {
  const start = doc.indexOf(`### ${file}`);
  expect(start).toBeGreaterThan(0);
  const end = doc.indexOf('\n#', start + 4);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('docs/import-format.md', () => {
  it.each(Object.keys(MANIFEST_COLUMNS))(
    'lists every column of %s.csv with its label and whether it is required',
    (kind) => {
      const rows = [...section(`${kind}.csv`).matchAll(/^\| `(\w+)` \| ([^|]+) \| (必填|可填) \|/gm)].map(
        (m) => [m[1], m[2]!.trim(), m[3] === '必填'],
      );
      const cols = MANIFEST_COLUMNS[kind as keyof typeof MANIFEST_COLUMNS];
      expect(rows).toEqual(Object.entries(cols).map(([key, def]) => [key, def.label, def.required]));
    },
  );

  it('has examples that import: the CSV files together, and the JSON', () => {
    const blocks = [...doc.matchAll(/^(\S+\.csv)[^\n]*:\n\n```csv\n([\s\S]*?)```/gm)];
    expect(blocks.map((b) => b[1])).toEqual([
      'cases.csv',
      'documents.csv',
      'av.csv',
      'interruptions.csv',
      'stages.csv',
      'data.csv',
    ]);
    const csv = parseManifest({
      format: 'csv',
      files: Object.fromEntries(blocks.map((b) => [b[1]!, b[2]!])),
    });
    expect(csv).toMatchObject({ ok: true, rowCount: 5 });
    const json = /```json\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseManifest({ format: 'json', files: { 'manifest.json': json } })).toMatchObject({
      ok: true,
      rowCount: 4,
    });
  });
});
