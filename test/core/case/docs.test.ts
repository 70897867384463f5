/** docs/case-checks.md lists every automatic check with its level and article, exactly as `CHECKS` declares them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../../core/case/checks';

const doc = readFileSync(join(__dirname, '../../../docs/case-checks.md'), 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\| `(\w+)` \| (\S+)（(failure|warning)） \| ([^|]+) \|/gm)].map((m) => [
    m[1]!,
    { level: m[3], article: m[4]!.trim() },
  ]),
);

describe('docs/case-checks.md', () => {
  it('has one row per check with its level and article, and no row for a check that does not exist', () => {
    for (const [code, def] of Object.entries(CHECKS)) {
      expect({ code, ...rows.get(code) }).toEqual({ code, level: def.level, article: def.article });
    }
    expect([...rows.keys()].sort()).toEqual(Object.keys(CHECKS).sort());
  });
});
