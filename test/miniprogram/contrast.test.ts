/**
 * Accessibility basics: the verification status banners and the binding messages must read at WCAG 2.1
 * AA contrast (4.5:1 for normal text, https://www.w3.org/TR/WCAG21/#contrast-minimum) against the colour they
 * are shown with. Colours are read from the wxss itself, so changing a colour re-runs this check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { appTokens, colourPairs, contrast as pairContrast, ownWxss, resolve } from './contrast-pairs';

const ROOT = path.join(__dirname, '../../miniprogram');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The one hex colour a rule declares for `property` (a `var(--x, #fallback)` counts as not a fixed colour). */
function ruleColour(file: string, selector: string, property: 'background' | 'color'): string {
  const css = readFileSync(path.join(ROOT, file), 'utf8');
  const block = new RegExp(`\\${selector}\\s*\\{([^}]*)\\}`).exec(css)?.[1];
  if (!block) throw new Error(`${selector} not found in ${file}`);
  const value = new RegExp(`(?:^|;|\\s)${property}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(block)?.[1];
  if (!value) throw new Error(`${selector} in ${file} has no fixed ${property} colour`);
  return value;
}

describe('contrast', () => {
  it('computes the known ratios (black on white 21:1, TDesign success green on white ≈ 3.2:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#2ba471', '#ffffff')).toBeLessThan(4.5);
  });

  it.each(['.status-valid', '.status-invalid', '.status-unknown'])(
    'white text on the verification banner %s reaches 4.5:1',
    (selector) => {
      const bg = ruleColour('pages/officer/verify/index.wxss', selector, 'background');
      expect(contrast('#ffffff', bg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the banner text is white', () => {
    expect(ruleColour('pages/officer/verify/index.wxss', '.status-banner', 'color')).toBe('#ffffff');
  });

  it.each(['.bind-error', '.bind-success'])('the binding message %s reaches 4.5:1 on white', (selector) => {
    const fg = ruleColour('pages/staff/bind/index.wxss', selector, 'color');
    expect(contrast(fg, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

/**
 * Every colour pair in use reaches WCAG AA 4.5:1 (normal text). Read from the WXSS of every page,
 * component and shared style (contrast-pairs.ts), and from the TDesign theme tokens app.wxss sets for the
 * components in use; disabled states are exempt (WCAG 1.4.3 "inactive user interface component").
 */
describe('every colour pair in use', () => {
  const tokens = appTokens();
  const AA = 4.5;
  const WHITE = '#ffffff';
  const PAGE_BG = resolve('var(--td-bg-color-page, #f3f3f3)', tokens);
  const SURFACES = [WHITE, PAGE_BG];
  const pairs = colourPairs(ownWxss(), tokens);

  // TDesign components in use (button, tag, input, popup): filled, outline and light variants of each theme.
  const token = (name: string, fallback: string) => resolve(`var(${name}, ${fallback})`, tokens);
  const themes: Array<[string, string, string]> = [
    ['brand', token('--td-brand-color', '#0052d9'), token('--td-brand-color-light', '#f2f3ff')],
    ['success', token('--td-success-color', '#2ba471'), token('--td-success-color-1', '#e3f9e9')],
    ['warning', token('--td-warning-color', '#e37318'), token('--td-warning-color-1', '#fff1e9')],
    ['error', token('--td-error-color', '#d54941'), token('--td-error-color-1', '#fff0ed')],
  ];
  for (const [name, colour, light] of themes) {
    pairs.push([`TDesign ${name}: white on filled`, WHITE, colour]);
    pairs.push([`TDesign ${name}: on white (outline, text, tips)`, colour, WHITE]);
    pairs.push([`TDesign ${name}: on its light variant (light tag)`, colour, light]);
  }
  for (const name of [
    '--td-text-color-primary',
    '--td-text-color-secondary',
    '--td-text-color-placeholder',
  ]) {
    for (const bg of SURFACES)
      pairs.push([`TDesign ${name} on ${bg}`, token(name, 'rgba(0, 0, 0, 0.4)'), bg]);
  }

  it('finds the pairs in the files (the parser sees the known ones)', () => {
    expect(pairs.length).toBeGreaterThan(60);
    expect(pairs.some(([w]) => w.includes('officer/verify/index.wxss .status-banner on .status-valid'))).toBe(
      true,
    );
  });

  it('reaches 4.5:1 for each of them', () => {
    const failing = pairs
      .map(([where, fg, bg]) => ({ where, fg, bg, ratio: Math.round(pairContrast(fg, bg) * 100) / 100 }))
      .filter((p) => p.ratio < AA);
    expect(failing).toEqual([]);
  });

  it('catches a new failing pair in any WXSS file, whichever way it is written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'contrast-'));
    const file = path.join(dir, 'new.wxss');
    writeFileSync(
      file,
      "@import '../x.wxss';\n.a { color: rgba(0, 0, 0, 0.45); }\n.b { color: #fff; background: var(--td-success-color-5, #2ba471); }\n" +
        '.c { background: #e37318; }\n.d-card { color: #ffffff; background: #0052d9; }\n.d-card-warn { background: #ff9900; }\n',
    );
    const found = colourPairs([file], {})
      .filter(([, fg, bg]) => pairContrast(fg, bg) < AA)
      .map(([where]) => where.replace(/^.*new\.wxss /, ''));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\.a/),
        '.b',
        expect.stringMatching(/^\.c /),
        expect.stringMatching(/^\.d-card-warn with #ffffff/),
      ]),
    );
  });

  it('would fail on the colours used before (white on #2ba471, grey hint rgba(0,0,0,.5))', () => {
    expect(pairContrast(WHITE, '#2ba471')).toBeLessThan(AA);
    expect(pairContrast('rgba(0, 0, 0, 0.5)', PAGE_BG)).toBeLessThan(AA);
  });
});
