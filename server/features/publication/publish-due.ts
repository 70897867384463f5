/**
 * Publishing at the set time (PUB-11): the scheduler's every-minute fan-out runs `publication.publishDue`, which
 * reads by index the approved entries whose `publishAt` has come (earliest first, a bounded batch) and publishes
 * each through the kernel as the system. An entry approved for "now" whose immediate publication failed is
 * picked up here too. Idempotent: a published entry is no longer `approved`.
 */
import * as decl from '../../../core/contract/publication';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { publishEntry } from './access';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

const BATCH = 50;

const publicationPublishDue = handle(decl.publicationPublishDue, async (_input, call) => {
  const _ = call.db.command;
  const rows = rowsOf<EntryRecord>(
    await call.db
      .collection(ENTRIES_COLLECTION)
      .where({ status: 'approved', publishAt: _.lte(call.now.toISOString()) })
      .orderBy('publishAt', 'asc')
      .limit(BATCH + 1)
      .get(),
  );
  const calendar = rows.length ? await loadCalendar(call.db) : undefined;
  let published = 0;
  let refused = 0;
  for (const r of rows.slice(0, BATCH)) {
    try {
      await publishEntry(call.db, r, call.now, calendar);
      published++;
    } catch (err) {
      // A withheld entry (PUB-8) or a concurrent change: it stays approved and is listed again next minute.
      if (!(err instanceof AppError)) throw err;
      refused++;
    }
  }
  return { published, refused, more: rows.length > BATCH };
});

export const publicationSchedulerActions = { 'publication.publishDue': publicationPublishDue };
