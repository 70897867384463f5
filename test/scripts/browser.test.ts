/**
 * The page renderer's browser and fonts come from npm (scripts/miniprogram/browser.ts), so that `npm install`
 * alone runs the page tests on a fresh machine and screenshots look the same everywhere: the Chromium is the
 * one unpacked from @sparticuz/chromium unless CHROMIUM_PATH says otherwise, Chinese text is drawn in the npm
 * Noto Sans SC, and no system font is reachable (this machine may have fonts-noto-cjk installed: the fallback
 * still draws no CJK glyph).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  FONT_ALIASES,
  HARNESS_FONT,
  npmChromiumDir,
  resolveBrowser,
} from '../../scripts/miniprogram/browser';
import { MINIPROGRAM_ROOT } from '../../scripts/miniprogram/tdesign';
import { pageHarness } from '../miniprogram/harness';

// This file checks the npm browser whatever the developer's shell says.
delete process.env.CHROMIUM_PATH;

declare const document: any;

const harness = pageHarness();

describe('which Chromium the renderer launches', () => {
  it('is the one unpacked from @sparticuz/chromium when CHROMIUM_PATH is unset', () => {
    const choice = resolveBrowser({});
    expect(choice.source).toBe('npm');
    expect(choice.executablePath).toBe(path.join(npmChromiumDir(), 'chromium'));
    expect(choice.executablePath).not.toBe('/usr/bin/chromium');
    expect(statSync(choice.executablePath).mode & 0o100).toBeTruthy();
    expect(choice.args).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu']));
    expect(choice.args).not.toContain('--single-process');
  });

  it('runs with a fontconfig that lists only the fonts unpacked from the npm package', () => {
    const conf = readFileSync(resolveBrowser({}).env.FONTCONFIG_FILE!, 'utf8');
    const dirs = [...conf.matchAll(/<dir>([^<]*)<\/dir>/g)].map((m) => m[1]);
    expect(dirs).toEqual([path.join(npmChromiumDir(), 'fonts')]);
    expect(conf).not.toMatch(/<include|\/usr\/share\/fonts|\/etc\/fonts/);
  });

  it('is the one CHROMIUM_PATH names when set, and a missing one is a clear error', () => {
    expect(resolveBrowser({ CHROMIUM_PATH: process.execPath })).toEqual(
      expect.objectContaining({ source: 'env', executablePath: process.execPath, env: {} }),
    );
    expect(() => resolveBrowser({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow(
      '找不到 CHROMIUM_PATH 指定的 Chromium（/nowhere/chromium）',
    );
  });

  it('the launched browser is the npm build (its major version is the package major)', async () => {
    const page = await harness.render('pages/home/index');
    const version = page.page.context().browser()!.version();
    const pkg = JSON.parse(
      readFileSync(
        path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', 'package.json'),
        'utf8',
      ),
    ) as { version: string };
    expect(version.split('.')[0]).toBe(pkg.version.split('.')[0]);
  });
});

/** Pixels with ink when `text` is drawn on a canvas in `font`, and its advance width. */
async function draw(page: import('playwright-core').Page, font: string, text: string) {
  return page.evaluate(
    async ([f, t]) => {
      await document.fonts.load(f, t);
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 80;
      const g = canvas.getContext('2d');
      g.font = f;
      g.textBaseline = 'top';
      g.fillText(t, 10, 10);
      const data = g.getImageData(0, 0, 200, 80).data as Uint8ClampedArray;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return { ink, width: g.measureText(t).width as number };
    },
    [font, text] as const,
  );
}

describe('the text font in rendered pages', () => {
  it('draws 执法 in the npm Noto Sans SC under the family the page names, and no system CJK font is reachable', async () => {
    const { page } = await harness.render('pages/home/index');
    for (const family of [HARNESS_FONT, 'PingFang SC']) {
      const drawn = await draw(page, `40px "${family}"`, '执法');
      expect(drawn.ink).toBeGreaterThan(200);
      expect(drawn.width).toBeCloseTo(80, 2); // CJK ideographs are one em wide in Noto Sans SC
    }
    // The same text in a family nobody declared falls back to the machine's fonts: there are none with CJK.
    expect((await draw(page, '40px "No Such Font", sans-serif', '执法')).ink).toBe(0);
    const loaded: string[] = await page.evaluate(() =>
      [...document.fonts].filter((f: any) => f.status === 'loaded').map((f: any) => f.family),
    );
    expect(loaded).toContain('PingFang SC');
  });

  it('the page text itself is laid out in the npm font once the page settles', async () => {
    const { page } = await harness.render('pages/home/index');
    expect(await page.evaluate(() => document.fonts.check('32px "PingFang SC"', '核验执法人员'))).toBe(true);
    expect(await page.evaluate(() => document.fonts.status)).toBe('loaded');
  });
});

/** Family names in a style or script text: `font-family:` values and TDesign's --td-font-family fallbacks. */
function familiesNamed(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:font-family\s*:|--td-font-family(?:-medium)?\s*[:,])\s*([^;}{)]+)/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .replace(/!important/, '')
        .trim()
        .replace(/^['"]|['"]$/g, '');
      if (name && !name.startsWith('var(') && !name.startsWith('--')) out.push(name);
    }
  }
  return out;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'core-bundle') continue;
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else if (/\.(wxss|ts)$/.test(name)) out.push(full);
  }
  return out;
}

describe('font families the mini-program names', () => {
  it('are all drawn with the npm font in the harness (or are generic, or TDesign’s icon font)', () => {
    const generic = new Set(['sans-serif', 'serif', 'monospace', 'system-ui', 'inherit', 't']);
    const named = new Set(
      filesUnder(MINIPROGRAM_ROOT).flatMap((f) => familiesNamed(readFileSync(f, 'utf8'))),
    );
    expect(named).toContain('PingFang SC'); // the scan finds what it should
    const missing = [...named].filter((n) => !generic.has(n) && !FONT_ALIASES.includes(n));
    expect(missing).toEqual([]);
  });
});
