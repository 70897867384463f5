/**
 * The publication clocks on the dashboard (PUB-12, PUB-13, PUB-15), per section: entries overdue or due soon
 * for publication (7 working days after the decision for penalties and permits, 20 for the rest) and withdrawal
 * steps late (take-down and public reason, 3 working days each). The kernel stores each entry's earliest open due
 * date (`_wf.nextDue`, indexed with the unit: deploy/database.json), so the provider reads by index only what is
 * due by the due-soon horizon (server/kernel/deadlines.ts). Items name the document number and the step only.
 * Decisions in the case register with no entry at all come with the case register (not here yet).
 */
import { PUBLICATION_CLOCKS } from '../../../core/publication/due';
import { PUBLICATION_WORKFLOW } from '../../../core/publication/workflow';
import { loadCalendar } from '../../calendar';
import type { DeadlineProvider } from '../../dashboard/registry';
import { clockDeadlineProvider } from '../../kernel/deadlines';
import type { EntryRecord } from './model';

/** The step the earliest open clock waits for. */
export function describeDue(r: EntryRecord): string {
  const open = Object.entries(r._wf.clocks)
    .filter(([, c]) => !c.stoppedOn && c.dueDate)
    .sort((a, b) => (a[1].dueDate! < b[1].dueDate! ? -1 : 1))[0];
  const label = open ? PUBLICATION_CLOCKS[open[0] as keyof typeof PUBLICATION_CLOCKS]?.label : undefined;
  return `${r.docNo} ${label ?? '公示期限'}`;
}

export const publicationDeadlineProviders: readonly DeadlineProvider[] = [
  clockDeadlineProvider<EntryRecord>(PUBLICATION_WORKFLOW as never, {
    label: '执法结果公示与撤回期限',
    calendar: loadCalendar,
    unitOf: (r) => r.unitId,
    sectionOf: (r) => r.sectionId ?? r.unitId,
    describe: describeDue,
  }),
];
