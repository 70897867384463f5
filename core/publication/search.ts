/**
 * Keyword search over published entries: neither CloudBase nor SQLite can index a regex, so
 * each entry stores the token set of its PUBLIC VIEW in an indexed array field and a query matches entries
 * holding ALL of the keyword's tokens. Tokens come only from the public projection (party public name, document
 * number, violation type): a natural person's full name, never in the view, finds nothing (PUB-7).
 *
 * Normalisation: full-width letters, digits and punctuation to half-width, lower case, and every bracket form a
 * document number is written with (〔〕 [] （） () 【】 ［］) is a separator, so 渝中卫医罚〔2026〕12号 and
 * 渝中卫医罚[2026]12号 index alike. Text splits into runs of CJK characters and runs of letters/digits; a CJK
 * run gives its characters and bigrams (and itself whole), a letter/digit run itself whole. A query's CJK run
 * of two or more characters asks for its bigrams, a single character for itself; a letter/digit run for itself
 * (so 2026 finds 〔2026〕, 202 does not: no prefixes). Pure.
 */
import type { PublicView } from './public-view';

/** Tokens one view may have at most (the index entry stays small; text beyond is cut). */
export const MAX_TOKENS = 200;
const MAX_QUERY_TOKENS = 12;

export function normalizeSearchText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[〔〕[\]()（）【】［］{}<>《》「」『』]/g, ' ')
    .toLowerCase();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

function runs(text: string): string[] {
  return normalizeSearchText(text).match(RUN) ?? [];
}

function indexTokens(run: string, out: Set<string>): void {
  if (!CJK.test(run[0]!)) {
    out.add(run);
    return;
  }
  const chars = [...run];
  out.add(run);
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
}

/** The token set stored with a published entry (from its public view only). */
export function searchTokens(view: Pick<PublicView, 'partyName' | 'docNo' | 'violationType'>): string[] {
  const out = new Set<string>();
  for (const field of [view.partyName, view.docNo, view.violationType ?? '']) {
    for (const run of runs(field)) indexTokens(run, out);
    if (out.size >= MAX_TOKENS) break;
  }
  return [...out].slice(0, MAX_TOKENS);
}

/** The tokens an entry must all hold to match `keyword`; empty when the keyword has nothing searchable. */
export function queryTokens(keyword: string): string[] {
  const out = new Set<string>();
  for (const run of runs(keyword)) {
    if (!CJK.test(run[0]!)) out.add(run);
    else {
      const chars = [...run];
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...out].slice(0, MAX_QUERY_TOKENS);
}

/** Whether a stored token set matches the keyword (what the indexed query does; for tests and the emulator). */
export function matchesKeyword(tokens: readonly string[], keyword: string): boolean {
  const want = queryTokens(keyword);
  const have = new Set(tokens);
  return want.length > 0 && want.every((t) => have.has(t));
}
