/**
 * Ledger actions (REC-11, REC-16): `staff` ledger.verify and ledger.anchors.export (auditor, 法制稽查),
 * `public` ledger.head, `scheduler` ledger.anchor (timer only).
 */
import * as decl from '../../../core/contract/ledger';
import { anchorLedgerHead } from '../../ledger/anchor';
import { allAnchors, ANCHOR_EXPORT_FORMAT, latestAnchor } from '../../ledger/anchor-store';
import { storedLedgerHead } from '../../ledger/commit';
import { verifyLedger } from '../../ledger/verify';
import { CURRENT_HASH_ALGORITHM } from '../../platform/crypto';
import { handle } from '../../router/types';

export const ledgerStaffActions = {
  'ledger.verify': handle(decl.ledgerVerify, async (input, call) =>
    verifyLedger(call.db, input.anchors ?? []),
  ),
  'ledger.anchors.export': handle(decl.ledgerAnchorsExport, async (_input, call) => ({
    format: ANCHOR_EXPORT_FORMAT,
    algorithm: CURRENT_HASH_ALGORITHM,
    exportedAt: call.now.toISOString(),
    anchors: (await allAnchors(call.db)).map((a) => ({
      date: a.date,
      seq: a.seq,
      hash: a.hash,
      alg: a.alg,
    })),
  })),
};

export const ledgerPublicActions = {
  'ledger.head': handle(decl.ledgerHead, async (_input, call) => {
    const anchor = await latestAnchor(call.db);
    const head = await storedLedgerHead(call.db);
    return {
      anchored: anchor ? { date: anchor.date, seq: anchor.seq, hash: anchor.hash, alg: anchor.alg } : null,
      liveSeq: head?.seq ?? 0,
    };
  }),
};

export const ledgerSchedulerActions = {
  'ledger.anchor': handle(decl.ledgerAnchor, async (_input, call) => anchorLedgerHead(call.db, call.now)),
};
