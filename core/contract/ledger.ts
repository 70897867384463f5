/**
 * The ledger's actions (REC-11, REC-16): `public` ledger.head (the anchored head anyone can compare), `staff`
 * ledger.verify and ledger.anchors.export (the legal-audit section keeps anchors outside the database), and the
 * scheduler's daily ledger.anchor.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { LedgerBreak } from '../ledger/verify';

export const anchorSchema = z.strictObject({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })),
  seq: z.int().check(z.minimum(1)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: '哈希应为 64 位十六进制' })),
});

/** The auditor's kept anchors (from ledger.anchors.export); about one per day, ten years fit. */
export const ledgerVerifyInput = z.strictObject({
  anchors: z.optional(z.array(anchorSchema).check(z.maxLength(4000))),
});

export interface VerifyResult {
  ok: boolean;
  /** Entries walked. */
  checked: number;
  entitiesChecked: number;
  anchorsChecked: number;
  firstBroken?: LedgerBreak;
}

export interface AnchorView {
  date: string;
  seq: number;
  hash: string;
  alg: string;
}

export interface AnchorExport {
  format: string;
  algorithm: string;
  exportedAt: string;
  anchors: AnchorView[];
}

export interface LedgerHeadView {
  anchored: AnchorView | null;
  liveSeq: number;
}

export type AnchorResult =
  | { anchored: true; date: string; seq: number; hash: string }
  | { anchored: false; date: string; reason: 'alreadyAnchored' | 'emptyLedger' };

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
export const ledgerAnchor = declareAction<AnchorResult>()({
  fn: 'scheduler',
  name: 'ledger.anchor',
  access: 'timer',
  input: empty,
});
