/**
 * `npm run size`: bytes of the main package and of each subpackage, as WeChat counts them (every file under the
 * package root, except what is not uploaded: TypeScript sources are compiled to .js of about the same size, so
 * .ts counts as its would-be .js; .d.ts and tsconfig are not uploaded). Fails above the budgets
 * (main package 1.5 MB — WeChat's own limit is 2 MB per package — each subpackage 1 MB).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { buildMiniprogram } from './build-miniprogram';
import { MINIPROGRAM_ROOT } from './miniprogram/tdesign';

export const MAIN_BUDGET = 1.5 * 1024 * 1024;
export const SUBPACKAGE_BUDGET = 1024 * 1024;
const NOT_UPLOADED = /(\.d\.ts|tsconfig\.json|\.gitignore|\.md)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function uploadedBytes(file: string): number {
  if (file.endsWith('.ts')) {
    return Buffer.byteLength(transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs' }).code);
  }
  return statSync(file).size;
}

export function packageSizes(): { name: string; bytes: number; budget: number }[] {
  const app = JSON.parse(readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string; name?: string }>;
  };
  const subs = (app.subPackages ?? []).map((s) => ({ ...s, root: s.root.replace(/\/$/, '') }));
  const totals = new Map<string, number>([['主包', 0]]);
  for (const s of subs) totals.set(s.name ?? s.root, 0);
  for (const file of files(MINIPROGRAM_ROOT)) {
    const rel = path.relative(MINIPROGRAM_ROOT, file).split(path.sep).join('/');
    if (NOT_UPLOADED.test(rel)) continue;
    const sub = subs.find((s) => rel.startsWith(`${s.root}/`));
    const key = sub ? (sub.name ?? sub.root) : '主包';
    totals.set(key, totals.get(key)! + uploadedBytes(file));
  }
  return [...totals].map(([name, bytes]) => ({
    name,
    bytes,
    budget: name === '主包' ? MAIN_BUDGET : SUBPACKAGE_BUDGET,
  }));
}

async function main(): Promise<void> {
  await buildMiniprogram({ quiet: true });
  const sizes = packageSizes();
  let failed = false;
  for (const { name, bytes, budget } of sizes) {
    const over = bytes > budget;
    failed ||= over;
    console.log(
      `${over ? '✗' : '✓'} ${name.padEnd(8)} ${String(bytes).padStart(9)} 字节（${(bytes / 1024).toFixed(1)} KB，上限 ${(budget / 1024).toFixed(0)} KB）`,
    );
  }
  const total = sizes.reduce((s, x) => s + x.bytes, 0);
  console.log(`  合计     ${String(total).padStart(9)} 字节`);
  if (failed) {
    console.error('小程序包体积超出预算');
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
