/**
 * What the case pages read from the backend (docs/cases.md; REC-10, REC-16): case.list answers each case's open
 * check failures, its records not yet handed over and its next legal deadline in working days (the calendar's),
 * case.get the working days left on each running clock, and record.uploadSlot an upload path in the officer's own
 * quarantine folder (the only path the storage rules let a client write; record.register copies it from there).
 */
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from './helpers';

const t = useSeededEmulator();

it('lists the seeded inspection with its failing check, its pending hand-over and its overdue deadline', async () => {
  const list = await t.call.staff(OFFICER, 'case.list', { pageSize: 50 });
  const inspection = list.data.items.find((c: any) => c.caseNo === '万卫监〔2026〕1号');
  expect(inspection).toMatchObject({ pendingHandovers: 1 });
  expect(inspection.openFailures).toBeGreaterThan(0);
  // The late hand-over (eight days ago) is its nearest deadline: negative working days left.
  expect(inspection.nextDueWorkingDaysLeft).toBeLessThan(0);
  const penalty = list.data.items.find((c: any) => c.caseNo === '万卫罚立〔2026〕1号');
  expect(penalty.nextDueWorkingDaysLeft).toBeGreaterThan(0);
  const got = await t.call.staff(OFFICER, 'case.get', { id: penalty.id });
  const decision = got.data.clocks.find((c: any) => c.name === 'decision');
  expect(decision.workingDaysLeft).toBe(penalty.nextDueWorkingDaysLeft);
});

it('gives an officer one upload path in their own quarantine folder', async () => {
  const res = await t.call.staff(OFFICER, 'record.uploadSlot', {});
  expect(res).toMatchObject({ ok: true });
  expect(res.data.path).toMatch(/^quarantine\/demo-officer-1\/upl_[0-9a-z]+\/1$/);
  expect(Date.parse(res.data.uploadBy)).toBeGreaterThan(Date.now());
});

it('refuses the upload slot to a citizen', async () => {
  const res = await t.call.staff('citizen-openid-1', 'record.uploadSlot', {});
  expect(res.ok).toBe(false);
});
