/**
 * Ledger actions (DESIGN.md "Contract"): `staff` ledger.verify and ledger.anchors.export (auditor, 法制稽查),
 * `public` ledger.head, `scheduler` ledger.anchor (timer only).
 */
import { z } from 'zod';
import { anchorLedgerHead } from '../../ledger/anchor';
import { allAnchors, ANCHOR_EXPORT_FORMAT, latestAnchor } from '../../ledger/anchor-store';
import { LEDGER_HEAD_COLLECTION } from '../../ledger/commit';
import { verifyLedger } from '../../ledger/verify';
import { CURRENT_HASH_ALGORITHM } from '../../platform/crypto';
import { action, type ActionTable } from '../../router/types';

const anchorSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, '哈希应为 64 位十六进制'),
});

export const ledgerStaffActions: ActionTable = {
  'ledger.verify': action({
    access: 'staff',
    roles: ['auditor'],
    // The auditor's kept anchors (from ledger.anchors.export); about one per day, ten years fit.
    input: z.strictObject({ anchors: z.array(anchorSchema).max(4000).optional() }),
    handler: (input, call) => verifyLedger(call.db, input.anchors ?? []),
  }),
  'ledger.anchors.export': action({
    access: 'staff',
    roles: ['auditor'],
    input: z.strictObject({}),
    handler: async (_input, call) => ({
      format: ANCHOR_EXPORT_FORMAT,
      algorithm: CURRENT_HASH_ALGORITHM,
      exportedAt: call.now.toISOString(),
      anchors: (await allAnchors(call.db)).map((a) => ({
        date: a.date,
        seq: a.seq,
        hash: a.hash,
        alg: a.alg,
      })),
    }),
  }),
};

export const ledgerPublicActions: ActionTable = {
  'ledger.head': action({
    access: 'public',
    input: z.strictObject({}),
    handler: async (_input, call) => {
      const anchor = await latestAnchor(call.db);
      const head = ((await call.db.collection(LEDGER_HEAD_COLLECTION).doc('head').get()).data ?? [])[0] as
        { seq?: number } | undefined;
      return {
        anchored: anchor ? { date: anchor.date, seq: anchor.seq, hash: anchor.hash, alg: anchor.alg } : null,
        liveSeq: head?.seq ?? 0,
      };
    },
  }),
};

export const ledgerSchedulerActions: ActionTable = {
  'ledger.anchor': action({
    access: 'timer',
    input: z.strictObject({}),
    handler: (_input, call) => anchorLedgerHead(call.db, call.now),
  }),
};
