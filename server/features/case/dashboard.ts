/**
 * The case clocks on the dashboard (REC-10; docs/cases.md): each record's hand-over (2 working days after
 * the on-site work, 细则第二十一条) listed per officer who must hand it over and per section, and the case's legal
 * time limits (the penalty decision, the coercive measure's decision). Cases store their earliest open due date
 * (`_wf.nextDue`, indexed with the unit), so only cases with something due by the due-soon horizon are read,
 * earliest first and capped (a cut list says so). Items name the case number and the record's title, never the
 * party.
 */
import { CASE_WORKFLOW } from '../../../core/case/workflow';
import { loadCalendar } from '../../calendar';
import type { DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import { clockDeadlineProvider, MAX_CLOCK_ITEMS as CAP } from '../../kernel/deadlines';
import { rowsOf } from '../../platform/docs';
import { CASES_COLLECTION, type CaseDoc } from './model';

const HANDOVER = 'handover:';

/** The record a hand-over clock (`handover:<recordId>`) waits for, as the case keeps it. */
function pendingOf(c: CaseDoc, clock: string) {
  if (!clock.startsWith(HANDOVER)) return null;
  const recordId = clock.slice(HANDOVER.length);
  return c.pendingHandovers.find((p) => p.recordId === recordId) ?? null;
}

function provider(id: string, label: string, pick: (clock: string) => boolean): DeadlineProvider {
  return clockDeadlineProvider<CaseDoc>(CASE_WORKFLOW, {
    id,
    label,
    calendar: loadCalendar,
    clocks: (open) => open.filter((c) => pick(c.name)),
    unitOf: (c) => c.unitId,
    sectionOf: (c) => c.sectionId,
    personOf: (c, clock) => pendingOf(c, clock.name)?.by ?? null,
    describe: (c, clock) => {
      const pending = pendingOf(c, clock.name);
      return pending
        ? `${c.caseNo} ${pending.title} 待移交档案专人`
        : `${c.caseNo} ${CASE_WORKFLOW.clocks![clock.name.split(':')[0]!]?.label ?? clock.name}`;
    },
    refOf: (c, clock) =>
      clock.name.startsWith(HANDOVER) ? `record:${clock.name.slice(HANDOVER.length)}` : `case:${c._id}`,
  });
}

/**
 * Cases whose automatic checks find failures (REC-4, 6, 7, 8, 16): the count is stored with every step
 * (`openFailures`), and while it is above 0 so is the key of the case's last change (`failureKey`, indexed with
 * the unit), so the provider reads only such cases, most recently changed first: the cases being worked on lead,
 * and years of closed cases that kept a failure fall to the end of the capped list instead of pushing them out.
 * A failure has no due date: it is listed as overdue from the case's last change, under the case's first officer.
 */
const findingsProvider: DeadlineProvider = {
  id: 'case.findings',
  label: '执法记录检查未通过的案件',
  async list(db, scope) {
    const _ = db.command;
    const items: DeadlineItem[] = [];
    let truncated = false;
    for (const unitId of scope.unitIds) {
      const rows = rowsOf<CaseDoc>(
        await db
          .collection(CASES_COLLECTION)
          .where({ unitId, failureKey: _.gt('') })
          .orderBy('failureKey', 'desc')
          .limit(CAP + 1)
          .get(),
      );
      if (rows.length > CAP) truncated = true;
      for (const c of rows.slice(0, CAP))
        items.push({
          unitId: c.unitId,
          section: c.sectionId,
          person: c.officerStaffIds[0] ?? null,
          item: `${c.caseNo} 有 ${c.openFailures} 项检查未通过`,
          dueAt: new Date(c.updatedAt),
          status: 'overdue',
          ref: `case:${c._id}`,
        });
    }
    return { items, truncated };
  },
};

export const caseDeadlineProviders: readonly DeadlineProvider[] = [
  provider('case.handover', '执法记录移交（2个工作日）', (name) => name.startsWith('handover:')),
  provider('case.limits', '案件办理期限', (name) => !name.startsWith('handover:')),
  findingsProvider,
];
