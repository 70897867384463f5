/**
 * `npm run build`: bundles every cloud function with esbuild into `cloudfunctions/<name>/index.js`, so each
 * folder deploys unchanged. Build targets are a list: the mini-program core bundle can be added as
 * one more target with its own format, platform and checks.
 *
 * The build fails loudly when a deployable bundle would carry emulator code (docs/architecture.md:
 * nothing deployable imports `emulator/`), when it needs any package other than @cloudbase/node-sdk at run
 * time, or when the deployment files disagree (see function-folders.ts).
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild, type Format, type Metafile, type Platform } from 'esbuild';
import {
  ESBUILD_NODE_TARGET,
  FUNCTION_NAMES,
  REPO_ROOT,
  RUNTIME_DEPENDENCY,
  checkCloudbaserc,
  checkFunctionFolder,
  functionDir,
} from './function-folders';
import { miniprogramTargets } from './miniprogram/targets';

export const BANNER = '// built by scripts/build.ts — do not edit';

/** Strings that only emulator code contains: identity headers and the control API. */
export const EMULATOR_MARKERS: ReadonlyArray<RegExp> = [/x-wx-openid/i, /x-wx-appid/i, /\/_emulator\//];

export interface BuildTarget {
  /** Shown in messages. */
  label: string;
  /** Repo-relative entry file. */
  entry: string;
  /** Repo-relative output file. */
  outfile: string;
  format: Format;
  platform: Platform;
  target: string;
  /** Packages esbuild leaves as run-time `require`s. */
  external: string[];
  /** Packages the output may import at run time: what the deployed folder installs. */
  runtimeDependencies: string[];
  /** Node built-in modules may be imported at run time. */
  allowNodeBuiltins: boolean;
  /** A deployable bundle must contain no emulator code. */
  deployable: boolean;
}

export interface BuiltTarget {
  target: BuildTarget;
  metafile: Metafile;
}

/** One target per cloud function: CommonJS for the CloudBase Node runtime, SDK external, the rest bundled. */
export function functionTargets(): BuildTarget[] {
  return FUNCTION_NAMES.map((name) => ({
    label: `云函数 ${name}`,
    entry: `cloudfunctions/${name}/src/index.ts`,
    outfile: `cloudfunctions/${name}/index.js`,
    format: 'cjs',
    platform: 'node',
    target: ESBUILD_NODE_TARGET,
    external: [RUNTIME_DEPENDENCY],
    runtimeDependencies: [RUNTIME_DEPENDENCY],
    allowNodeBuiltins: true,
    deployable: true,
  }));
}

/** Problems with one built output, in Chinese; empty when the bundle may ship. */
export function inspectBundle(target: BuildTarget, metafile: Metafile, code: string): string[] {
  const problems: string[] = [];
  if (target.deployable) {
    const emulatorInputs = Object.keys(metafile.inputs).filter((input) => /(^|\/)emulator\//.test(input));
    if (emulatorInputs.length) {
      problems.push(`${target.label} 打包进了模拟器代码：${emulatorInputs.join(', ')}`);
    }
    for (const marker of EMULATOR_MARKERS) {
      if (marker.test(code)) problems.push(`${target.label} 含有模拟器专用标记 ${marker}`);
    }
  }
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external) continue;
      const allowed =
        target.runtimeDependencies.includes(imp.path) || (target.allowNodeBuiltins && builtins.has(imp.path));
      if (!allowed) {
        problems.push(
          `${target.label} 在运行时还需要 ${imp.path}（部署的文件夹只安装 ${target.runtimeDependencies.join(', ')}）`,
        );
      }
    }
  }
  return problems;
}

/** The esbuild options of a target: one definition, so a staleness check can rebuild byte-identically. */
export function esbuildOptions(target: BuildTarget) {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: [target.entry],
    outfile: target.outfile,
    bundle: true,
    format: target.format,
    platform: target.platform,
    target: target.target,
    external: target.external,
    minify: true,
    legalComments: 'none' as const,
    banner: { js: BANNER },
    logLevel: 'silent' as const,
  };
}

async function buildTarget(target: BuildTarget): Promise<BuiltTarget> {
  const result = await esbuild({ ...esbuildOptions(target), metafile: true });
  const code = readFileSync(path.resolve(REPO_ROOT, target.outfile), 'utf8');
  const problems = inspectBundle(target, result.metafile, code);
  if (problems.length) throw new Error(`构建失败：\n- ${problems.join('\n- ')}`);
  return { target, metafile: result.metafile };
}

/** Checks the deployment files, then builds every target in parallel. Throws with every problem found. */
export async function build(opts: { quiet?: boolean; targets?: BuildTarget[] } = {}): Promise<BuiltTarget[]> {
  const started = performance.now();
  const targets = opts.targets ?? [...functionTargets(), ...miniprogramTargets()];
  if (!opts.targets) {
    const problems = [...FUNCTION_NAMES.flatMap(checkFunctionFolder), ...checkCloudbaserc()];
    if (problems.length) throw new Error(`部署配置有误：\n- ${problems.join('\n- ')}`);
  }
  const built = await Promise.all(targets.map(buildTarget));
  if (!opts.quiet) {
    for (const { target, metafile } of built) {
      const bytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
      console.log(`✓ ${target.label} → ${target.outfile}（${(bytes / 1024).toFixed(0)} KB）`);
    }
    console.log(`构建完成，用时 ${Math.round(performance.now() - started)} ms`);
  }
  return built;
}

/** Where a function's bundle is written (for tests and the folder check). */
export function bundlePath(name: string): string {
  return path.join(functionDir(name), 'index.js');
}

if (require.main === module) {
  build().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
