/**
 * The repository explains itself: code, tests, scripts and docs cite requirement IDs (REC-n, PUB-n, listed in
 * docs/requirements.md), legal articles, or documents inside the repository, never design notes kept outside it
 * or issue numbers, which a reader of the repository cannot open.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SELF = path.relative(root, __filename).split(path.sep).join('/');

/** What is scanned: the sources, tests, scripts, deployment files and docs. */
const ROOTS = [
  'core',
  'server',
  'emulator',
  'scripts',
  'miniprogram',
  'test',
  'bench',
  'docs',
  'deploy',
  '.ci',
  'README.md',
];
/** Installed or generated: not ours to word. */
const SKIPPED_DIRS = new Set(['node_modules', 'miniprogram_npm', 'core-bundle']);

/** Documents outside the repository (by name, so `docs/requirements.md` stays allowed) and issue numbers. */
const OUTSIDE = [/\b(?:DESIGN|LEGAL|REQUIREMENTS|TOOLCHAIN|GLOSSARY|ROADMAP)(?:\.md)?\b/, /\.\.\/shared\b/];
const ISSUE = /\bissues?\s+#?\d+/i;

function files(rel: string): string[] {
  const abs = path.join(root, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .filter((name) => !SKIPPED_DIRS.has(name))
    .flatMap((name) => files(`${rel}/${name}`));
}

function text(rel: string): string | undefined {
  const bytes = readFileSync(path.join(root, rel));
  return bytes.subarray(0, 8192).includes(0) ? undefined : bytes.toString('utf8'); // binary: nothing to read
}

const scanned = ROOTS.flatMap(files).filter((f) => f !== SELF);

it('scans the whole repository, not a handful of files', () => {
  expect(scanned.length).toBeGreaterThan(300);
  for (const dir of ['core/', 'server/', 'emulator/', 'scripts/', 'miniprogram/', 'test/', 'docs/']) {
    expect(scanned.filter((f) => f.startsWith(dir)).length).toBeGreaterThan(0);
  }
  expect(scanned).toContain('README.md');
});

it('points to nothing outside the repository and to no issue number', () => {
  const found: string[] = [];
  for (const file of scanned) {
    const lines = text(file)?.split('\n') ?? [];
    lines.forEach((line, i) => {
      if (OUTSIDE.some((re) => re.test(line)) || ISSUE.test(line))
        found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});
