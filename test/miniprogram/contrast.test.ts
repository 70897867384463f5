/**
 * Accessibility basics: the verification status banners and the binding messages must read at WCAG 2.1
 * AA contrast (4.5:1 for normal text, https://www.w3.org/TR/WCAG21/#contrast-minimum) against the colour they
 * are shown with. Colours are read from the wxss itself, so changing a colour re-runs this check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
