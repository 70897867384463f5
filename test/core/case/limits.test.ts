/**
 * The legal time limits of a case as kernel clocks: 行政处罚法第五十六条、第六十条、第八十五条,
 * 行政强制法第二十五条, 全过程记录制度第二十一条 (REC-10). Run through the kernel's own clock arithmetic
 * (core/workflow/clocks.ts) on the 2026 working-day calendar.
 */
import { createCalendar } from '../../../core/calendar';
import {
  CASE_CLOCKS,
  STAGE_CLOCK_EFFECTS,
  excludedPeriodEffects,
  extensionEffects,
  handoverClock,
} from '../../../core/case/limits';
import { applyClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow, type ClockEffects, type WorkflowFields } from '../../../core/workflow/define';

const calendar = createCalendar();
function step(fields: WorkflowFields, effects: ClockEffects, on: string): WorkflowFields {
  return { ...fields, ...applyClocks(calendar, CASE_CLOCKS, fields, effects, on) };
}
const started = (name: string, on: string) => step(emptyWorkflow(), { start: [name] }, on);

describe('the clocks the law sets', () => {
  it('declares the four agreed clocks', () => {
    expect(Object.keys(CASE_CLOCKS).sort()).toEqual(['coercion', 'decision', 'evidenceHold', 'handover']);
  });
  it('gives a penalty case 90 calendar days from opening (行政处罚法第六十条)', () => {
    // 2026-03-02 + 90 days = 2026-05-31, a Sunday: the last day moves to Monday 1 June.
    expect(started('decision', '2026-03-02').clocks.decision!.dueDate).toBe('2026-06-01');
  });
  it('gives preserved evidence 7 working days, skipping the National Day holiday (第五十六条、第八十五条)', () => {
    // Opened Tue 29 Sep 2026; 30 Sep is a working day, 1–7 Oct are holidays, 10 Oct is a make-up working day.
    const due = started('evidenceHold', '2026-09-29').clocks.evidenceHold!.dueDate!;
    expect(due > '2026-10-07').toBe(true);
    expect(calendar.countWorkingDays('2026-09-29', due).value).toBe(7);
  });
  it('runs one hand-over clock per record (全过程记录制度第二十一条)', () => {
    const f = step(emptyWorkflow(), { start: [handoverClock('r1'), handoverClock('r2')] }, '2026-03-06');
    expect(f.clocks['handover:r1']!.dueDate).toBe('2026-03-10'); // Friday + 2 working days
    expect(Object.keys(f.clocks)).toEqual(['handover:r1', 'handover:r2']);
  });
});

describe('stages start and stop the clocks', () => {
  it('runs the decision clock from opening to decision and the seizure clock from measure to goods decision', () => {
    const p = STAGE_CLOCK_EFFECTS.penalty!;
    let f = step(emptyWorkflow(), p.opened!, '2026-03-02');
    expect(f.nextDue).toBe('2026-06-01');
    f = step(f, p.decision!, '2026-04-01');
    expect(f.clocks.decision!.stoppedOn).toBe('2026-04-01');
    expect(f.nextDue).toBeNull();
    const c = STAGE_CLOCK_EFFECTS.coercion!;
    expect(step(emptyWorkflow(), c.measure!, '2026-03-02').clocks.coercion!.dueDate).toBe(
      calendar.addCalendarDays('2026-03-02', 30).date,
    );
  });
});

describe('excluded periods pause the clocks the law names', () => {
  it('pauses the decision clock for a hearing but not the evidence clock, and moves the due date on resuming', () => {
    let f = step(started('decision', '2026-03-02'), { start: ['evidenceHold'] }, '2026-03-02');
    const before = f.clocks.decision!.dueDate!;
    f = step(f, excludedPeriodEffects('begin', 'hearing', ['hearing'], f.clocks), '2026-03-09');
    expect(f.clocks.decision!.pausedOn).toBe('2026-03-09');
    expect(f.clocks.evidenceHold!.pausedOn).toBeNull();
    f = step(f, excludedPeriodEffects('end', 'hearing', [], f.clocks), '2026-03-16');
    // The 90-day limit is in calendar days, so the hearing's 7 calendar days are left out (not its 5 working days).
    expect(f.clocks.decision!.pausedDays).toBe(7);
    expect(f.clocks.decision!.dueDate! > before).toBe(true);
  });
  it('does not pause sealing/seizure for a hearing, only for testing or appraisal (行政强制法第二十五条第三款)', () => {
    const f = started('coercion', '2026-03-02');
    expect(excludedPeriodEffects('begin', 'hearing', ['hearing'], f.clocks)).toEqual({ pause: [] });
    expect(excludedPeriodEffects('begin', 'testing', ['testing'], f.clocks)).toEqual({ pause: ['coercion'] });
  });
  it('keeps a clock paused while another excluded period is still open', () => {
    let f = started('decision', '2026-03-02');
    f = step(f, excludedPeriodEffects('begin', 'testing', ['testing'], f.clocks), '2026-03-03');
    expect(excludedPeriodEffects('begin', 'hearing', ['testing', 'hearing'], f.clocks)).toEqual({
      pause: [],
    });
    expect(excludedPeriodEffects('end', 'hearing', ['testing'], f.clocks)).toEqual({ resume: [] });
    expect(excludedPeriodEffects('end', 'testing', [], f.clocks)).toEqual({ resume: ['decision'] });
  });
});

describe('extensions only by an approval step within the law', () => {
  it('extends sealing/seizure once by at most 30 days (行政强制法第二十五条)', () => {
    const f = started('coercion', '2026-03-02');
    expect(extensionEffects('coercion', f.clocks.coercion, 31, '2026-03-20')).toEqual({
      ok: false,
      message: expect.stringContaining('不得超过30日'),
    });
    const once = extensionEffects('coercion', f.clocks.coercion, 30, '2026-03-20');
    expect(once).toEqual({ ok: true, effects: { extend: { coercion: 30 } } });
    const g = step(f, once.ok ? once.effects : {}, '2026-03-20');
    expect(g.clocks.coercion!.dueDate).toBe(calendar.addCalendarDays('2026-03-02', 60).date);
    expect(extensionEffects('coercion', g.clocks.coercion, 5, '2026-03-25')).toEqual({
      ok: false,
      message: expect.stringContaining('只能延长一次'),
    });
  });
  it('never extends the 7 working days for preserved evidence', () => {
    const f = started('evidenceHold', '2026-03-02');
    expect(extensionEffects('evidenceHold', f.clocks.evidenceHold, 3, '2026-03-03').ok).toBe(false);
  });
  it('allows a late hand-over only when approved before the due date (全过程记录制度第二十一条)', () => {
    const f = step(emptyWorkflow(), { start: [handoverClock('r1')] }, '2026-03-06');
    const clock = f.clocks['handover:r1'];
    expect(extensionEffects('handover:r1', clock, 3, '2026-03-10')).toEqual({
      ok: true,
      effects: { extend: { 'handover:r1': 3 } },
    });
    expect(extensionEffects('handover:r1', clock, 3, '2026-03-11')).toEqual({
      ok: false,
      message: expect.stringContaining('届满前'),
    });
  });
  it('refuses to extend a clock that has not started, has stopped, or by a non-positive number of days', () => {
    expect(extensionEffects('decision', undefined, 30, '2026-03-03').ok).toBe(false);
    const stopped = step(started('decision', '2026-03-02'), { stop: ['decision'] }, '2026-04-01');
    expect(extensionEffects('decision', stopped.clocks.decision, 30, '2026-04-02').ok).toBe(false);
    expect(
      extensionEffects('decision', started('decision', '2026-03-02').clocks.decision, 0, '2026-03-03').ok,
    ).toBe(false);
  });
});
