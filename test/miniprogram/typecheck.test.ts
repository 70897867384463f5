/**
 * The mini-program is type-checked like the rest (`npm run typecheck` runs its tsconfig): a page calling an action
 * that is not declared, or with a payload of the wrong type, does not compile. Proven here by compiling probes
 * against the mini-program's own tsconfig and typed client.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const miniprogram = path.resolve(__dirname, '../../miniprogram');

/** Compiles `source` as a file of the mini-program (same options, same typed client); answers the errors. */
function compile(source: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mp-probe-'));
  try {
    const file = path.join(dir, 'probe.ts');
    writeFileSync(file, source.replace(/API/g, path.join(miniprogram, 'services/api')));
    const configPath = path.join(miniprogram, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, ts.sys.readFile).config;
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, miniprogram);
    const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('accepts a declared action with the declared payload', () => {
  expect(
    compile(`import { call } from 'API';\nvoid call('citizen', 'complaint.mine', { pageSize: 10 });`),
  ).toEqual([]);
});

it('refuses a misspelt action', () => {
  const errors = compile(
    `import { call } from 'API';\nvoid call('citizen', 'complaint.mien', { pageSize: 10 });`,
  );
  expect(errors.join('\n')).toMatch(/complaint\.mien/);
});

it('refuses a payload of the wrong type', () => {
  const errors = compile(
    `import { call } from 'API';\nvoid call('citizen', 'complaint.mine', { pageSize: 'ten' });`,
  );
  expect(errors.join('\n')).toMatch(/pageSize|string.*number/);
});
