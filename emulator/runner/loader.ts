/**
 * Loads a built function bundle (`<functionsDir>/<name>/index.js`) as CloudBase would: a CommonJS module whose
 * `main(event, context)` is the handler.
 *
 * - Test mode: every call evaluates the bundle source again, so a value a call keeps in a module variable is
 *   gone on the next call (CloudBase runs many instances).
 * - Dev mode: one instance per function, re-evaluated when index.js changes (mtime), like a redeploy.
 *
 * The source is compiled with this realm's `Function` constructor rather than `vm`/`Module#_compile`: under jest
 * the emulator lives in a vm context whose globals (`Date` shifted by emulator/clock.ts, `process.env` pointing
 * the SDK at the emulator) differ from the outer realm's, and the function must see the same ones. Packages the
 * bundle requires (only @cloudbase/node-sdk in a real bundle) are resolved from the function folder, then from
 * the repo's node_modules, and loaded through this module's own `require`, so they share those globals too.
 * Their module instances are shared between calls; only the bundle itself is fresh.
 *
 * `console` inside the bundle is the one given (the emulator's `functionConsole` option), else the host's.
 */
import { statSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Handler = (event: unknown, context: unknown) => unknown;

const REPO_ROOT = path.resolve(__dirname, '..', '..');

// The host's CommonJS `require` (jest's inside tests, Node's otherwise); kept in a variable so that loading
// packages for a bundle goes through the same module registry as the emulator itself.
const hostRequire: NodeJS.Require = require;

function requireFor(entry: string): (id: string) => unknown {
  const resolver = createRequire(entry);
  return (id: string) => {
    if (isBuiltin(id)) return hostRequire(id);
    const resolved = resolver.resolve(id, { paths: [path.dirname(entry), REPO_ROOT] });
    return hostRequire(resolved);
  };
}

/** Evaluates the bundle once and answers its exported `main`. Throws when there is none. */
export function instantiate(entry: string, fnConsole: Console = console): Handler {
  const source = readFileSync(entry, 'utf8');
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    'console',
    `${source}\n//# sourceURL=${pathToFileURL(entry).href}`,
  ) as (...args: unknown[]) => void;
  wrapper.call(
    module.exports,
    module.exports,
    requireFor(entry),
    module,
    entry,
    path.dirname(entry),
    fnConsole,
  );
  const main = (module.exports as { main?: unknown }).main;
  if (typeof main !== 'function') {
    throw new Error(`${path.relative(REPO_ROOT, entry)} 没有导出 main 函数`);
  }
  return main as Handler;
}

interface CachedInstance {
  mtimeMs: number;
  main: Handler;
}

export class FunctionLoader {
  private readonly instances = new Map<string, CachedInstance>();

  constructor(
    private readonly mode: 'dev' | 'test',
    private readonly fnConsole: Console = console,
  ) {}

  /** The handler to use for one call. */
  handlerFor(entry: string): Handler {
    if (this.mode === 'test') return instantiate(entry, this.fnConsole);
    const mtimeMs = statSync(entry).mtimeMs;
    const cached = this.instances.get(entry);
    if (cached && cached.mtimeMs === mtimeMs) return cached.main;
    const main = instantiate(entry, this.fnConsole);
    this.instances.set(entry, { mtimeMs, main });
    return main;
  }

  clear(): void {
    this.instances.clear();
  }
}
