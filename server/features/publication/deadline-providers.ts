/**
 * The publication clocks on the dashboard (PUB-12, PUB-13, PUB-15), per section, as two rows: entries overdue or
 * due soon for publication (7 working days after the decision for penalties and permits, 20 for the rest), and
 * withdrawal steps late (take-down and public reason, 3 working days each from the later of the changing act's
 * effective and received dates). The kernel stores each entry's earliest open due date (`_wf.nextDue`, indexed
 * with the unit: deploy/database.json), so each provider reads by index only what is due by the due-soon horizon,
 * earliest first and capped (and says when the cap cut the list). Items name the document number and the step.
 * Decisions in the case register with no entry at all: decision-providers.ts.
 */
import { endOfShanghaiDay, toShanghaiDate } from '../../../core/calendar';
import { PUBLICATION_CLOCKS, type PublicationClock } from '../../../core/publication/due';
import { loadCalendar } from '../../calendar';
import type { DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import { rowsOf } from '../../platform/docs';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

/** Per provider and unit: the earliest due first, which are the ones to act on. */
export const MAX_DASHBOARD_ITEMS = 200;

/** The open clock whose due date is the entry's earliest. */
function earliestOpen(r: EntryRecord): [PublicationClock, string] | null {
  const open = Object.entries(r._wf?.clocks ?? {})
    .filter(([, c]) => !c.stoppedOn && c.dueDate)
    .sort((a, b) => (a[1].dueDate! < b[1].dueDate! ? -1 : 1))[0];
  return open ? [open[0] as PublicationClock, open[1].dueDate!] : null;
}

export function describeDue(r: EntryRecord): string {
  const open = earliestOpen(r);
  return `${r.docNo} ${open ? PUBLICATION_CLOCKS[open[0]].label : '公示期限'}`;
}

function provider(id: string, label: string, clocks: readonly PublicationClock[]): DeadlineProvider {
  return {
    id,
    label,
    async list(db, scope, now) {
      const calendar = await loadCalendar(db);
      const today = toShanghaiDate(now);
      const horizon = calendar.dueSoonHorizon(today).date;
      const _ = db.command;
      const items: DeadlineItem[] = [];
      let truncated = false;
      for (const unitId of scope.unitIds) {
        const rows = rowsOf<EntryRecord>(
          await db
            .collection(ENTRIES_COLLECTION)
            .where({ unitId, '_wf.nextDue': _.lte(horizon) })
            .orderBy('_wf.nextDue', 'asc')
            .limit(MAX_DASHBOARD_ITEMS + 1)
            .get(),
        );
        if (rows.length > MAX_DASHBOARD_ITEMS) truncated = true;
        for (const r of rows.slice(0, MAX_DASHBOARD_ITEMS)) {
          const open = earliestOpen(r);
          if (!open || !clocks.includes(open[0])) continue;
          const status = calendar.dueStatus(open[1], today).value;
          if (status === 'ok') continue;
          items.push({
            unitId: r.unitId,
            section: r.sectionId ?? r.unitId,
            person: null,
            item: describeDue(r),
            dueAt: endOfShanghaiDay(open[1]),
            status,
            ref: `publication:${r._id}`,
          });
        }
      }
      return { items, truncated };
    },
  };
}

export const publicationDeadlineProviders: readonly DeadlineProvider[] = [
  provider('publication.publish', '执法结果公示期限', ['publishSgs', 'publishOther']),
  provider('publication.withdrawal', '撤下变更信息、公布撤回理由期限', ['takeDown', 'withdrawalReason']),
];
