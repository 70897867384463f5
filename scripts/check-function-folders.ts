/**
 * `npm run check:functions` (a CI step, after `npm run build`): proves each built function folder runs with
 * nothing but what its own package.json installs.
 *
 * For each distinct set of dependencies, `npm install --omit=dev` runs once in a fresh temp dir holding only that
 * package.json. Each function folder is then copied into its own temp dir whose `node_modules` links to that
 * install, and a child `node` with no NODE_PATH, run from a temp dir that has no node_modules above it,
 * `require()`s its index.js and checks that `main` is a function.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_NAMES, functionDir } from './function-folders';

interface FolderResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** A directory above `dir` holding node_modules would let a folder load packages it does not install. */
function parentNodeModules(dir: string): string | undefined {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) return path.join(d, 'node_modules');
  }
  return existsSync('/node_modules') ? '/node_modules' : undefined;
}

function installDependencies(root: string, dependencies: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, 'install-'));
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'function-folder-check', private: true, dependencies }, null, 2),
  );
  execFileSync(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return path.join(dir, 'node_modules');
}

const LOAD_SCRIPT = `
const m = require(process.argv[1]);
if (typeof m.main !== 'function') { console.error('index.js 没有导出 main 函数'); process.exit(3); }
`;

function checkFolder(root: string, name: string, nodeModules: string): FolderResult {
  const source = functionDir(name);
  if (!existsSync(path.join(source, 'index.js'))) {
    return { name, ok: false, detail: `cloudfunctions/${name}/index.js 不存在，请先运行 npm run build` };
  }
  const dir = path.join(root, name);
  mkdirSync(dir);
  // Exactly what a deployment uploads: the folder without src/ and node_modules/ (cloudbaserc.json "ignore").
  cpSync(source, dir, {
    recursive: true,
    filter: (src) => !/[\\/](src|node_modules)([\\/]|$)/.test(path.relative(source, src)),
  });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  const child = spawnSync(process.execPath, ['-e', LOAD_SCRIPT, path.join(dir, 'index.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = `${child.stderr ?? ''}${child.stdout ?? ''}`.trim().split('\n');
  // Node prints the source line first; the line naming the error (e.g. "Cannot find module 'zod'") says more.
  const reason = lines.find((l) => /Error|main 函数/.test(l)) ?? lines.slice(0, 3).join(' / ');
  return {
    name,
    ok: child.status === 0,
    detail: child.status === 0 ? '可以加载，main 是函数' : reason.trim(),
  };
}

export function checkFunctionFolders(): FolderResult[] {
  const root = mkdtempSync(path.join(os.tmpdir(), 'fn-folders-'));
  try {
    const above = parentNodeModules(root);
    if (above) throw new Error(`临时目录上层存在 ${above}，无法证明函数文件夹自给自足`);
    const installs = new Map<string, string>();
    return FUNCTION_NAMES.map((name) => {
      const pkg = JSON.parse(readFileSync(path.join(functionDir(name), 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const key = JSON.stringify(pkg.dependencies ?? {});
      let nodeModules = installs.get(key);
      if (!nodeModules) {
        nodeModules = installDependencies(root, pkg.dependencies ?? {});
        installs.set(key, nodeModules);
      }
      return checkFolder(root, name, nodeModules);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const started = Date.now();
  try {
    const results = checkFunctionFolders();
    for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}：${r.detail}`);
    const failed = results.filter((r) => !r.ok);
    console.log(
      `函数文件夹检查：${results.length - failed.length} 个通过，${failed.length} 个失败（${Date.now() - started} ms）`,
    );
    if (failed.length) process.exit(1);
  } catch (err) {
    console.error(`函数文件夹检查失败：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
