/**
 * Full-text publication of a decision (PUB-7 second form, seed Art. 16): staff choose the
 * decision's text (typed, pasted or the document system's text export - an uploaded PDF is never the published
 * full text), the server marks removals and highlights with the redaction engine from the parties' known data,
 * a reviewer (the section's 分管领导 at the review step) confirms the removals - undoing or adding some - and the
 * public text is fixed at approval. Pure: the record's shape, the workflow's refusal, the reviewer's changes. The
 * engine itself (core/redaction) is imported only by the server code that needs it (bundle size, cold start).
 */
import type { RedactionKind, Span } from '../redaction/types';

/** Longest decision text accepted (characters): a long 行政处罚决定书 is ~10k; a 50k text is a mistake. */
export const MAX_FULL_TEXT = 50_000;
/** Removals a reviewer may send at once. */
export const MAX_REMOVALS = 2_000;

/** A removal or highlight as the reviewer's page sends it back: where, and what kind of data. */
export interface SpanChoice {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** Who confirmed which removals, for which text version (kept for every confirmation: the ledger hashes it). */
export interface RemovalConfirmation {
  /** The salted reference of the reviewer. */
  by: string;
  at: string;
  round: number;
  version: number;
  /** The removals as confirmed (the ones the public text is made with). */
  removals: Span[];
  /** Of those, the ones the reviewer added (a highlight taken, or a span selected). */
  added: SpanChoice[];
  /** The engine's removals the reviewer undid. */
  undone: SpanChoice[];
}

/** The full text on the staff record (personal data: staff only; never in a public output until redacted). */
export interface FullTextRecord {
  /** The decision's text as given (personal data: sealed at rest by the server, '' in the stored record). */
  text: string;
  /** At rest: the text sealed with the entry's own key (server/features/publication/sealing.ts). */
  textSealed?: unknown;
  /** Increases with every new text: a confirmation names the version it was made on. */
  version: number;
  /** Where the text came from: typed or pasted, or the document system's text export. */
  source: 'typed' | 'export';
  /** The case whose parties' known data was used (besides the entry's own party), if staff named one. */
  caseNo: string | null;
  /** The engine's marks on this version. */
  removals: Span[];
  highlights: Span[];
  setBy: string;
  setAt: string;
  /** The confirmation in force for this version, or null: the entry waits for a reviewer. */
  confirmed: RemovalConfirmation | null;
  /** Every confirmation made, oldest first (who confirmed what). */
  history: RemovalConfirmation[];
  /** The public text, fixed at approval (what the public document shows); null before. */
  publicText: string | null;
}

export const FULL_TEXT_UNCONFIRMED = '该条目选择公开决定书全文，须经审核人确认删除内容后才能继续办理';

/** The workflow's refusal for the steps after submission: a full text waits for its confirmation. */
export function fullTextRefusal(e: { fullText?: FullTextRecord | null }): string | null {
  const f = e.fullText;
  return f && (!f.confirmed || f.confirmed.version !== f.version) ? FULL_TEXT_UNCONFIRMED : null;
}

const same = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start === b.start && a.end === b.end;

/**
 * The reviewer's final removals against the engine's: which of the engine's were undone, which were added. A
 * chosen span equal to one of the engine's keeps the engine's replacement and source; an added one is the
 * reviewer's (`replacement` from `replacementOf`).
 */
export function reviewerChanges(
  engine: readonly Span[],
  highlights: readonly Span[],
  chosen: readonly SpanChoice[],
  replacementOf: (text: string, c: SpanChoice) => string,
  text: string,
): { removals: Span[]; added: SpanChoice[]; undone: SpanChoice[] } {
  const removals: Span[] = [];
  const added: SpanChoice[] = [];
  for (const c of chosen) {
    const known = engine.find((s) => same(s, c));
    if (known) {
      removals.push(known);
      continue;
    }
    const hint = highlights.find((s) => same(s, c) && s.kind === c.kind);
    removals.push(
      hint
        ? { ...hint, source: 'reviewer', reason: undefined }
        : { ...c, replacement: replacementOf(text, c), source: 'reviewer' },
    );
    added.push({ start: c.start, end: c.end, kind: c.kind });
  }
  const undone = engine
    .filter((s) => !chosen.some((c) => same(s, c)))
    .map((s) => ({ start: s.start, end: s.end, kind: s.kind }));
  return { removals: removals.sort((a, b) => a.start - b.start), added, undone };
}

/** Chosen spans must lie in the text, be non-empty and not overlap (the page never sends overlapping ones). */
export function spansProblem(text: string, chosen: readonly SpanChoice[]): string | null {
  const sorted = [...chosen].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const c of sorted) {
    if (c.start < 0 || c.end > text.length || c.end <= c.start)
      return '删除内容的位置超出全文范围，请刷新后重试';
    if (c.start < at) return '删除内容相互重叠，请刷新后重试';
    at = c.end;
  }
  return null;
}
