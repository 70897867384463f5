/**
 * Publication deadlines as kernel clocks: PUB-12 (seed Art. 24) 7 working days for
 * penalties and permits, 20 for the rest; PUB-13 (seed Art. 25; 行政处罚法 Art. 48) 3 working days for taking a
 * changed decision down and publishing the reason, from the later of its effective and received dates.
 */
import { createCalendar } from '../../../core/calendar';
import { PUBLICATION_CLOCKS, publicationClockFor, withdrawalStartsOn } from '../../../core/publication/due';
import { applyClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow } from '../../../core/workflow/define';

const calendar = createCalendar();
const start = (clock: string, on: string) =>
  applyClocks(calendar, PUBLICATION_CLOCKS, emptyWorkflow(), { start: [clock] }, on);

describe('publication due dates', () => {
  it('picks 7 working days for penalties and permits, 20 for the other kinds', () => {
    expect(publicationClockFor('penalty')).toBe('publishSgs');
    expect(publicationClockFor('permit')).toBe('publishSgs');
    for (const k of ['coercion', 'inspection', 'levy'] as const)
      expect(publicationClockFor(k)).toBe('publishOther');
  });

  it('counts 7 working days from a penalty decision across the National Day holiday', () => {
    // Decided Tuesday 2026-09-29: 9-30, 10-08, 10-09, the make-up Saturday 10-10, 10-12, 10-13, 10-14.
    expect(start('publishSgs', '2026-09-29').nextDue).toBe('2026-10-14');
  });

  it('counts 20 working days for an inspection result', () => {
    // Monday 2026-11-02 + 20 working days (no holidays in November) = Monday 2026-11-30.
    expect(start('publishOther', '2026-11-02').nextDue).toBe('2026-11-30');
  });

  it('runs the withdrawal clocks from the later of effective and received dates', () => {
    expect(withdrawalStartsOn('2026-11-10', '2026-11-12')).toBe('2026-11-12');
    expect(withdrawalStartsOn('2026-11-13', '2026-11-12')).toBe('2026-11-13');
    // Received Thursday 2026-11-12: Fri 13, Mon 16, Tue 17.
    const wf = applyClocks(
      calendar,
      PUBLICATION_CLOCKS,
      emptyWorkflow(),
      { start: ['takeDown', 'withdrawalReason'] },
      withdrawalStartsOn('2026-11-10', '2026-11-12'),
    );
    expect(wf.clocks.takeDown!.dueDate).toBe('2026-11-17');
    expect(wf.clocks.withdrawalReason!.dueDate).toBe('2026-11-17');
  });
});
