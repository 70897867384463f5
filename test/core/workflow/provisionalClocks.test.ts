import { createCalendar } from '../../../core/calendar';
import { applyClocks, lateFiling, recomputeProvisionalClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow, type ClockDef } from '../../../core/workflow/define';

/**
 * Provisional due dates in the kernel's clocks (docs/requirements.md "Calendar rules used everywhere": a deadline
 * in a year without official data is provisional; loading the year's table may move it later, never earlier), and
 * the rule that a provisional date never refuses a party's filing.
 */
const defs: Record<string, ClockDef> = {
  reply: { label: '答复', period: { workingDays: 7 } },
  statement: { label: '陈述申辩', period: (v) => ({ workingDays: v.statementPeriodDays! }) },
};
const computed = createCalendar(); // 2027 computed from the 放假办法
const official = (holidays: string[]) =>
  createCalendar({ adminTables: [{ year: 2027, holidays, makeUpWorkdays: [], source: '测试用' }] });

function started(clock: string, on: string) {
  const wf = emptyWorkflow();
  return { ...wf, ...applyClocks(computed, defs, wf, { start: [clock] }, on, { statementPeriodDays: 5 }) };
}

describe('recomputeProvisionalClocks', () => {
  it('stores the resolved period and flags the record while a due date is provisional', () => {
    const wf = started('statement', '2027-09-24');
    expect(wf.clocks.statement).toMatchObject({ period: { workingDays: 5 }, provisional: true });
    expect(wf.provisionalDue).toBe(true);
    // 9/27-9/30, 10/1-10/3 holidays, 10/4-10/5 补假 → 10/6 (5th working day).
    expect(wf.clocks.statement!.dueDate).toBe('2027-10-06');
  });

  it('moves a date later when the official table has more rest days', () => {
    const wf = started('reply', '2027-09-24'); // computed: 9/27-9/30, 10/6, 10/7, 10/8
    const table = official(['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
    const { wf: next, changes } = recomputeProvisionalClocks(table, defs, wf);
    expect(changes).toEqual([
      {
        clock: 'reply',
        told: '2027-10-08',
        recomputed: '2027-10-12',
        dueDate: '2027-10-12',
        provisional: false,
      },
    ]);
    expect(next).toMatchObject({ nextDue: '2027-10-12', provisionalDue: false });
    expect(next.clocks.reply!.keptDueDate).toBeUndefined();
  });

  it('keeps the date told when the official table would make it earlier, and later steps respect it', () => {
    const wf = started('reply', '2027-09-24');
    const table = official(['2027-10-01']); // no 补假: 9/27-9/30, 10/4, 10/5, 10/6
    const { wf: next, changes } = recomputeProvisionalClocks(table, defs, wf);
    expect(changes[0]).toMatchObject({ told: '2027-10-08', recomputed: '2027-10-06', dueDate: '2027-10-08' });
    expect(next.clocks.reply).toMatchObject({ dueDate: '2027-10-08', keptDueDate: '2027-10-08' });
    // A pause of 0 working days and a resume recompute from scratch: still not before what was told.
    const paused = applyClocks(table, defs, { ...wf, ...next }, { pause: ['reply'] }, '2027-09-27');
    const resumed = applyClocks(table, defs, { ...wf, ...paused }, { resume: ['reply'] }, '2027-09-27');
    expect(resumed.clocks.reply!.dueDate).toBe('2027-10-08');
  });

  it('uses the period stored at the start, not settings passed later', () => {
    const wf = started('statement', '2027-09-24');
    const { changes } = recomputeProvisionalClocks(official(['2027-10-01']), defs, wf, {
      statementPeriodDays: 30,
    });
    // 5 working days on the table: 9/27-9/30, 10/4 → earlier than told 10/6, so 10/6 is kept.
    expect(changes[0]).toMatchObject({ recomputed: '2027-10-04', dueDate: '2027-10-06' });
  });

  it('leaves stopped and official clocks alone', () => {
    const wf = started('reply', '2026-03-02'); // official 2026 data
    expect(wf.clocks.reply!.provisional).toBe(false);
    const stopped = {
      ...wf,
      ...applyClocks(computed, defs, started('reply', '2027-09-24'), { stop: ['reply'] }, '2027-09-25'),
    };
    expect(recomputeProvisionalClocks(official([]), defs, wf).changes).toEqual([]);
    expect(recomputeProvisionalClocks(official([]), defs, stopped).changes).toEqual([]);
    expect(stopped.provisionalDue).toBe(false);
  });

  it('records nothing while the date still reaches a year without a table and does not move', () => {
    const wf = started('reply', '2027-12-28'); // 12/29-12/31, then 2028: 1/3 补假 for 元旦 on Saturday, 1/4-1/7
    expect(wf.clocks.reply).toMatchObject({ dueDate: '2028-01-07', provisional: true });
    const { wf: next, changes } = recomputeProvisionalClocks(official(['2027-01-01']), defs, wf);
    expect(changes).toEqual([]);
    expect(next.provisionalDue).toBe(true);
  });

  it('records a date that moves although it stays provisional', () => {
    const wf = started('reply', '2027-12-28');
    const { changes } = recomputeProvisionalClocks(official(['2027-12-29']), defs, wf);
    expect(changes).toEqual([
      {
        clock: 'reply',
        told: '2028-01-07',
        recomputed: '2028-01-10',
        dueDate: '2028-01-10',
        provisional: true,
      },
    ]);
  });
});

describe('lateFiling: a provisional due date only warns', () => {
  it('is null in time, refusable after an official date, never refusable after a provisional one', () => {
    expect(lateFiling({ dueDate: '2027-10-08', provisional: true }, '2027-10-08')).toBeNull();
    expect(lateFiling({ dueDate: '2026-10-09', provisional: false }, '2026-10-12')).toMatchObject({
      provisional: false,
      mayRefuse: true,
    });
    const warned = lateFiling({ dueDate: '2027-10-08', provisional: true }, '2027-10-11');
    expect(warned).toMatchObject({ provisional: true, mayRefuse: false });
    expect(warned!.message).toMatch(/暂定期限.*仍予接收/);
  });
});
