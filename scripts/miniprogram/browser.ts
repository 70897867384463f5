/**
 * The browser and the fonts the page renderer (render.ts) uses, both from npm so that `npm install` alone sets up
 * the page tests and `npm run preview`, and every machine draws the same pixels:
 * - Chromium: `@sparticuz/chromium` ships a headless Chromium (x64 Linux) inside the package, brotli-compressed.
 *   It is unpacked once into a folder of its own under the temporary directory (named by the package version,
 *   so another version or another project's `/tmp/chromium` is never picked up). `CHROMIUM_PATH` selects another
 *   Chromium instead (e.g. Debian's /usr/bin/chromium, or on arm64 where the package has no binary). The binary
 *   links only glibc, libnss3/libnspr4 and libexpat, all in the Debian base image (ldd, checked here).
 * - Text: Noto Sans SC (`@fontsource-variable/noto-sans-sc`, SIL OFL 1.1, one variable woff2 per Unicode slice,
 *   weights 100-900), loaded by @font-face under every family name the mini-program asks for (fontFaceCss).
 * - Fallback: the npm Chromium runs with a fontconfig file that lists only the Latin fonts shipped in the same
 *   package (Open Sans), so no system font is ever drawn; a CJK character outside the @font-face families shows
 *   as nothing, which a screenshot makes plain, rather than silently in whatever the machine has installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Flags for every Chromium we launch (headless, no sandbox since CI runs as root, nothing phoning home). */
export const BASE_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface BrowserChoice {
  /** 'npm': @sparticuz/chromium; 'env': the Chromium named by CHROMIUM_PATH. */
  source: 'npm' | 'env';
  executablePath: string;
  args: string[];
  /** Extra environment for the browser process (the isolated fontconfig for the npm Chromium). */
  env: Record<string, string>;
}

const PACKAGE = '@sparticuz/chromium';

function packageDir(): string {
  // The package's exports map only "."; its entry is build/index.js, two levels below the package folder.
  return path.resolve(path.dirname(require.resolve(PACKAGE)), '..');
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Where this package version is unpacked: chromium, its shared libraries, fonts/ and fonts.conf. */
export function npmChromiumDir(): string {
  return path.join(os.tmpdir(), `health-enforcement-chromium-${packageVersion()}`);
}

/**
 * Unpacks the npm Chromium (first call only, about 2 s and 200 MB) and answers its path and recommended flags.
 * The package is an ES module whose unpacking writes to os.tmpdir(): it runs in a child Node process with TMPDIR
 * set to a fresh folder, which is then renamed into place, so parallel test workers never see half a binary.
 */
function unpackNpmChromium(): { executablePath: string; args: string[] } {
  const dir = npmChromiumDir();
  const argsFile = path.join(dir, 'args.json');
  if (!existsSync(argsFile)) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(
        `${PACKAGE} 只带 Linux x64 的 Chromium（本机 ${process.platform}/${process.arch}）：请设置 CHROMIUM_PATH 指向本机的 Chromium。`,
      );
    }
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const entry = pathToFileURL(require.resolve(PACKAGE)).href;
    // Graphics off: no SwiftShader WebGL, the renderer draws with Skia on the CPU (we pass --disable-gpu anyway).
    const script = `import c from ${JSON.stringify(entry)}; c.setGraphicsMode = false;
      const p = await c.executablePath(); process.stdout.write(JSON.stringify({ p, args: c.args }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: partial },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { args } = JSON.parse(out) as { p: string; args: string[] };
    writeFileSync(
      path.join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(dir, 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fontconfig-cache')}</cachedir>\n` +
        `</fontconfig>\n`,
    );
    writeFileSync(path.join(partial, 'args.json'), JSON.stringify(args));
    try {
      renameSync(partial, dir);
    } catch (e) {
      // Another process renamed its copy first: use that one.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(argsFile)) throw e;
    }
  }
  return {
    executablePath: path.join(dir, 'chromium'),
    args: JSON.parse(readFileSync(argsFile, 'utf8')) as string[],
  };
}

/**
 * The package's flags that do not suit us: `--single-process` is for AWS Lambda (Playwright opens and closes
 * many contexts per browser, which single-process mode handles badly), and its own `--headless=` spelling
 * (Playwright passes headless itself; BASE_CHROMIUM_ARGS has it too).
 */
function usableNpmArgs(args: string[]): string[] {
  return args.filter((a) => a !== '--single-process' && !a.startsWith('--headless'));
}

/** Which Chromium the renderer launches: CHROMIUM_PATH when set, else the one from npm. */
export function resolveBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`找不到 CHROMIUM_PATH 指定的 Chromium（${fromEnv}）。`);
    return { source: 'env', executablePath: fromEnv, args: BASE_CHROMIUM_ARGS, env: {} };
  }
  const npm = unpackNpmChromium();
  return {
    source: 'npm',
    executablePath: npm.executablePath,
    args: [...new Set([...usableNpmArgs(npm.args), ...BASE_CHROMIUM_ARGS])],
    env: { FONTCONFIG_FILE: path.join(npmChromiumDir(), 'fonts.conf') },
  };
}

/** The npm font's files, served to the page from this made-up origin by a Playwright route (render.ts). */
export const FONT_ORIGIN = 'https://fonts.harness.invalid';
const FONT_PACKAGE = '@fontsource-variable/noto-sans-sc';

export function fontFilesDir(): string {
  return path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/index.css`)), 'files');
}

/** The family the harness itself names. */
export const HARNESS_FONT = 'Harness Noto Sans SC';

/**
 * Every font family the mini-program's styles name (its own WXSS, TDesign's, utils/font-scale.ts), drawn in the
 * harness with the npm Noto Sans SC: on a phone these are the system's own fonts (PingFang SC on iOS), here one
 * font on every machine. test/scripts/browser.test.ts fails when a style names a family missing here.
 */
export const FONT_ALIASES = [
  HARNESS_FONT,
  'PingFang SC',
  'Noto Sans CJK SC',
  'Microsoft YaHei',
  'Arial Regular',
  'Arial Medium',
  'Menlo',
  'Consolas',
];

let fontCss: string | undefined;

/** @font-face rules: the package's per-slice faces (unicode-range, so only slices in use load) per alias. */
export function fontFaceCss(): string {
  if (fontCss) return fontCss;
  const css = readFileSync(require.resolve(`${FONT_PACKAGE}/index.css`), 'utf8').replace(
    /url\(\.\/files\//g,
    `url(${FONT_ORIGIN}/`,
  );
  fontCss = FONT_ALIASES.map((name) =>
    css.replace(/font-family:\s*'Noto Sans SC Variable';/g, `font-family: '${name}';`),
  ).join('\n');
  return fontCss;
}

/** A font file for a request to FONT_ORIGIN, or undefined for any other name (no path outside the folder). */
export function fontFile(url: string): Buffer | undefined {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9-]+\.woff2$/.test(name)) return undefined;
  const file = path.join(fontFilesDir(), name);
  return existsSync(file) ? readFileSync(file) : undefined;
}
