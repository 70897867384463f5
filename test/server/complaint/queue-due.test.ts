/**
 * The deadline a queue row shows (PUB-3; REC-14's staff queue): the nearest running clock, labelled as the law
 * makes it - a report's 立案 decision, a petition's legal finishing date (信访工作条例 Art. 35), and a regular
 * complaint's handling period as an internal target (内部目标), since no law sets it.
 */
import { createCalendar } from '../../../core/calendar';
import { dueOf } from '../../../server/features/complaint/queue';
import type { ComplaintRecord } from '../../../server/features/complaint/model';

const calendar = createCalendar();
const TODAY = '2026-12-01';

const record = (over: Partial<ComplaintRecord>): ComplaintRecord =>
  ({
    status: 'accepted',
    feedbackState: 'notOwed',
    caseDecisionState: 'notOwed',
    acceptanceDueDate: '2026-11-20',
    handlingDueDate: null,
    feedbackDueDate: null,
    caseDecisionDueDate: null,
    petitionDueDate: null,
    ...over,
  }) as unknown as ComplaintRecord;

it('labels a regular handling period as an internal target', () => {
  expect(dueOf(record({ handlingDueDate: '2027-01-26' }), calendar, TODAY)).toMatchObject({
    clock: 'handling',
    label: '办结期限（内部目标）',
    date: '2027-01-26',
    overdue: false,
  });
});

it('shows a petition by its legal finishing date when that comes first', () => {
  const r = record({ handlingDueDate: '2027-01-30', petitionDueDate: '2027-01-27' });
  expect(dueOf(r, calendar, TODAY)).toMatchObject({ clock: 'petitionHandling', label: '信访办结期限' });
});

it("shows a report's 立案 decision while it runs, overdue once past", () => {
  const r = record({
    caseDecisionState: 'due',
    caseDecisionDueDate: '2026-11-27',
    handlingDueDate: '2027-01-26',
  });
  const due = dueOf(r, calendar, TODAY)!;
  expect(due).toMatchObject({
    clock: 'caseDecision',
    label: '立案决定期限',
    date: '2026-11-27',
    overdue: true,
  });
  expect(due.workingDaysLeft).toBeLessThan(0);
});

it('ignores a decided 立案 clock and one of a status it does not run in', () => {
  const decided = record({ caseDecisionState: 'decided', caseDecisionDueDate: '2026-11-27' });
  expect(dueOf(decided, calendar, TODAY)).toBeNull();
  const closed = record({ status: 'closed', handlingDueDate: '2027-01-26' });
  expect(dueOf(closed, calendar, TODAY)).toBeNull();
});
