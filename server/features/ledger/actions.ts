/**
 * Ledger actions (REC-11, REC-16): `staff` ledger.verify and ledger.anchors.export (auditor, 法制稽查),
 * `public` ledger.head, `scheduler` ledger.sequence (every minute) and ledger.anchor (daily), timer only.
 */
import * as decl from '../../../core/contract/ledger';
import { AppError } from '../../errors';
import { anchorLedgerHead } from '../../ledger/anchor';
import { allAnchors, ANCHOR_EXPORT_FORMAT, latestAnchor, type StoredAnchor } from '../../ledger/anchor-store';
import { chainHead, runSequencer } from '../../ledger/sequencer';
import { budgetLeft } from '../scheduler/run';
import { BadCursor, verifyLedger } from '../../ledger/verify';
import { CURRENT_HASH_ALGORITHM } from '../../platform/crypto';
import { handle } from '../../router/types';

const anchorView = (a: StoredAnchor): decl.AnchorView => ({
  date: a.date,
  chains: a.chains,
  legacy: a.legacy,
  alg: a.alg,
});

export const ledgerStaffActions = {
  'ledger.verify': handle(decl.ledgerVerify, async (input, call) => {
    try {
      return await verifyLedger(call.db, call.now, input);
    } catch (err) {
      if (err instanceof BadCursor)
        throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页标记无效，请从头开始核验' });
      throw err;
    }
  }),
  'ledger.anchors.export': handle(decl.ledgerAnchorsExport, async (_input, call) => ({
    format: ANCHOR_EXPORT_FORMAT,
    algorithm: CURRENT_HASH_ALGORITHM,
    exportedAt: call.now.toISOString(),
    anchors: (await allAnchors(call.db)).map(anchorView),
  })),
};

export const ledgerPublicActions = {
  'ledger.head': handle(decl.ledgerHead, async (_input, call) => {
    const anchor = await latestAnchor(call.db);
    return {
      anchored: anchor ? anchorView(anchor) : null,
      live: { records: await chainHead(call.db, 'records'), access: await chainHead(call.db, 'access') },
    };
  }),
};

export const ledgerSchedulerActions = {
  'ledger.sequence': handle(decl.ledgerSequence, async (_input, call) =>
    runSequencer(call.db, call.now, { budgetMs: budgetLeft(40_000) }),
  ),
  // The timer runs ledger.sequence just before (core/contract/api.ts order), so the heads anchored are current.
  'ledger.anchor': handle(decl.ledgerAnchor, async (_input, call) => anchorLedgerHead(call.db, call.now)),
};
