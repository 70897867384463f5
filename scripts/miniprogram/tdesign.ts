/**
 * Copies ONLY the TDesign components the mini-program uses into miniprogram/miniprogram_npm (the
 * whole library is 1.2 MB; copying the dist folders is what DevTools' "构建 npm" / miniprogram-ci
 * `packNpmManually` writes). The set is the closure of the `usingComponents` in the mini-program's own JSON files
 * over each component's JSON and its relative imports (`../common/...`), so a new `<t-xxx>` needs no list edit.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const MINIPROGRAM_ROOT = path.join(REPO_ROOT, 'miniprogram');
export const TDESIGN_DIST = path.join(REPO_ROOT, 'node_modules', 'tdesign-miniprogram', 'miniprogram_dist');
export const TDESIGN_TARGET = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm', 'tdesign-miniprogram');
const PACKAGE_PREFIX = 'tdesign-miniprogram/';

function walk(dir: string, skip: (p: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (skip(full)) continue;
    if (statSync(full).isDirectory()) walk(full, skip, out);
    else out.push(full);
  }
  return out;
}

/** Top-level TDesign folders named in the mini-program's usingComponents (app.json and every page/component). */
export function tdesignFoldersInUse(root = MINIPROGRAM_ROOT): string[] {
  const skip = (p: string) => /(miniprogram_npm|node_modules|core-bundle)$/.test(p);
  const folders = new Set<string>();
  for (const file of walk(root, skip).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const target of Object.values(json.usingComponents ?? {})) {
      if (target.startsWith(PACKAGE_PREFIX)) folders.add(target.slice(PACKAGE_PREFIX.length).split('/')[0]!);
    }
  }
  return [...folders].sort();
}

/** Folders reachable from `start` through relative references (`../icon/icon`, `from '../common/src/index'`). */
export function tdesignClosure(start: string[], dist = TDESIGN_DIST): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const folder = queue.pop()!;
    if (seen.has(folder)) continue;
    if (!existsSync(path.join(dist, folder))) throw new Error(`TDesign 中没有组件 ${folder}`);
    seen.add(folder);
    for (const file of walk(path.join(dist, folder), () => false)) {
      if (!/\.(js|json|wxml|wxs|wxss)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/["'(](\.{1,2}\/[^"')]+)["')]/g)) {
        const resolved = path.relative(dist, path.resolve(path.dirname(file), m[1]!));
        const top = resolved.split(path.sep)[0]!;
        if (
          top &&
          !top.startsWith('..') &&
          top !== folder &&
          !seen.has(top) &&
          existsSync(path.join(dist, top))
        ) {
          if (statSync(path.join(dist, top)).isDirectory()) queue.push(top);
        }
      }
    }
  }
  return [...seen].sort();
}

/**
 * npm packages the copied TDesign code imports by bare name (`tslib`, `tinycolor2/esm/...`). TDesign ships them
 * in its own miniprogram_dist/miniprogram_npm, where the mini-program runtime's lookup finds them.
 */
export function bareImports(folders: string[], dist = TDESIGN_DIST): string[] {
  const packages = new Set<string>();
  for (const folder of folders) {
    for (const file of walk(path.join(dist, folder), () => false).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*["']([a-z@][^"']*)["']/g)) {
        packages.add(m[1]!.split('/')[0]!);
      }
    }
  }
  return [...packages].sort();
}

/** Replaces miniprogram_npm/tdesign-miniprogram with exactly the folders in use; answers them. */
export function copyTdesign(): string[] {
  const folders = tdesignClosure(tdesignFoldersInUse());
  rmSync(TDESIGN_TARGET, { recursive: true, force: true });
  mkdirSync(TDESIGN_TARGET, { recursive: true });
  for (const folder of folders) {
    cpSync(path.join(TDESIGN_DIST, folder), path.join(TDESIGN_TARGET, folder), {
      recursive: true,
      // Type declarations are for editors only; they would only add to the package size.
      filter: (src) => !src.endsWith('.d.ts'),
    });
  }
  for (const pkg of bareImports(folders)) {
    const from = path.join(TDESIGN_DIST, 'miniprogram_npm', pkg);
    if (!existsSync(from)) throw new Error(`TDesign 依赖的 ${pkg} 不在 miniprogram_dist/miniprogram_npm 中`);
    cpSync(from, path.join(TDESIGN_TARGET, 'miniprogram_npm', pkg), { recursive: true });
  }
  return folders;
}
