/**
 * The demo cases (emulator/seed/cases.ts; docs/cases.md): one of each kind with records, one whose checks fail,
 * one late hand-over on the unit head's dashboard, and a ledger that verifies.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { verifyAllVia } from '../ledger/helpers';
import { HEAD } from './helpers';

const t = useSeededEmulator();

it('seeds a case of every kind with records, one failing its checks and one late hand-over', async () => {
  const list = await t.call.staff(HEAD, 'case.list', { pageSize: 50 });
  const seeded = list.data.items.filter((c: any) => /〔2026〕1号$/.test(c.caseNo));
  expect(seeded.map((c: any) => c.kind).sort()).toEqual(['coercion', 'inspection', 'penalty']);
  for (const c of seeded) {
    const got = await t.call.staff(HEAD, 'case.get', { id: c.id });
    expect(got.data.records.length).toBeGreaterThan(0);
  }
  const inspection = seeded.find((c: any) => c.kind === 'inspection');
  const check = await t.call.staff(HEAD, 'case.check', { id: inspection.id });
  expect(check.data.failures).toBeGreaterThan(0);

  const dashboard = await t.call.staff(HEAD, 'dashboard', {});
  const late = dashboard.data.sections
    .flatMap((s: any) => s.people.map((p: any) => ({ section: s.section, person: p.person, items: p.items })))
    .flatMap((p: any) => p.items.map((i: any) => ({ ...i, section: p.section, person: p.person })))
    .filter((i: any) => i.provider === 'case.handover' && i.status === 'overdue');
  expect(late).toEqual([
    expect.objectContaining({
      section: 'sec_dept_1',
      person: 'stf_officer_1',
      item: expect.stringContaining('万卫监〔2026〕1号'),
    }),
  ]);
  // The case failing its checks is listed too.
  const failing = dashboard.data.sections
    .flatMap((s: any) => s.people.flatMap((p: any) => p.items))
    .filter((i: any) => i.provider === 'case.findings');
  expect(failing.map((i: any) => i.ref)).toContain(`case:${inspection.id}`);
  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
});
