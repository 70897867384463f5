/**
 * The redaction engine (PUB-7): `redact` finds what must go from a decision's full text before it is
 * published and what the reviewer should look at; `applyRemovals` makes the public text; `leakScan` checks a text
 * for the parties' known data in any spelling. Pure, and imported only by the functions that publish full text
 * (bundle size and cold start).
 */
import { findKnown } from './known';
import { findNames } from './names';
import { findContext } from './context';
import { findPatterns, isResidentId } from './patterns';
import { digitRunView, originalRange } from './normalize';
import { mergeSpans, withoutOverlaps } from './spans';
import { withoutAuthority } from './authority';
import {
  REPLACEMENT_LABELS,
  type KnownPartyData,
  type RedactOptions,
  type RedactionResult,
  type Span,
} from './types';

export * from './types';
export { applyRemovals, mergeSpans } from './spans';
export { findKnown } from './known';
export { plausibleName } from './names';

export function redact(
  text: string,
  known: readonly KnownPartyData[],
  options: RedactOptions = {},
): RedactionResult {
  const fromKnown = findKnown(text, known);
  const patterns = findPatterns(text, options.keep);
  const names = findNames(text, options);
  const context = findContext(text, names.removals);
  const removals = mergeSpans([
    ...fromKnown,
    ...withoutAuthority(text, [...patterns.removals, ...context.removals], options.keep),
    ...names.removals,
  ]);
  const kept = new Set(names.kept);
  const hints = (options.reviewHints?.(text) ?? [])
    .filter((h) => !kept.has(text.slice(h.start, h.end)))
    .map((h): Span => ({
      ...h,
      source: 'segmenter',
      replacement:
        h.kind === 'name'
          ? `${text[h.start]}某`
          : REPLACEMENT_LABELS[h.kind as Exclude<typeof h.kind, 'name'>],
    }));
  const highlights = mergeSpans(
    withoutOverlaps([...patterns.highlights, ...names.highlights, ...context.highlights, ...hints], removals),
  );
  return { removals, highlights };
}

/**
 * The parties' known data (and any resident ID number with a valid check character) still present in `text`,
 * looked for after folding widths and dropping spaces and separators. Empty means the text is clean.
 */
export function leakScan(text: string, known: readonly KnownPartyData[]): Span[] {
  const spans = findKnown(text, known);
  // Any resident ID: a whole run of 18 characters once widths are folded and spaces and hyphens dropped (not
  // punctuation: two numbers listed with 、 are two numbers).
  const view = digitRunView(text);
  for (const m of view.text.matchAll(/(?<![0-9X])\d{17}[\dX](?![0-9X])/g)) {
    if (isResidentId(m[0])) {
      const range = originalRange(view, m.index!, m.index! + 18);
      spans.push({ ...range, kind: 'idNumber', replacement: REPLACEMENT_LABELS.idNumber, source: 'pattern' });
    }
  }
  return mergeSpans(spans);
}
