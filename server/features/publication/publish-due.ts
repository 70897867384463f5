/**
 * Publishing at the set time (PUB-11): the scheduler's every-minute run calls
 * `publication.publishDue`, which reads by index the approved entries whose `publishAt` has come (earliest first,
 * in batches) and publishes each through the kernel as the system, a few at a time, for as long as the run's
 * budget lasts (server/features/scheduler/drain.ts); what it does not reach the next run publishes. An entry
 * approved for "now" whose immediate publication failed is picked up here too. Exactly once: a published entry is
 * no longer `approved`, and publishing is a revision-checked change, so two runs that overlap anyway (a lapsed
 * lease) publish it once: the second one's commit is refused.
 */
import * as decl from '../../../core/contract/publication';
import type { Calendar } from '../../../core/calendar/calendar';
import { loadCalendar } from '../../calendar';
import { settingsForAct, type ActSettings } from '../../settings';
import { AppError } from '../../errors';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { drainDue } from '../scheduler/drain';
import { publishEntry } from './access';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

const BATCH = 50;
const CONCURRENCY = 8;
/** Called outside a timer run: one function call's worth. */
const FALLBACK_MS = 15_000;

const publicationPublishDue = handle(decl.publicationPublishDue, async (_input, call) => {
  const _ = call.db.command;
  let calendar: Calendar | undefined;
  // Read once per call: the settings in force now fix each entry's display periods (./display.ts).
  let settings: ActSettings | undefined;
  const report = await drainDue<EntryRecord>({
    batch: BATCH,
    concurrency: CONCURRENCY,
    fallbackMs: FALLBACK_MS,
    read: async (skip, limit) => {
      const rows = rowsOf<EntryRecord>(
        await call.db
          .collection(ENTRIES_COLLECTION)
          .where({ status: 'approved', publishAt: _.lte(call.now.toISOString()) })
          .orderBy('publishAt', 'asc')
          .skip(skip)
          .limit(limit)
          .get(),
      );
      if (rows.length && !calendar) calendar = await loadCalendar(call.db);
      if (rows.length && !settings) settings = await settingsForAct(call.db, call.now);
      return rows;
    },
    work: async (record) => {
      try {
        await publishEntry(call.db, record, call.now, calendar, settings);
        return 'done';
      } catch (err) {
        // A withheld entry (PUB-8) or a concurrent change: it stays approved and is read again by the next run.
        if (!(err instanceof AppError)) throw err;
        return 'left';
      }
    },
  });
  return { published: report.done, refused: report.left, more: report.more };
});

export const publicationSchedulerActions = { 'publication.publishDue': publicationPublishDue };
