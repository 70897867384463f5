/**
 * Renders mini-program pages with miniprogram-simulate INSIDE Chromium (playwright-core): the page's real WXML
 * (compiled by the official wcc compiler), WXSS and TypeScript (esbuild), the copied TDesign components and a
 * scripted `wx`. Chromium gives a real DOM and real layout, so overflow can be measured, not guessed; no jsdom
 * is needed. Layout runs at 750 CSS px wide because simulate maps 1rpx to 1px: a 750×1334 screenshot is the
 * 375×667 @2x phone screen.
 *
 * Backend calls from the page go through the typed client (services/api.ts) to a `wx` stub here, which hands
 * them to Node (`onCall`): the preview forwards them to a seeded emulator, page tests answer them directly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild, transformSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FONT_ORIGIN, HARNESS_FONT, fontFaceCss, fontFile, resolveBrowser } from './browser';
import { MINIPROGRAM_ROOT, REPO_ROOT } from './tdesign';

/* eslint-disable @typescript-eslint/no-explicit-any -- code below partly runs inside Chromium (page.evaluate),
   typed loosely on purpose: the root tsconfig has no DOM library, and adding it would change every file's globals. */
declare const document: any;
declare const window: any;

/** Where the mini-program's files live inside the browser's file map. */
const ROOT = '/mp';
export const VIEWPORT = { width: 750, height: 1334 };

export interface BackendCall {
  transport: 'cloud' | 'emulator';
  fn: string;
  event: { action: string; payload: unknown; requestId: string };
  headers?: Record<string, string>;
  url?: string;
}

export interface RenderOptions {
  /** e.g. 'pages/officer/verify/index' */
  page: string;
  query?: Record<string, string>;
  /** WeChat's font size setting in px (17 standard; 28 the largest). */
  fontSizeSetting?: number;
  envVersion?: 'develop' | 'trial' | 'release';
  /** Development settings the page reads (services/api.ts devSettings). */
  devEmulator?: { enabled: boolean; baseUrl: string; openid: string; appId: string };
  privacyNeedsAuthorization?: boolean;
  /** Answers a backend call (the envelope). */
  onCall(call: BackendCall): Promise<unknown>;
}

export interface Rendered {
  page: Page;
  /** wx navigation and other side effects the page asked for, in order. */
  effects(): Promise<Array<{ api: string; args: unknown }>>;
  text(): Promise<string>;
  /** Waits until no backend call is pending and the DOM is quiet. */
  settle(): Promise<void>;
  /** Calls a method of the page component (e.g. an event handler) with arguments. */
  invoke(method: string, ...args: unknown[]): Promise<void>;
  close(): Promise<void>;
}

let simulateBundle: Promise<string> | undefined;

/** miniprogram-simulate for the browser: its Node built-ins replaced by a tiny `path` shim and empty modules. */
function buildSimulateBundle(): Promise<string> {
  simulateBundle ??= esbuild({
    stdin: {
      contents: "window.simulate = require('miniprogram-simulate');",
      resolveDir: REPO_ROOT,
      sourcefile: 'simulate-entry.js',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    define: { global: 'window' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-shims',
        setup(b) {
          b.onResolve({ filter: /^(path|fs|url|os|source-map)$/ }, (a) =>
            a.path === 'path'
              ? { path: path.join(__dirname, 'path-shim.js') }
              : { path: a.path, namespace: 'empty' },
          );
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}' }));
        },
      },
    ],
  }).then((r) => r.outputFiles[0]!.text);
  return simulateBundle;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Every file simulate may read, keyed by its browser path; scripts as CommonJS (TDesign ships ES modules). */
function fileMap(): Record<string, string> {
  const map: Record<string, string> = {};
  for (const file of walk(MINIPROGRAM_ROOT)) {
    const rel = path.relative(MINIPROGRAM_ROOT, file).split(path.sep).join('/');
    if (rel.endsWith('.d.ts')) continue;
    const text = readFileSync(file, 'utf8');
    if (rel.endsWith('.ts')) {
      map[`${ROOT}/${rel.slice(0, -3)}.js`] = transformSync(text, {
        loader: 'ts',
        format: 'cjs',
        target: 'es2018',
      }).code;
    } else if (rel.endsWith('.js')) {
      const code = transformSync(text, { loader: 'js', format: 'cjs', target: 'es2018' }).code;
      map[`${ROOT}/${rel}`] = resolveBareRequires(`${ROOT}/${rel}`, code);
    } else if (/\.(json|wxss|wxs)$/.test(rel)) {
      map[`${ROOT}/${rel}`] = text;
    }
  }
  return map;
}

/**
 * The runtime finds `require('tslib')` in the nearest miniprogram_npm folder; simulate only follows relative
 * paths, so bare names in TDesign's code are pointed at TDesign's bundled copies.
 */
function resolveBareRequires(file: string, code: string): string {
  const npm = `${ROOT}/miniprogram_npm/tdesign-miniprogram/miniprogram_npm`;
  return code.replace(/require\("([a-z@][^"]*)"\)/g, (all, spec: string) => {
    const target = path.posix.join(npm, spec);
    const local = path.join(MINIPROGRAM_ROOT, path.posix.relative(ROOT, target));
    const resolved = existsSync(local) && statSync(local).isDirectory() ? `${target}/index` : target;
    if (!existsSync(local) && !existsSync(`${local}.js`)) return all;
    return `require(${JSON.stringify(path.posix.relative(path.posix.dirname(file), resolved))})`;
  });
}

/** simulate drops npm-style usingComponents: point them at miniprogram_npm explicitly. */
function rewriteNpmPaths(map: Record<string, string>): void {
  for (const key of Object.keys(map)) {
    if (!key.endsWith('.json')) continue;
    map[key] = map[key]!.replace(/"tdesign-miniprogram\//g, '"/miniprogram_npm/tdesign-miniprogram/');
  }
}

function wxmlSource(): { gwx: string; wxml: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string): string };
  const wxml = walk(MINIPROGRAM_ROOT)
    .filter((f) => f.endsWith('.wxml'))
    .map((f) => path.relative(MINIPROGRAM_ROOT, f).split(path.sep).join('/'));
  return { gwx: compiler.wxmlToJs(MINIPROGRAM_ROOT), wxml };
}

/**
 * Chromium from npm, or CHROMIUM_PATH's when set (scripts/miniprogram/browser.ts). A launch that dies on start (a
 * SIGSEGV on a loaded shared machine was seen once in a long CI run) is tried again, up to three times.
 */
export async function launchBrowser(): Promise<Browser> {
  const choice = resolveBrowser();
  const launch = () =>
    chromium.launch({
      executablePath: choice.executablePath,
      args: choice.args,
      env: { ...process.env, ...choice.env },
    });
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch();
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** The `wx` stub and the page bootstrap, run in the browser. */
function bootstrap(args: {
  files: Record<string, string>;
  gwx: string;
  wxml: string[];
  page: string;
  query: Record<string, string>;
  fontSizeSetting: number;
  envVersion: string;
  devEmulator: unknown;
  privacyNeeds: boolean;
}): void {
  const w = window as unknown as Record<string, any>;
  const gwx = new Function(args.gwx)();
  const files: Record<string, unknown> = { ...args.files };
  for (const rel of args.wxml) files[`/mp/${rel}`] = gwx(rel);
  w.__FILE_MAP__ = files;
  w.__effects = [] as Array<{ api: string; args: unknown }>;
  w.__pending = 0;
  const effect = (api: string) => (opts: any) => {
    w.__effects.push({
      api,
      args: opts && typeof opts === 'object' ? { ...opts, success: undefined } : opts,
    });
  };
  const backend = (call: object, done: (answer: unknown) => void, fail: () => void) => {
    w.__pending++;
    w.__backend(JSON.stringify(call)).then(
      (text: string) => {
        w.__pending--;
        done(JSON.parse(text));
      },
      () => {
        w.__pending--;
        fail();
      },
    );
  };
  const stub = {
    // The page reads the font size as WeChat recommends (utils/font-scale.ts): iOS-style factor = px / 17.
    getAppBaseInfo: () => ({
      fontSizeSetting: args.fontSizeSetting,
      fontSizeScaleFactor: args.fontSizeSetting / 17,
      SDKVersion: '3.0.0',
    }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    getSystemInfoSync: () => ({
      fontSizeSetting: args.fontSizeSetting,
      windowWidth: 375,
      windowHeight: 667,
      pixelRatio: 2,
      platform: 'devtools',
    }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wx_preview', envVersion: args.envVersion, version: '' },
    }),
    getStorageSync: (key: string) => (key === 'dev.emulator' ? (args.devEmulator ?? '') : ''),
    setStorageSync: () => undefined,
    request: (opts: any) => {
      const fn = String(opts.url).replace(/^.*\/fn\//, '');
      backend(
        { transport: 'emulator', fn, event: opts.data, headers: opts.header, url: opts.url },
        (data) => opts.success?.({ statusCode: 200, data }),
        () => opts.fail?.({ errMsg: 'request:fail' }),
      );
    },
    cloud: {
      init: effect('cloud.init'),
      callFunction: (opts: any) =>
        backend(
          { transport: 'cloud', fn: opts.name, event: opts.data },
          (result) => opts.success?.({ result }),
          () => opts.fail?.({ errMsg: 'cloud.callFunction:fail' }),
        ),
    },
    getPrivacySetting: (opts: any) =>
      setTimeout(() =>
        opts.success?.({ needAuthorization: args.privacyNeeds, privacyContractName: '小程序隐私保护指引' }),
      ),
    onNeedPrivacyAuthorization: effect('onNeedPrivacyAuthorization'),
    requirePrivacyAuthorize: (opts: any) => {
      effect('requirePrivacyAuthorize')(opts);
      // A test sets __privacyRefused to play a user who taps 不同意 in WeChat's flow.
      if (w.__privacyRefused)
        opts.fail?.({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' });
      else opts.success?.({});
    },
    openPrivacyContract: effect('openPrivacyContract'),
    scanCode: (opts: any) => {
      effect('scanCode')(opts);
      const next = w.__scanResults?.shift();
      if (next) opts.success?.(next);
      else opts.fail?.({ errMsg: 'scanCode:fail cancel' });
    },
    navigateTo: effect('navigateTo'),
    makePhoneCall: effect('makePhoneCall'),
    downloadFile: (opts: any) => {
      effect('downloadFile')(opts);
      opts.success?.({ tempFilePath: 'wxfile://tmp/served-document', statusCode: 200 });
    },
    shareFileMessage: effect('shareFileMessage'),
    openDocument: effect('openDocument'),
    redirectTo: effect('redirectTo'),
    switchTab: effect('switchTab'),
    showToast: effect('showToast'),
    pageScrollTo: effect('pageScrollTo'),
    previewImage: effect('previewImage'),
    openSetting: effect('openSetting'),
    hideShareMenu: effect('hideShareMenu'),
    setClipboardData: effect('setClipboardData'),
  };
  w.getApp = () => ({ globalData: {} });
  w.getCurrentPages = () => [];
  const sim = w.simulate;
  w.wx = Object.assign(w.wx || {}, stub);
  const id = sim.load(`/mp/${args.page}`, { rootPath: '/mp', compiler: 'official' });
  const comp = sim.render(id);
  const host = document.createElement('div');
  host.id = 'mp-root';
  document.body.appendChild(host);
  comp.attach(host);
  w.__comp = comp;
  comp.instance.onLoad?.(args.query);
}

let prepared: { files: Record<string, string>; gwx: string; wxml: string[] } | undefined;

/**
 * The mini-program's files and compiled templates, read once per process: about a second of transforms and
 * template compiling that every render repeated. The files are built before any render (test/global-setup.ts,
 * scripts/preview.ts) and do not change while a process renders.
 */
function preparedSources(): { files: Record<string, string>; gwx: string; wxml: string[] } {
  if (!prepared) {
    const files = fileMap();
    rewriteNpmPaths(files);
    prepared = { files, ...wxmlSource() };
  }
  return prepared;
}

export async function renderPage(browser: Browser, opts: RenderOptions): Promise<Rendered> {
  const simulate = await buildSimulateBundle();
  const { files, gwx, wxml } = preparedSources();
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // The npm font's files, served from memory: no network, no file:// URLs from the page.
  await context.route(`${FONT_ORIGIN}/**`, (route) => {
    const body = fontFile(route.request().url());
    return body
      ? route.fulfill({
          status: 200,
          body,
          headers: { 'content-type': 'font/woff2', 'access-control-allow-origin': '*' },
        })
      : route.fulfill({ status: 404 });
  });
  // TDesign's icon font comes from its CDN: never fetched, so a machine with internet draws what one without does.
  await context.route('https://tdesign.gtimg.com/**', (route) => route.abort());
  const page = await context.newPage();
  // tsx compiles with keepNames: functions passed to page.evaluate call an `__name` helper the page lacks.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeFunction('__backend', async (text: string) =>
    JSON.stringify(await opts.onCall(JSON.parse(text) as BackendCall)),
  );
  const appWxss = readFileSync(path.join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8').replace(
    /\bpage\s*\{/,
    'body {',
  );
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${fontFaceCss()}</style>
     <style>html { font-family: '${HARNESS_FONT}'; }</style><style>${appWxss}
     html, body { margin: 0; padding: 0; width: 750px; } * { box-sizing: border-box; }
     wx-view, wx-text, virtual { display: block; } wx-text { display: inline; }</style></head><body></body></html>`,
  );
  await page.evaluate('window.__name = (f) => f;');
  await page.addScriptTag({ content: simulate });
  await page.evaluate(bootstrap, {
    files,
    gwx,
    wxml,
    page: opts.page,
    query: opts.query ?? {},
    fontSizeSetting: opts.fontSizeSetting ?? 17,
    envVersion: opts.envVersion ?? 'develop',
    devEmulator: opts.devEmulator ?? null,
    privacyNeeds: opts.privacyNeedsAuthorization ?? false,
  });
  if (errors.length) throw new Error(`页面 ${opts.page} 运行出错：${errors.join('; ')}`);
  const settle = async () => {
    for (let i = 0; i < 100; i++) {
      const pending = await page.evaluate(() => (globalThis as unknown as { __pending: number }).__pending);
      if (pending === 0) break;
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(50);
    // Text drawn in the npm font before any screenshot or measurement: the slices the layout needs are loaded.
    await page.evaluate(() => {
      void document.body.offsetHeight;
      return document.fonts.ready.then(() => undefined);
    });
    if (errors.length) throw new Error(`页面 ${opts.page} 运行出错：${errors.join('; ')}`);
  };
  await settle();
  return {
    page,
    settle,
    effects: () =>
      page.evaluate(
        () => (globalThis as unknown as { __effects: Array<{ api: string; args: unknown }> }).__effects,
      ),
    text: () => page.evaluate(() => document.body.innerText),
    invoke: async (method, ...args) => {
      await page.evaluate(
        ([m, a]) =>
          (globalThis as unknown as { __comp: { instance: Record<string, (...x: unknown[]) => unknown> } })
            .__comp.instance[m as string]!(...(a as unknown[])),
        [method, args] as const,
      );
      await settle();
    },
    close: () => context.close(),
  };
}
