/**
 * The credit platform's listing of a penalty (信用重庆; NDRC Order No. 58, 2023): it
 * ends after the longest period for the penalty's tier, counted from the decision date (fixed at publication with
 * the settings version: ./display.ts), or earlier after credit repair (信用修复), a staff step with its reason,
 * allowed only once the minimum period has passed. Only the credit channel's state changes (`ended`,
 * `repaired`); the record, the other channels and the public list are untouched (their own end:
 * ./delist-due.ts). The credit export reads the channel state.
 *
 * `publication.creditEndDue` runs in every scheduler run, batch after batch while the run has time; each entry is
 * its own revision-checked, ledgered change, so an overlapping run or a concurrent step ends it once.
 */
import * as decl from '../../../core/contract/publication';
import { AppError } from '../../errors';
import { commitPatch } from '../../ledger/patch';
import { staffActorRef } from '../../org/principal';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { drainDue } from '../scheduler/drain';
import { loadForStaff, SYSTEM_ACTOR, todayOf } from './access';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

const BATCH = 50;
const CONCURRENCY = 8;
const FALLBACK_MS = 15_000;

const publicationCreditEndDue = handle(decl.publicationCreditEndDue, async (_input, call) => {
  const _ = call.db.command;
  const today = todayOf(call.now);
  // The last day shown is `creditUntil`: the listing ends the day after.
  const report = await drainDue<EntryRecord>({
    batch: BATCH,
    concurrency: CONCURRENCY,
    fallbackMs: FALLBACK_MS,
    read: async (skip, limit) =>
      rowsOf<EntryRecord>(
        await call.db
          .collection(ENTRIES_COLLECTION)
          .where({ creditUntil: _.lt(today) })
          .orderBy('creditUntil', 'asc')
          .skip(skip)
          .limit(limit)
          .get(),
      ),
    work: async (r) => {
      try {
        await commitPatch(
          call.db,
          { actor: SYSTEM_ACTOR.ref, action: 'publication.creditEnd', at: call.now },
          ENTRIES_COLLECTION,
          r,
          {
            creditUntil: null,
            channels: { ...r.channels, creditExport: 'ended' },
            updatedAt: call.now,
          },
        );
        return 'done';
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
        return 'left';
      }
    },
  });
  return { ended: report.done, more: report.more };
});

const publicationCreditRepair = handle(decl.publicationCreditRepair, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const credit = r.display?.credit;
  if (r.status !== 'published' || !credit || !r.creditUntil) {
    throw new AppError('PRECONDITION_FAILED', '该条目不在信用平台公示中，无需信用修复移出');
  }
  const today = todayOf(call.now);
  // The minimum has passed after `minUntil` (NDRC Order No. 58: early removal only after the shortest period).
  if (today <= credit.minUntil) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `最短公示期限至 ${credit.minUntil} 届满，届满后方可因信用修复提前移出`,
    );
  }
  await commitPatch(
    call.db,
    { actor: staffActorRef(call.staff!.staffId), action: 'publication.creditRepair', at: call.now },
    ENTRIES_COLLECTION,
    r,
    {
      creditUntil: null,
      channels: { ...r.channels, creditExport: 'repaired' },
      creditRepair: { on: today, by: staffActorRef(call.staff!.staffId), reason: input.reason },
      updatedAt: call.now,
    },
  );
  return { id: r._id, removedOn: today };
});

export const publicationCreditSchedulerActions = { 'publication.creditEndDue': publicationCreditEndDue };
export const publicationCreditStaffActions = { 'publication.creditRepair': publicationCreditRepair };
