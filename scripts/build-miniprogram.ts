/**
 * `tsx scripts/build-miniprogram.ts`: generates what the mini-program needs from outside its folder —
 * the core bundle (miniprogram/core-bundle/, from core/miniprogram.ts) and the TDesign components in use
 * (miniprogram/miniprogram_npm/, git-ignored).
 * `--check` (CI): fails if the committed core bundle is stale, i.e. differs from what the build would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build, esbuildOptions } from './build';
import { copyTdesign, REPO_ROOT } from './miniprogram/tdesign';
import {
  CORE_BUNDLE_FILE,
  CORE_BUNDLE_MAX_BYTES,
  CORE_BUNDLE_TYPES,
  CORE_BUNDLE_TYPES_TEXT,
  miniprogramTargets,
} from './miniprogram/targets';

const read = (rel: string) => {
  try {
    return readFileSync(path.join(REPO_ROOT, rel), 'utf8');
  } catch {
    return null;
  }
};

/** The bundle exactly as scripts/build.ts would write it (same esbuild options), without writing it. */
async function expectedBundle(): Promise<string> {
  const target = miniprogramTargets()[0]!;
  const result = await esbuild({ ...esbuildOptions(target), write: false });
  return result.outputFiles[0]!.text;
}

export async function checkCoreBundle(): Promise<string[]> {
  const problems: string[] = [];
  const expected = await expectedBundle();
  if (read(CORE_BUNDLE_FILE) !== expected)
    problems.push(`${CORE_BUNDLE_FILE} 已过期：请运行 npm run build 并提交`);
  if (read(CORE_BUNDLE_TYPES) !== CORE_BUNDLE_TYPES_TEXT) problems.push(`${CORE_BUNDLE_TYPES} 已过期`);
  if (Buffer.byteLength(expected) > CORE_BUNDLE_MAX_BYTES) {
    problems.push(
      `core-bundle ${Buffer.byteLength(expected)} 字节，超过上限 ${CORE_BUNDLE_MAX_BYTES}（是否引入了完整的 zod？）`,
    );
  }
  return problems;
}

export async function buildMiniprogram(opts: { quiet?: boolean } = {}): Promise<void> {
  await build({ targets: miniprogramTargets(), quiet: opts.quiet });
  writeFileSync(path.join(REPO_ROOT, CORE_BUNDLE_TYPES), CORE_BUNDLE_TYPES_TEXT);
  const folders = copyTdesign();
  if (!opts.quiet)
    console.log(
      `✓ TDesign 组件（含依赖）${folders.length} 个 → miniprogram/miniprogram_npm：${folders.join(', ')}`,
    );
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const problems = await checkCoreBundle();
    if (problems.length) {
      console.error(`小程序生成文件检查失败：\n- ${problems.join('\n- ')}`);
      process.exit(1);
    }
    console.log('✓ miniprogram/core-bundle 与 core/ 一致');
    return;
  }
  await buildMiniprogram();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
