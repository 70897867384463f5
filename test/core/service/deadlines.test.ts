/**
 * Dates of service, rights and hearings (PUB-5, REC-7) on the working-day calendar. 2026 dates are counted by hand on the official
 * table (端午 06-19..21 off; 06-18 a Thursday); 2027 has no official table yet, so its dates are provisional.
 */
import { createCalendar } from '../../../core/calendar';
import {
  canSchedule,
  daysLeft,
  deadlinesFrom,
  hearingNoticeLatest,
  isLate,
  laterOf,
  needsReschedule,
  paperServiceBy,
  rightsFor,
} from '../../../core/service';
import { SETTINGS } from './settings';

const calendar = createCalendar();

describe('deadlinesFrom', () => {
  it('recusal runs until the decision; a right with no period has no date', () => {
    const rights = rightsFor('penaltyDecision', {
      settings: SETTINGS,
      penalties: [{ kind: 'fine', amountYuan: 1 }],
    });
    const dates = deadlinesFrom(rights, '2026-06-18', calendar);
    expect(dates.map((d) => d.id)).toEqual(['review', 'litigation', 'payment', 'surcharge']);
    const notice = deadlinesFrom(rightsFor('priorNotice', { settings: SETTINGS }), '2026-06-18', calendar);
    expect(notice).toEqual([
      { id: 'statement', due: { date: '2026-06-26', provisional: false } },
      { id: 'recusal', untilDecision: true },
    ]);
  });

  it('a date in a year without an official table is provisional (PUB-5)', () => {
    const rights = rightsFor('priorNotice', { settings: SETTINGS, penalties: [{ kind: 'close' }] });
    // 2027-02-04 Thu; provisional 春节 02-05..02-08, its Saturday and Sunday (初一, 初二) made up on 02-09 and 02-10
    // (补假): 02-11, 12, 15, 16, 17.
    const hearing = deadlinesFrom(rights, '2027-02-04', calendar).find((d) => d.id === 'hearing');
    expect(hearing?.due).toEqual({ date: '2027-02-17', provisional: true });
  });

  it('a told deadline never moves earlier when the official table arrives; it may move later', () => {
    const rights = rightsFor('priorNotice', { settings: SETTINGS, penalties: [{ kind: 'close' }] });
    const told = deadlinesFrom(rights, '2027-02-04', calendar).find((d) => d.id === 'hearing')?.due;
    const hearingWith = (holidays: string[]) =>
      deadlinesFrom(
        rights,
        '2027-02-04',
        createCalendar({ adminTables: [{ year: 2027, holidays, makeUpWorkdays: [], source: '测试' }] }),
      ).find((d) => d.id === 'hearing')!.due!;
    // Shorter official holiday (only 02-05 off): 02-08..02-12, earlier, so the told 02-17 is kept.
    expect(laterOf(told, hearingWith(['2027-02-05']))).toEqual({
      date: '2027-02-17',
      provisional: false,
      kept: true,
    });
    // Longer official holiday (02-05..02-11 off): 02-12, 15, 16, 17, 18, later, so the new date wins.
    const longer = ['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d}`);
    expect(laterOf(told, hearingWith(longer))).toEqual({
      date: '2027-02-18',
      provisional: false,
      kept: false,
    });
    expect(laterOf(undefined, { date: '2027-02-18', provisional: false }).kept).toBe(false);
  });

  it('daysLeft counts calendar days to the due date, negative after it', () => {
    expect(daysLeft('2026-07-03', '2026-06-18')).toBe(15);
    expect(daysLeft('2026-07-03', '2026-07-03')).toBe(0);
    expect(daysLeft('2026-07-03', '2026-07-05')).toBe(-2);
  });
});

describe('paperServiceBy (行政处罚法 Art. 61: 7 working days)', () => {
  it('issued 2026-06-18, 2 working days to open: flagged on 06-24, paper service out by 06-30', () => {
    expect(paperServiceBy('2026-06-18', 2, calendar)).toEqual({
      openBy: { date: '2026-06-23', provisional: false },
      flagOn: { date: '2026-06-24', provisional: false },
      paperBy: { date: '2026-06-30', provisional: false },
      fits: true,
    });
  });

  it('counts the 7 working days from the decision when it is known', () => {
    // Decided 06-16 (Tue): 17, 18, 22, 23, 24, 25, 26.
    expect(paperServiceBy('2026-06-18', 2, calendar, '2026-06-16').paperBy.date).toBe('2026-06-26');
  });

  it('says when the opening window leaves no time for paper service', () => {
    expect(paperServiceBy('2026-06-18', 6, calendar).fits).toBe(true);
    expect(paperServiceBy('2026-06-18', 7, calendar).fits).toBe(false);
  });
});

describe('hearing notice at least 7 working days before the hearing (Art. 64(二))', () => {
  it('counts backwards from the hearing across the holiday', () => {
    // Hearing Mon 06-29: 26, 25, 24, 23, 22, (19-21 off), 18, 17 → served by 06-16.
    expect(hearingNoticeLatest('2026-06-29', calendar)).toEqual({ date: '2026-06-16', provisional: false });
    // Hearing Mon 07-06: 03, 02, 01, 06-30, 29, 26, 25 → served by 06-24.
    expect(hearingNoticeLatest('2026-07-06', calendar).date).toBe('2026-06-24');
  });

  it('refuses to schedule a hearing that leaves less than that from the scheduling day', () => {
    expect(canSchedule('2026-06-24', '2026-07-06', calendar).ok).toBe(true);
    expect(canSchedule('2026-06-25', '2026-07-06', calendar)).toEqual({
      ok: false,
      latestServiceDay: { date: '2026-06-24', provisional: false },
    });
  });

  it('flags the hearing for rescheduling when the notice was served (opened) too late', () => {
    expect(needsReschedule('2026-06-24', '2026-07-06', calendar).reschedule).toBe(false);
    expect(needsReschedule(new Date('2026-06-24T16:30:00Z'), '2026-07-06', calendar).reschedule).toBe(true);
  });
});

describe('isLate (Art. 43, 62, 64)', () => {
  const lastMinute = new Date('2026-06-26T15:59:00Z'); // 23:59 on 06-26 in Shanghai
  const nextMorning = new Date('2026-06-27T00:30:00Z');

  it('a hearing request is on time through its whole last day, refused after it with the closing date', () => {
    expect(isLate('hearingRequest', lastMinute, '2026-06-26')).toEqual({ outcome: 'onTime' });
    expect(isLate('hearingRequest', nextMorning, '2026-06-26')).toEqual({
      outcome: 'refused',
      closedOn: '2026-06-26',
    });
  });

  it('a late statement is accepted and marked late, never refused', () => {
    expect(isLate('statement', nextMorning, '2026-06-26')).toEqual({ outcome: 'acceptedLate' });
  });

  it('recusal is accepted any time before the decision, not after it', () => {
    const decidedAt = new Date('2026-08-01T02:00:00Z');
    expect(isLate('recusal', new Date('2026-07-31T02:00:00Z'), undefined, decidedAt)).toEqual({
      outcome: 'onTime',
    });
    expect(isLate('recusal', new Date('2026-08-01T03:00:00Z'), undefined, decidedAt)).toEqual({
      outcome: 'afterDecision',
    });
    expect(isLate('statement', new Date('2026-08-02T03:00:00Z'), '2026-06-26', decidedAt)).toEqual({
      outcome: 'afterDecision',
    });
  });
});
