/**
 * The layer rules catch what they are meant to: each rule gets a small tree in a temp directory committing exactly
 * its forbidden arrow, and must report it; a clean tree passes. A rule that silently matched nothing (a renamed
 * folder, a typo in a path pattern) would otherwise keep CI green while enforcing nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLayers } from '../../scripts/check-layers';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

type Tree = Record<string, string>;

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes the files (and a minimal tsconfig, which the cruiser's config names) into a fresh temp directory. */
function fixture(files: Tree): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  made.push(dir);
  const all: Tree = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'commonjs', target: 'ES2022', strict: true },
    }),
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

interface Cruised {
  rule: string;
  from: string;
  to: string;
}

function depcruise(dir: string, roots = ['core', 'server', 'emulator']): Cruised[] {
  const out = execFileSync(
    DEPCRUISE,
    ['--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', ...roots],
    { cwd: dir, encoding: 'utf8' },
  );
  const result = JSON.parse(out) as {
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
  };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** A tree that follows every rule: core pure, a shared module, a feature using it, the emulator on its own. */
const CLEAN: Tree = {
  'core/dates.ts': 'export const day = (n: number) => n * 86_400_000;\n',
  'server/org/units.ts': [
    "import { day } from '../../core/dates';",
    "export const UNITS_COLLECTION = 'org_units';",
    'export const unitCount = () => day(1) + UNITS_COLLECTION.length;',
  ].join('\n'),
  'server/features/complaint/model.ts': "export const COMPLAINTS_COLLECTION = 'complaints';\n",
  'server/features/complaint/read.ts': [
    "import { unitCount } from '../../org/units';",
    "import { COMPLAINTS_COLLECTION } from './model';",
    'export const read = () => [unitCount(), COMPLAINTS_COLLECTION];',
  ].join('\n'),
  'emulator/main.ts': "import { day } from '../core/dates';\nexport const start = day(2);\n",
};

describe('dependency-cruiser rules', () => {
  it('a clean tree passes', () => {
    expect(depcruise(fixture(CLEAN))).toEqual([]);
  });

  it('emulator-not-server: the emulator importing server/', () => {
    const dir = fixture({
      ...CLEAN,
      'emulator/main.ts': "import { unitCount } from '../server/org/units';\nexport const n = unitCount();\n",
    });
    expect(depcruise(dir)).toContainEqual({
      rule: 'emulator-not-server',
      from: 'emulator/main.ts',
      to: 'server/org/units.ts',
    });
  });

  it('record-types-declare-only: a record type declaration importing the server', () => {
    const dir = fixture({
      ...CLEAN,
      'test/server/kernel/types/entry.ts':
        "import { day } from '../../../../core/dates';\nimport { unitCount } from '../../../../server/org/units';\nexport const x = day(unitCount());\n",
    });
    expect(depcruise(dir, ['core', 'server', 'emulator', 'test/server/kernel/types'])).toEqual([
      {
        rule: 'record-types-declare-only',
        from: 'test/server/kernel/types/entry.ts',
        to: 'server/org/units.ts',
      },
    ]);
  });

  it('shared-modules-import-no-feature: a shared module importing a feature', () => {
    const dir = fixture({
      ...CLEAN,
      'server/ledger/commit.ts':
        "import { read } from '../features/complaint/read';\nexport const c = read;\n",
    });
    expect(depcruise(dir)).toEqual([
      {
        rule: 'shared-modules-import-no-feature',
        from: 'server/ledger/commit.ts',
        to: 'server/features/complaint/read.ts',
      },
    ]);
  });

  it('core-is-pure: core/ doing file I/O or importing another layer', () => {
    const dir = fixture({
      ...CLEAN,
      'core/dates.ts': [
        "import { readFileSync } from 'node:fs';",
        "import { unitCount } from '../server/org/units';",
        'export const day = (n: number) => n * 86_400_000 + String(readFileSync).length + unitCount.length;',
      ].join('\n'),
    });
    const rules = depcruise(dir).filter((v) => v.rule === 'core-is-pure');
    expect(rules.map((v) => v.to).sort()).toEqual(['fs', 'server/org/units.ts']);
  });
});

describe('scripts/check-layers.ts', () => {
  it('a clean tree passes', () => {
    expect(checkLayers(fixture(CLEAN))).toEqual([]);
  });

  it('the collection rule: a feature importing another module’s *_COLLECTION', () => {
    const dir = fixture({
      ...CLEAN,
      'server/features/complaint/read.ts': [
        '// a comment mentioning import { X_COLLECTION } from "../../org/units" is not an import',
        'import {',
        '  unitCount,',
        '  UNITS_COLLECTION as UNITS,',
        "} from '../../org/units';",
        "import { COMPLAINTS_COLLECTION } from './model';",
        'export const read = () => [unitCount(), UNITS, COMPLAINTS_COLLECTION];',
      ].join('\n'),
      // Another feature's collection is as forbidden as a shared module's.
      'server/features/officer/list.ts':
        "import { COMPLAINTS_COLLECTION } from '../complaint/model';\nexport const c = COMPLAINTS_COLLECTION;\n",
    });
    expect(checkLayers(dir)).toEqual([
      expect.objectContaining({ file: 'server/features/complaint/read.ts', line: 2 }),
      expect.objectContaining({ file: 'server/features/officer/list.ts', line: 1 }),
    ]);
    expect(checkLayers(dir)[0]!.message).toContain('UNITS_COLLECTION');
  });

  it('the side-effect-import rule: a bare import anywhere in server/', () => {
    const dir = fixture({
      ...CLEAN,
      'server/org/units.ts': `import './register-all';\n${CLEAN['server/org/units.ts']}`,
      'server/org/register-all.ts': 'export {};\n',
    });
    expect(checkLayers(dir)).toEqual([
      expect.objectContaining({
        file: 'server/org/units.ts',
        line: 1,
        message: expect.stringContaining('./register-all'),
      }),
    ]);
  });

  it('exits non-zero with one file:line per violation', () => {
    const dir = fixture({ ...CLEAN, 'server/org/extra.ts': "import './units';\n" });
    let failure: { status: number; stderr: string } | null = null;
    try {
      execFileSync(TSX, [path.join(ROOT, 'scripts', 'check-layers.ts'), dir], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      failure = err as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('server/org/extra.ts:1:');
  });
});
