/**
 * Every text colour / background pair the mini-program's own WXSS and the TDesign components it uses can show,
 * read from the files (so a new colour is checked the day it is written): the theme tokens of app.wxss resolved in
 * `var(--x, fallback)`, translucent colours composited over what they sit on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MINIPROGRAM = path.join(__dirname, '../../miniprogram');

type Rgba = [number, number, number, number];

export function parseColour(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return [...m[1]!].map((x) => parseInt(x + x, 16)).concat(1) as Rgba;
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)).concat(1) as Rgba;
  m = /^rgba?\(([^)]*)\)$/.exec(v);
  if (m) {
    const [r, g, b, a] = m[1]!.split(',').map((x) => Number(x.trim()));
    return [r!, g!, b!, a ?? 1];
  }
  if (v === 'white') return [255, 255, 255, 1];
  if (v === 'black') return [0, 0, 0, 1];
  return null;
}

const over = (fg: Rgba, bg: Rgba): Rgba =>
  [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3])).concat(1) as Rgba;

function luminance(c: Rgba): number {
  const lin = (x: number) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG 2.1 contrast ratio of text `fg` over `bg` (a translucent background is taken over white). */
export function contrast(fg: string, bg: string): number {
  const b = over(parseColour(bg)!, [255, 255, 255, 1]);
  const f = over(parseColour(fg)!, b);
  const [hi, lo] = [luminance(f), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The theme tokens of app.wxss's `page { --x: value }`. */
export function appTokens(): Record<string, string> {
  const css = readFileSync(path.join(MINIPROGRAM, 'app.wxss'), 'utf8');
  const block = /(?:^|\n)page\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const tokens: Record<string, string> = {};
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) tokens[m[1]!] = m[2]!.trim();
  return tokens;
}

/** `var(--a, var(--b, #fff))` with the app's tokens first, else the innermost fallback. */
export function resolve(value: string, tokens: Record<string, string>): string {
  const v = value.replace(/\s*!important/, '').trim();
  const m = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.*))?\)$/.exec(v);
  if (!m) return v;
  if (tokens[m[1]!]) return resolve(tokens[m[1]!]!, tokens);
  return m[2] ? resolve(m[2], tokens) : '';
}

export interface Rule {
  file: string;
  selector: string;
  color?: string;
  background?: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.wxss')) out.push(full);
  }
  return out;
}

/** Rules of a WXSS file that set a text colour or a background colour, resolved to a plain colour. */
export function colourRules(file: string, tokens: Record<string, string>): Rule[] {
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = m[1]!.split(';').pop()!.trim(); // after any @import statements
    if (selector.startsWith('@') || selector === 'page') continue;
    const rule: Rule = { file: path.relative(MINIPROGRAM, file), selector };
    for (const d of m[2]!.matchAll(/(?:^|;)\s*(color|background|background-color)\s*:\s*([^;]+)/g)) {
      const value = resolve(d[2]!, tokens);
      if (!parseColour(value)) continue; // transparent, inherit, gradients, images
      if (d[1] === 'color') rule.color = value;
      else rule.background = value;
    }
    if (rule.color || rule.background) rules.push(rule);
  }
  return rules;
}

/** Our own WXSS: pages, components, shared styles (TDesign's are enumerated by its tokens instead). */
export const ownWxss = () => walk(MINIPROGRAM).filter((f) => !f.includes('miniprogram_npm'));

/**
 * Surfaces no text sits on: a scrim behind a dialog (the dialog has its own colours), the verification page's
 * pulsing live dot (a shape; its colour is the live clock's own, not a text colour).
 */
const SCRIMS = ['.privacy-mask', '.live-dot'];

/**
 * The [where, text, background] pairs of the given WXSS files:
 * - a rule with both colours is a pair;
 * - a text colour alone sits on the page's surfaces (white cards, the grey page), or, when white-ish, on each dark
 *   background the same file sets alone (a status banner and its variants);
 * - a background alone carries its base rule's text colour (`.status-card` for `.status-card-closed`), else white
 *   on a dark one, the primary and secondary text on a light one.
 * Disabled states are exempt (WCAG 1.4.3 "inactive user interface component").
 */
export function colourPairs(
  files: string[],
  tokens: Record<string, string>,
): Array<[string, string, string]> {
  const WHITE = '#ffffff';
  const SURFACES = [WHITE, resolve('var(--td-bg-color-page, #f3f3f3)', tokens)];
  const PRIMARY = resolve('var(--td-text-color-primary, rgba(0, 0, 0, 0.9))', tokens);
  const SECONDARY = resolve('var(--td-text-color-secondary, rgba(0, 0, 0, 0.6))', tokens);
  /** White-ish text (set for a dark background some other rule of the file sets, e.g. a status banner). */
  const isWhiteText = (c: string) => contrast(c, WHITE) < 1.5;
  const isDarkBg = (c: string) => contrast(WHITE, c) > contrast(PRIMARY, c);
  const lastClass = (selector: string) => /\.([\w-]+)[^.]*$/.exec(selector)?.[1] ?? '';
  const rules = files
    .flatMap((f) => colourRules(f, tokens))
    .filter((r) => !/disabled/.test(r.selector) && !SCRIMS.includes(r.selector));

  /** The text colour a background-only rule shows: its base rule's (`.status-card` for `.status-card-closed`). */
  function textOn(r: (typeof rules)[number]): string[] {
    const cls = lastClass(r.selector);
    const base = rules
      .filter((o) => o.file === r.file && o.color && o !== r && /^\.[\w-]+$/.test(o.selector))
      .filter((o) => cls === lastClass(o.selector) || cls.startsWith(`${lastClass(o.selector)}-`))
      .sort((x, y) => lastClass(y.selector).length - lastClass(x.selector).length)[0];
    if (base) return [base.color!];
    return isDarkBg(r.background!) ? [WHITE] : [PRIMARY, SECONDARY];
  }

  const pairs: Array<[string, string, string]> = [];
  for (const r of rules) {
    const where = `${r.file} ${r.selector}`;
    if (r.color && r.background) pairs.push([where, r.color, r.background]);
    else if (r.color && isWhiteText(r.color)) {
      for (const other of rules.filter((o) => o.file === r.file && o.background && !o.color)) {
        if (isDarkBg(other.background!))
          pairs.push([`${where} on ${other.selector}`, r.color, other.background!]);
      }
    } else if (r.color) for (const bg of SURFACES) pairs.push([where, r.color, bg]);
    else for (const fg of textOn(r)) pairs.push([`${where} with ${fg}`, fg, r.background!]);
  }

  return pairs;
}
