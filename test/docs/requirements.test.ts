/**
 * docs/requirements.md stays true: all 31 requirement IDs are listed, every ID cited in the code or tests is
 * listed, and every row marked done or partial names test files that exist and cite that ID.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const ID = /\b(?:REC|PUB)-\d+\b/g;

interface Row {
  id: string;
  tests: string[];
  status: string;
}

function rows(): Row[] {
  const text = readFileSync(path.join(root, 'docs/requirements.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| (REC|PUB)-\d+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      // | ID | Art. | Requirement | Implemented in | Tested in | Status |
      return {
        id: cells[1]!,
        tests: [...cells[5]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        status: cells[6]!,
      };
    });
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'miniprogram_npm' || name === 'core-bundle') continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|wxml)$/.test(name)) out.push(p);
  }
  return out;
}

const cited = (file: string) => new Set(readFileSync(file, 'utf8').match(ID) ?? []);

it('lists all 31 requirement IDs once each', () => {
  const ids = rows().map((r) => r.id);
  const expected = [
    ...Array.from({ length: 16 }, (_, i) => `REC-${i + 1}`),
    ...Array.from({ length: 15 }, (_, i) => `PUB-${i + 1}`),
  ];
  expect([...ids].sort()).toEqual([...expected].sort());
});

it('lists every ID the code and tests cite', () => {
  const listed = new Set(rows().map((r) => r.id));
  const files = ['core', 'server', 'miniprogram', 'emulator', 'scripts', 'test'].flatMap((d) =>
    sourceFiles(path.join(root, d)),
  );
  expect(files.length).toBeGreaterThan(50);
  const unknown = files.flatMap((f) =>
    [...cited(f)].filter((id) => !listed.has(id)).map((id) => `${path.relative(root, f)}: ${id}`),
  );
  expect(unknown).toEqual([]);
});

it('backs every done or partial row with existing tests that cite its ID', () => {
  const claimed = rows().filter((r) => !/^not yet\b/.test(r.status));
  expect(claimed.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const row of claimed) {
    if (!/^(done|partial)\b/.test(row.status)) problems.push(`${row.id}: unknown status "${row.status}"`);
    if (!row.tests.length) problems.push(`${row.id}: no test named`);
    for (const t of row.tests) {
      const file = path.join(root, t);
      if (!existsSync(file)) problems.push(`${row.id}: ${t} does not exist`);
      else if (!cited(file).has(row.id)) problems.push(`${row.id}: ${t} does not cite it`);
    }
  }
  expect(problems).toEqual([]);
});
