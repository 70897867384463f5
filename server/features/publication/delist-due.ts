/**
 * The display period (公示期限; display periods are per channel, the legal section's setting
 * per kind and tier, carried by a penalty as its 公示截止期 CF_GSJZQ): the scheduler's every-minute fan-out runs
 * `publication.delistDue`, which reads by index the listed public documents whose display end has passed (earliest
 * first, in batches while the run has time) and takes each off the public list and `publication.get` (`listed: false`), each in its
 * own ledgered transaction. The staff record is untouched: staff still see the entry (`publication.staffGet`
 * answers `delistedOn`). Idempotent: a delisted document is no longer read; a concurrent change (a withdrawal in
 * the same minute) makes its commit CONFLICT, and it is read again next minute.
 */
import * as decl from '../../../core/contract/publication';
import { AppError } from '../../errors';
import { commitPatch } from '../../ledger/patch';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { drainDue } from '../scheduler/drain';
import { feedKeyOf, SYSTEM_ACTOR, todayOf } from './access';
import { PUBLIC_COLLECTION, type PublicDoc } from './model';

const BATCH = 50;
const CONCURRENCY = 8;
/** Called outside a timer run: one function call's worth. */
const FALLBACK_MS = 15_000;

const publicationDelistDue = handle(decl.publicationDelistDue, async (_input, call) => {
  const _ = call.db.command;
  const today = todayOf(call.now);
  // The display end is the last day shown: it leaves the list the day after. Batch after batch while the
  // scheduler run has time (server/features/scheduler/drain.ts); the next run goes on from there.
  const report = await drainDue<PublicDoc>({
    batch: BATCH,
    concurrency: CONCURRENCY,
    fallbackMs: FALLBACK_MS,
    read: async (skip, limit) =>
      rowsOf<PublicDoc>(
        await call.db
          .collection(PUBLIC_COLLECTION)
          .where({ listed: true, displayUntil: _.lt(today) })
          .orderBy('displayUntil', 'asc')
          .skip(skip)
          .limit(limit)
          .get(),
      ),
    work: async (doc) => {
      try {
        // A new feedKey: the portal feed hands the end of the display on as a tombstone (`expired`).
        await commitPatch(
          call.db,
          { actor: SYSTEM_ACTOR.ref, action: 'publication.delist', at: call.now },
          PUBLIC_COLLECTION,
          doc,
          {
            listed: false,
            delistedOn: today,
            feedKey: feedKeyOf(doc._id, call.now),
          },
        );
        return 'done';
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
        return 'left';
      }
    },
  });
  return { delisted: report.done, more: report.more };
});

export const publicationDelistActions = { 'publication.delistDue': publicationDelistDue };
