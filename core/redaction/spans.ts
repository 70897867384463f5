/** Span bookkeeping: merging overlapping removals and applying them. Pure. */
import type { Span, SpanSource } from './types';

const PRIORITY: Readonly<Record<SpanSource, number>> = {
  reviewer: 0,
  known: 1,
  pattern: 2,
  role: 3,
  context: 4,
  segmenter: 5,
};

/**
 * Sorted, non-overlapping spans: where two overlap, their union is removed under the label of the one that holds
 * the other, else of the more certain one (known data first), so nothing either found is left in the text.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      const end = Math.max(last.end, s.end);
      // A span that holds the other whole names the union (a finance clause with a name in it stays a finance
      // clause); otherwise the more certain source does.
      const holds = (x: Span, y: Span) => x.start <= y.start && x.end >= y.end;
      const winner =
        holds(s, last) !== holds(last, s)
          ? holds(s, last)
            ? s
            : last
          : PRIORITY[s.source] < PRIORITY[last.source] ||
              (s.source === last.source && s.end - s.start > last.end - last.start)
            ? s
            : last;
      out[out.length - 1] = { ...winner, start: last.start, end };
      if (winner.kind === 'name' && end - last.start !== winner.end - winner.start) {
        // A name merged with a longer span: the name's surname still leads the union only if it starts it.
        out[out.length - 1]!.replacement =
          winner.start === last.start ? winner.replacement : last.replacement;
      }
    } else out.push({ ...s });
  }
  return out;
}

/** The text with every removal replaced (names by 张某, the rest by their bracketed label). */
export function applyRemovals(text: string, removals: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const r of mergeSpans(removals)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}

/** Spans of `b` not overlapping any span of `a`. */
export function withoutOverlaps<T extends { start: number; end: number }>(
  b: readonly T[],
  a: readonly { start: number; end: number }[],
): T[] {
  return b.filter((x) => !a.some((y) => x.start < y.end && y.start < x.end));
}
