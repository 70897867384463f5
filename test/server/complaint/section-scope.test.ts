/**
 * A role limited to one section acts only on records of that section (server/org/principal.ts `grantCovers`):
 * a reviewer delegated for department 2 sees, lists, assigns and handles complaints filed under department 2,
 * never department 1's nor unassigned ones, and assigns only department 2's officers; the unit head (unit-wide)
 * keeps the whole unit, on the dashboard too (REC-14).
 */
import { grantCovers, roleScope, type StaffPrincipal } from '../../../server/org/principal';
import { newOpenid, submission, useSeededEmulator } from './helpers';

const ctx = useSeededEmulator();
afterEach(() => ctx.emu.post('/_emulator/clock', { now: null }));

const UNIT_HEAD = 'demo-unit-head';
const DEPUTY = 'demo-custodian'; // custodian in department 1, delegated reviewer for department 2 below

async function submitted(): Promise<string> {
  const res = await ctx.call.citizen(newOpenid(), 'complaint.submit', submission());
  expect(res.ok).toBe(true);
  const queue = await ctx.call.staff(UNIT_HEAD, 'complaint.queue', { status: 'submitted', pageSize: 50 });
  return queue.data.items.find((i: any) => i.trackingNo === res.data.trackingNo).id;
}

describe('a reviewer delegated for one department', () => {
  const ids = { dept1: '', dept2: '', unassigned: '' };
  let officer2 = ''; // a department 2 officer (the seeded one's certificate is suspended)

  beforeAll(async () => {
    const { staff } = ctx.call;
    const inv = await staff('demo-admin-1', 'staff.invite', {
      name: '二大队队员',
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_2',
      roles: ['officer'],
    });
    const bound = await staff(newOpenid(), 'staff.bind', { inviteCode: inv.data.inviteCode });
    expect(bound).toMatchObject({ ok: true });
    officer2 = bound.data.staffId;
    ids.dept1 = await submitted();
    ids.dept2 = await submitted();
    ids.unassigned = await submitted();
    expect(
      await staff(UNIT_HEAD, 'complaint.assign', { id: ids.dept1, handlerIds: ['stf_officer_1'] }),
    ).toMatchObject({ ok: true });
    expect(
      await staff(UNIT_HEAD, 'complaint.assign', { id: ids.dept2, handlerIds: [officer2] }),
    ).toMatchObject({ ok: true });
    const d = await staff(UNIT_HEAD, 'org.delegate', {
      toStaffId: 'stf_custodian',
      role: 'reviewer',
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_2',
      validUntil: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      reason: '出差期间由其代为分管执法二大队',
    });
    expect(d).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(await staff('demo-admin-1', 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: true,
    });
  });

  it('cannot see, assign or handle department 1’s complaint, nor an unassigned one', async () => {
    const { staff } = ctx.call;
    for (const id of [ids.dept1, ids.unassigned]) {
      expect(await staff(DEPUTY, 'complaint.get', { id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await staff(DEPUTY, 'complaint.assign', { id, handlerIds: [officer2] })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await staff(DEPUTY, 'complaint.accept', { id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    // Recording a new (unassigned) complaint needs a role over the whole unit.
    const recorded = await staff(DEPUTY, 'complaint.record', {
      ...submission(),
      source: 'phone',
    });
    expect(recorded).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists only department 2’s records', async () => {
    const queue = await ctx.call.staff(DEPUTY, 'complaint.queue', { pageSize: 50 });
    expect(queue).toMatchObject({ ok: true });
    const listed = queue.data.items.map((i: any) => i.id);
    expect(listed).toContain(ids.dept2);
    expect(listed).not.toContain(ids.dept1);
    expect(listed).not.toContain(ids.unassigned);
    // The unit head still lists the whole unit.
    const all = (await ctx.call.staff(UNIT_HEAD, 'complaint.queue', { pageSize: 50 })).data.items.map(
      (i: any) => i.id,
    );
    expect(all).toEqual(expect.arrayContaining([ids.dept1, ids.dept2, ids.unassigned]));
  });

  it('lists each queue tab, counts and searches only within department 2, every read index-served', async () => {
    const { staff } = ctx.call;
    for (const tab of ['submitted', 'accepted', 'overdue', 'mine', 'all']) {
      const res = await staff(DEPUTY, 'complaint.queue', { tab, pageSize: 1 });
      expect(res).toMatchObject({ ok: true }); // strict index mode: an unserved query would fail the call
      const listed = res.data.items.map((i: any) => i.id);
      expect(listed).not.toContain(ids.dept1);
      expect(listed).not.toContain(ids.unassigned);
    }
    const submittedTab = await staff(DEPUTY, 'complaint.queue', { tab: 'submitted' });
    expect(submittedTab.data.items.map((i: any) => i.id)).toEqual([ids.dept2]);
    expect(submittedTab.data.counts.submitted).toEqual({ total: 1, capped: false });
    const dept1 = await staff(UNIT_HEAD, 'complaint.get', { id: ids.dept1 });
    const search = await staff(DEPUTY, 'complaint.queue', { trackingNo: dept1.data.trackingNo });
    expect(search).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('leads department 2’s record, assigning only department 2’s officers', async () => {
    const { staff } = ctx.call;
    const got = await staff(DEPUTY, 'complaint.get', { id: ids.dept2 });
    expect(got).toMatchObject({ ok: true });
    expect(got.data.allowedSteps).toEqual(expect.arrayContaining(['assign', 'accept']));
    const handlers = await staff(DEPUTY, 'complaint.handlers', { id: ids.dept2 });
    const handlerIds = handlers.data.items.map((h: any) => h.staffId);
    expect(handlerIds).toContain(officer2);
    expect(handlerIds).not.toContain('stf_officer_1');
    expect(
      await staff(DEPUTY, 'complaint.assign', { id: ids.dept2, handlerIds: ['stf_officer_1'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.handlerIds.0': expect.any(String) } },
    });
    expect(await staff(DEPUTY, 'complaint.assign', { id: ids.dept2, handlerIds: [officer2] })).toMatchObject({
      ok: true,
    });
  });

  it('shows on the dashboard only department 2’s clocks (REC-14)', async () => {
    // Past every acceptance deadline: all three complaints are overdue for someone.
    await ctx.emu.post('/_emulator/clock', { now: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const refs = async (openid: string) => {
      const res = await ctx.call.staff(openid, 'dashboard', {});
      expect(res).toMatchObject({ ok: true });
      return res.data.sections.flatMap((s: any) =>
        s.people.flatMap((p: any) => p.items.map((i: any) => i.ref)),
      );
    };
    const deputy = await refs(DEPUTY);
    expect(deputy).toContain(`complaint:${ids.dept2}`);
    expect(deputy).not.toContain(`complaint:${ids.dept1}`);
    expect(deputy).not.toContain(`complaint:${ids.unassigned}`);
    expect(await refs(UNIT_HEAD)).toEqual(
      expect.arrayContaining([ids.dept1, ids.dept2, ids.unassigned].map((id) => `complaint:${id}`)),
    );
  });

  it('the unit head, over the whole unit, still offers assign on every record', async () => {
    for (const id of [ids.dept1, ids.unassigned]) {
      const got = await ctx.call.staff(UNIT_HEAD, 'complaint.get', { id });
      expect(got.data.allowedSteps).toContain('assign');
    }
  });
});

describe('grantCovers and roleScope', () => {
  const p: StaffPrincipal = {
    staffId: 's',
    unitId: 'u',
    sectionId: null,
    officerId: null,
    roles: [
      { role: 'officer', unitId: 'u' },
      { role: 'reviewer', unitId: 'u', sectionId: 'a' },
      { role: 'principal', unitId: 'v', sectionId: null },
    ],
  };

  it('a unit-wide grant covers every record of its unit, assigned or not', () => {
    expect(grantCovers(p.roles[0]!, 'u', [])).toBe(true);
    expect(grantCovers(p.roles[0]!, 'u', ['b'])).toBe(true);
    expect(grantCovers(p.roles[0]!, 'v', [])).toBe(false);
    expect(grantCovers(p.roles[2]!, 'v', ['x'])).toBe(true);
  });

  it('a section-scoped grant covers only records filed under its section', () => {
    expect(grantCovers(p.roles[1]!, 'u', ['a'])).toBe(true);
    expect(grantCovers(p.roles[1]!, 'u', ['b', 'a'])).toBe(true);
    expect(grantCovers(p.roles[1]!, 'u', ['b'])).toBe(false);
    expect(grantCovers(p.roles[1]!, 'u', [])).toBe(false);
  });

  it('roleScope tells the whole unit from some sections', () => {
    expect(roleScope(p, ['reviewer'], 'u')).toEqual({ wholeUnit: false, sectionIds: ['a'] });
    expect(roleScope(p, ['reviewer', 'officer'], 'u')).toEqual({ wholeUnit: true, sectionIds: ['a'] });
    expect(roleScope(p, ['reviewer'], 'v')).toEqual({ wholeUnit: false, sectionIds: [] });
  });
});
