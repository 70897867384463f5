/**
 * The ledger's actions (REC-11, REC-16): `public` ledger.head (the anchored head anyone can compare), `staff`
 * ledger.verify and ledger.anchors.export (the legal-audit section keeps anchors outside the database), and the
 * scheduler's daily ledger.anchor.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import { withLabels } from './labels';

const hash = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: '哈希应为 64 位十六进制' }));
const batchHead = z.strictObject({ no: z.int().check(z.minimum(0)), hash });

/** An anchor the auditor kept outside the database (one of ledger.anchors.export's): where checking starts. */
export const ledgerVerifyAnchorSchema = z.strictObject({
  chains: z.optional(z.strictObject({ records: z.optional(batchHead), access: z.optional(batchHead) })),
  legacy: z.optional(z.strictObject({ seq: z.int().check(z.minimum(1)), hash })),
});
export type LedgerVerifyAnchor = z.infer<typeof ledgerVerifyAnchorSchema>;

export const ledgerVerifyInput = withLabels(
  z.strictObject({
    anchor: z.optional(ledgerVerifyAnchorSchema),
    /** From the previous call's answer: checking resumes there. */
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
    /** Pages of work for this call (default 40); smaller answers sooner. */
    pages: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
  }),
  {
    anchor: '外部锚点',
    'anchor.chains': '各链的锚点',
    'anchor.chains.records': '状态变更链的锚点',
    'anchor.chains.access': '访问记录链的锚点',
    no: '批次编号',
    'anchor.legacy': '旧台账的锚点',
    seq: '条目序号',
    hash: '哈希',
    pages: '本次核验的页数',
  },
);

export interface VerifyResult {
  /** The whole trail was checked (else call again with `cursor`). */
  done: boolean;
  /** No break found in this call's share of the work. */
  ok: boolean;
  cursor: string | null;
  /** Every break found in this call's share, each naming what is broken and how. */
  breaks: LedgerBreakView[];
  checked: { batches: number; events: number; records: number; outboxRows: number; legacyEntries: number };
}

export interface LedgerBreakView {
  ref: string;
  reason: string;
}

export interface BatchHeadView {
  no: number;
  hash: string;
}

export interface AnchorView {
  date: string;
  chains: { records: BatchHeadView; access: BatchHeadView };
  legacy: { seq: number; hash: string } | null;
  alg: string;
}

export interface AnchorExport {
  format: string;
  algorithm: string;
  exportedAt: string;
  anchors: AnchorView[];
}

/** The latest anchor, and the live heads of the global chains (the sequencer moves them every minute). */
export interface LedgerHeadView {
  anchored: AnchorView | null;
  live: { records: BatchHeadView; access: BatchHeadView };
}

export type AnchorResult =
  | { anchored: true; date: string; chains: { records: BatchHeadView; access: BatchHeadView } }
  | { anchored: false; date: string; reason: 'alreadyAnchored' | 'emptyLedger' };

export interface SequenceReport {
  leased: boolean;
  chains: Record<'records' | 'access', { batches: number; events: number; head: number }>;
}

const empty = z.strictObject({});

export const ledgerVerify = declareAction<VerifyResult>()({
  fn: 'staff',
  name: 'ledger.verify',
  access: 'staff',
  roles: ['auditor'],
  input: ledgerVerifyInput,
});
export const ledgerAnchorsExport = declareAction<AnchorExport>()({
  fn: 'staff',
  name: 'ledger.anchors.export',
  access: 'staff',
  roles: ['auditor'],
  input: empty,
});
export const ledgerHead = declareAction<LedgerHeadView>()({
  fn: 'public',
  name: 'ledger.head',
  access: 'public',
  input: empty,
});
/** Every minute: pending events into the global chains (server/ledger/sequencer.ts). */
export const ledgerSequence = declareAction<SequenceReport>()({
  fn: 'scheduler',
  name: 'ledger.sequence',
  access: 'timer',
  input: empty,
});
export const ledgerAnchor = declareAction<AnchorResult>()({
  fn: 'scheduler',
  name: 'ledger.anchor',
  access: 'timer',
  input: empty,
});
