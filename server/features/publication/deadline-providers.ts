/**
 * The publication clocks on the dashboard (PUB-12, PUB-13, PUB-15), per section, as two rows: entries overdue or
 * due soon for publication (7 working days after the decision for penalties and permits, 20 for the rest), and
 * withdrawal steps late (take-down and public reason, 3 working days each from the later of the changing act's
 * effective and received dates). The kernel stores each entry's earliest open due date (`_wf.nextDue`, indexed
 * with the unit: deploy/database.json), so each provider reads by index only what is due by the due-soon horizon,
 * earliest first and capped (and says when the cap cut the list). Items name the document number and the step.
 * Decisions in the case register with no entry at all: decision-providers.ts.
 */
import { PUBLICATION_CLOCKS, type PublicationClock } from '../../../core/publication/due';
import { PUBLICATION_WORKFLOW } from '../../../core/publication/workflow';
import { loadCalendar } from '../../calendar';
import type { DeadlineProvider } from '../../dashboard/registry';
import { clockDeadlineProvider, MAX_CLOCK_ITEMS, openClocks } from '../../kernel/deadlines';
import type { EntryRecord } from './model';

/** Per provider and unit: the earliest due first, which are the ones to act on. */
export const MAX_DASHBOARD_ITEMS = MAX_CLOCK_ITEMS;

export function describeDue(r: EntryRecord): string {
  const open = openClocks(r._wf)[0];
  return `${r.docNo} ${open ? PUBLICATION_CLOCKS[open.name as PublicationClock].label : '公示期限'}`;
}

/** An entry is listed under the row of its earliest open clock, once. */
function provider(id: string, label: string, clocks: readonly PublicationClock[]): DeadlineProvider {
  return clockDeadlineProvider<EntryRecord>(PUBLICATION_WORKFLOW, {
    id,
    label,
    calendar: loadCalendar,
    clocks: (open) => open.slice(0, 1).filter((c) => clocks.includes(c.name as PublicationClock)),
    unitOf: (r) => r.unitId,
    sectionOf: (r) => r.sectionId ?? r.unitId,
    describe: (r) => describeDue(r),
    refOf: (r) => `publication:${r._id}`,
  });
}

export const publicationDeadlineProviders: readonly DeadlineProvider[] = [
  provider('publication.publish', '执法结果公示期限', ['publishSgs', 'publishOther']),
  provider('publication.withdrawal', '撤下变更信息、公布撤回理由期限', ['takeDown', 'withdrawalReason']),
];
