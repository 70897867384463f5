/**
 * `npm run depcheck` (after dependency-cruiser): the backend's layer rules that a path-to-path rule cannot state.
 *
 * 1. A feature reads another feature's or module's data only through that module's exported functions: a file
 *    under server/features/<X>/ never imports a `*_COLLECTION` constant from outside server/features/<X>/.
 * 2. Features plug into shared modules through explicit registration lists, not side-effect imports: no file
 *    under server/ has `import './x'` without bindings (registration that depends on import order is invisible).
 *
 * Usage: `tsx scripts/check-layers.ts [root]` (root defaults to the repository); exits 1 with one line per
 * violation (file:line and what is wrong).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

/** Every .ts file below `dir`, as paths relative to `root` with forward slashes. */
function tsFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory() && e.name !== 'node_modules') out.push(...tsFiles(root, rel));
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

/** The source with comments blanked (newlines kept, so offsets still give line numbers); strings kept. */
export function withoutComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

const lineAt = (src: string, offset: number) => src.slice(0, offset).split('\n').length;

/** `import './x'` (no bindings). */
const SIDE_EFFECT_IMPORT = /(^|[;\n])[ \t]*import\s*(['"])([^'"\n]+)\2/g;
/** `import … from 'x'` and `export … from 'x'`: group 3 is the binding list, group 5 the module. */
const BINDING_IMPORT = /(^|[;\n])[ \t]*(import|export)\s+([\w$*{}\s,]+?)\s*from\s*(['"])([^'"\n]+)\4/g;

/** The names a binding list brings in from the module (`a as b` counts as `a`; `type` prefixes dropped). */
function importedNames(bindings: string): string[] {
  const names: string[] = [];
  const braced = /\{([^}]*)\}/.exec(bindings);
  if (braced) {
    for (const part of braced[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim();
      if (name) names.push(name);
    }
  }
  const head = bindings.replace(/\{[^}]*\}/, '').replace(/^type\s+/, '');
  for (const part of head.split(',')) {
    const name = part.trim();
    if (/^[\w$]+$/.test(name)) names.push(name);
  }
  return names;
}

export function checkFile(file: string, source: string): Violation[] {
  const src = withoutComments(source);
  const out: Violation[] = [];
  for (const m of src.matchAll(SIDE_EFFECT_IMPORT)) {
    out.push({
      file,
      line: lineAt(src, m.index + m[1]!.length),
      message: `side-effect import '${m[3]}': list it in its function's plugins (server/router/plugins.ts) instead of importing for effect`,
    });
  }
  const feature = /^server\/features\/([^/]+)\//.exec(file)?.[1];
  if (feature === undefined) return out;
  const own = `server/features/${feature}`;
  for (const m of src.matchAll(BINDING_IMPORT)) {
    const collections = importedNames(m[3]!).filter((n) => /_COLLECTION$/.test(n));
    if (collections.length === 0) continue;
    const spec = m[5]!;
    const target = spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : spec;
    if (target === own || target.startsWith(`${own}/`)) continue;
    out.push({
      file,
      line: lineAt(src, m.index + m[1]!.length),
      message: `imports ${collections.join(', ')} from '${spec}': read another module's data through its exported functions, never its collection`,
    });
  }
  return out;
}

export function checkLayers(root: string): Violation[] {
  return tsFiles(root, 'server').flatMap((file) =>
    checkFile(file, readFileSync(path.join(root, file), 'utf8')),
  );
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const violations = checkLayers(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
  if (violations.length > 0) {
    console.error(`check-layers: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('check-layers: no violations');
}
