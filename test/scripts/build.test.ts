import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  build,
  bundlePath,
  functionTargets,
  BANNER,
  type BuildTarget,
  type BuiltTarget,
} from '../../scripts/build';
import {
  FUNCTION_NAMES,
  REPO_ROOT,
  checkCloudbaserc,
  checkFunctionFolder,
} from '../../scripts/function-folders';

let built: BuiltTarget[];
beforeAll(async () => {
  // Function targets only: the mini-program's generated files are shared with page tests running in parallel.
  built = await build({ quiet: true, targets: functionTargets() });
}, 30_000);

describe('the real cloud function build', () => {
  it('writes one bundle per function with the banner', () => {
    expect(built.map((b) => b.target.outfile)).toEqual(
      FUNCTION_NAMES.map((n) => `cloudfunctions/${n}/index.js`),
    );
    for (const name of FUNCTION_NAMES) {
      expect(existsSync(bundlePath(name))).toBe(true);
      expect(readFileSync(bundlePath(name), 'utf8').startsWith(BANNER)).toBe(true);
    }
  });

  it('exports main from every bundle when loaded by plain Node', () => {
    const script =
      'for (const f of process.argv.slice(1)) { const m = require(f); if (typeof m.main !== "function") { console.log(f); process.exit(3); } }';
    expect(() =>
      execFileSync(process.execPath, ['-e', script, ...FUNCTION_NAMES.map(bundlePath)], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('contains no emulator code: no emulator input, no identity header, no control path', () => {
    for (const { metafile, target } of built) {
      expect(Object.keys(metafile.inputs).filter((i) => i.includes('emulator/'))).toEqual([]);
      const code = readFileSync(path.join(REPO_ROOT, target.outfile), 'utf8');
      expect(code).not.toMatch(/x-wx-openid/i);
      expect(code).not.toContain('/_emulator/');
    }
  });

  it('bundles the seal check of service.issue (PDF and OFD, SM2) into the staff function only', () => {
    const sealInputs = (name: string) =>
      Object.keys(built.find((b) => b.target.label.endsWith(` ${name}`))!.metafile.inputs).filter((i) =>
        /server\/service\/(signature|cms|ofd|ses|zip|sm2)\.ts|node_modules\/sm-crypto\//.test(i),
      );
    expect(sealInputs('staff')).toEqual(
      expect.arrayContaining([expect.stringContaining('server/service/signature.ts')]),
    );
    for (const name of FUNCTION_NAMES.filter((n) => n !== 'staff')) expect(sealInputs(name)).toEqual([]);
  });

  it('needs only @cloudbase/node-sdk and Node built-ins at run time', () => {
    for (const { metafile } of built) {
      const external = Object.values(metafile.outputs).flatMap((o) =>
        o.imports.filter((i) => i.external).map((i) => i.path),
      );
      expect(external.filter((p) => p !== '@cloudbase/node-sdk' && !/^(node:)?[a-z_/]+$/.test(p))).toEqual(
        [],
      );
    }
  });

  it('lists only @cloudbase/node-sdk in each package.json, and the deployment files agree', () => {
    const rootRange = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).dependencies[
      '@cloudbase/node-sdk'
    ];
    for (const name of FUNCTION_NAMES) {
      const pkg = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'cloudfunctions', name, 'package.json'), 'utf8'),
      );
      expect(pkg.dependencies).toEqual({ '@cloudbase/node-sdk': rootRange });
      expect(pkg.main).toBe('index.js');
      expect(checkFunctionFolder(name)).toEqual([]);
    }
    expect(checkCloudbaserc()).toEqual([]);
  });

  it('gives the scheduler exactly one 7-field timer and opendata none', () => {
    const config = (name: string) =>
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'cloudfunctions', name, 'config.json'), 'utf8'));
    expect(config('scheduler').triggers).toHaveLength(1);
    expect(config('scheduler').triggers[0].config.split(' ')).toHaveLength(7);
    for (const name of FUNCTION_NAMES.filter((n) => n !== 'scheduler'))
      expect(config(name).triggers).toBeUndefined();
  });
});

describe('the build refuses', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'build-check-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  const target = (entry: string): BuildTarget => ({
    ...functionTargets()[0]!,
    label: entry,
    entry: `test/scripts/fixtures/${entry}.ts`,
    outfile: path.join(outDir, `${entry}.js`),
  });

  it('a deployable bundle with emulator code in its inputs', async () => {
    await expect(build({ quiet: true, targets: [target('imports-emulator')] })).rejects.toThrow(
      /模拟器代码：emulator\/http\.ts/,
    );
  });

  it('a deployable bundle that mentions the identity header', async () => {
    await expect(build({ quiet: true, targets: [target('mentions-identity-header')] })).rejects.toThrow(
      /模拟器专用标记/,
    );
  });

  it('a bundle that needs another package at run time', async () => {
    const leaky = { ...target('imports-package'), external: ['@cloudbase/node-sdk', 'zod'] };
    await expect(build({ quiet: true, targets: [leaky] })).rejects.toThrow(/运行时还需要 zod/);
  });
});
