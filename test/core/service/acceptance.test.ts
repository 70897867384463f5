/**
 * The acceptance dates of electronic service (PUB-5), counted by hand on the official 2026 table (端午 2026-06-19..21 off;
 * 2026-06-18 is a Thursday), never read off the code under test.
 */
import { createCalendar } from '../../../core/calendar';
import { deadlinesFrom, rightsFor, serviceDate } from '../../../core/service';
import { SETTINGS, THRESHOLDS } from './settings';

const calendar = createCalendar();
const servedOn = '2026-06-18';

describe('deadlines of a service on 2026-06-18 (across the Dragon Boat holiday)', () => {
  it('a hearing request period ends on 2026-06-26 (5 working days: 06-22..06-26, 行政处罚法 Art. 64, 85)', () => {
    const rights = rightsFor('priorNotice', {
      settings: SETTINGS,
      penalties: [{ kind: 'revokeLicence' }],
    });
    const hearing = deadlinesFrom(rights, servedOn, calendar).find((d) => d.id === 'hearing');
    expect(hearing?.due).toEqual({ date: '2026-06-26', provisional: false });
  });

  it('a penalty decision shows payment due by 2026-07-03 (15 calendar days, Art. 67) and the surcharge from 07-04', () => {
    const rights = rightsFor('penaltyDecision', {
      settings: SETTINGS,
      penalties: [{ kind: 'fine', amountYuan: 5_000 }],
      partyKind: 'organisation',
      hearingThresholds: THRESHOLDS,
    });
    const dates = deadlinesFrom(rights, servedOn, calendar);
    expect(dates.find((d) => d.id === 'payment')?.due).toEqual({ date: '2026-07-03', provisional: false });
    expect(dates.find((d) => d.id === 'surcharge')?.from).toEqual({ date: '2026-07-04', provisional: false });
    // Review: 60 calendar days from 06-19 end on 08-17 (a Monday); litigation: 6 months, 2026-12-18 (a Friday).
    expect(dates.find((d) => d.id === 'review')?.due?.date).toBe('2026-08-17');
    expect(dates.find((d) => d.id === 'litigation')?.due?.date).toBe('2026-12-18');
  });

  it('the service date itself comes from the first opening on that day (Shanghai time)', () => {
    const served = serviceDate('firstOpenOrAcknowledge', {
      arrivedAt: new Date('2026-06-17T12:00:00Z'),
      firstOpenedAt: new Date('2026-06-17T16:30:00Z'), // 2026-06-18 00:30 in Shanghai
    });
    expect(served?.date).toBe(servedOn);
  });
});
