/**
 * Normalised views of a text with a map back to the original offsets (PUB-7: a leak scan normalises
 * full-width characters, spaces and separators before it looks). Pure.
 */

export interface NormalizedView {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the original offset of normalised character i. */
  map: number[];
}

/** Full-width ASCII (！ to ～) to half-width, the ideographic space to a space, letters upper-cased. */
export function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0).toUpperCase();
  if (c === 0x3000) return ' ';
  return ch.toUpperCase();
}

/** Characters dropped from the compact view: white space and the separators people put inside numbers and names. */
const SEPARATOR = /[\s\-‐‑‒–—―−_.·•・‧()（）[\]【】/\\|,，、:：'"]/u;

/**
 * The compact view: widths folded, upper case, white space and separators dropped. Used to find known data and
 * identifiers in any spelling (`5101 0420 0201 2164 8X`, `１３８４４０８８６６６`, `(023)5835-0880`).
 */
export function compactView(text: string): NormalizedView {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = foldWidth(text[i]!);
    if (SEPARATOR.test(ch)) continue;
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

/** Widths folded, upper case, only white space and hyphens dropped: digit runs as people space them. */
export function digitRunView(text: string): NormalizedView {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = foldWidth(text[i]!);
    if (/[\s\-‐‑–—−]/.test(ch)) continue;
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

/** The compact form of one value (a known ID number, phone, name): what `compactView` would make of it. */
export function compact(value: string): string {
  return compactView(value).text;
}

/** Original [start, end) of the normalised range [from, to). */
export function originalRange(
  view: NormalizedView,
  from: number,
  to: number,
): { start: number; end: number } {
  return { start: view.map[from]!, end: view.map[to - 1]! + 1 };
}

/** Every index where `needle` occurs in `haystack` (overlapping occurrences included). */
export function indexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}
