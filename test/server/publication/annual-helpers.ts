/**
 * What the annual-figures tests share (PUB-14; seed publicity Art. 26): the 2026 figures, the administrator's 2027
 * holiday table (1 January a holiday, 2-3 January a weekend, so the scheduler drafts on 4 January), the emulator
 * clock, and the staff actions on the figures' record.
 */
import { randomUUID } from 'node:crypto';
import { allDocs, type useSeededEmulator } from '../complaint/helpers';

type Ctx = ReturnType<typeof useSeededEmulator>;

export const YEAR = 2026;
export const TABLE_2027 = {
  year: 2027,
  holidays: ['2027-01-01'],
  makeUpWorkdays: [],
  source: '国务院办公厅通知（测试用）',
};

export function annualActions(ctx: Ctx) {
  return {
    at: (iso: string) => ctx.emu.post('/_emulator/clock', { now: iso }),
    loadTable2027: () => ctx.call.staff('demo-admin-1', 'calendar.loadYear', TABLE_2027),
    step: (openid: string, payload: Record<string, unknown>, requestId?: ReturnType<typeof randomUUID>) =>
      ctx.call.staff(openid, 'annual.step', { year: YEAR, ...payload }, requestId),
    redraft: (payload: Record<string, unknown>, requestId = randomUUID(), who = 'demo-statistician') =>
      ctx.call.staff(who, 'annual.redraft', { year: YEAR, ...payload }, requestId),
    record: async () => (await allDocs('annualReports')).find((r) => r._id === `annual_${YEAR}`),
  };
}
