/**
 * Every path that confers a role follows one rule (server/org/conferral.ts), through the `staff` function:
 * delegations are recorded only by the delegating holder or their own leader (an administrator only for the
 * principal, who has no leader, citing the 主持工作 decision), sensitive roles wait for a second administrator,
 * and nobody confers a role on themselves (REC-14: who may see records follows from these roles).
 */
import type { TestEmulator } from '../../helpers/emulator';
import { callers, newOpenid as newCitizen, REAL_NAME, REAL_PHONE, submission } from '../complaint/helpers';
import { newOpenid, staffCaller, startSeededEmulator } from './helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

const until = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
const rolesOf = async (openid: string) =>
  ((await staff(openid, 'staff.me')).data.roles as Array<{ role: string; unitId: string }>).map(
    (g) => `${g.role}@${g.unitId}`,
  );

async function newBoundStaff(roles: string[], unitId = 'unit_commission') {
  const inv = await staff('demo-admin-1', 'staff.invite', { name: '测试人员', unitId, roles });
  expect(inv).toMatchObject({ ok: true });
  const openid = newOpenid();
  const bound = await staff(openid, 'staff.bind', { inviteCode: inv.data.inviteCode });
  expect(bound).toMatchObject({ ok: true });
  return { staffId: bound.data.staffId as string, openid };
}

describe('the reported bypass: an administrator delegating someone else’s sensitive role to themselves', () => {
  it.each([
    ['reviewer', 'stf_unit_head', 'unit_enforcement'],
    ['principal', 'stf_unit_head', 'unit_enforcement'],
    ['admin', 'stf_admin_2', 'unit_commission'],
  ])('refuses %s from %s, and the complainant stays hidden', async (role, fromStaffId, unitId) => {
    const res = await staff('demo-admin-1', 'org.delegate', {
      fromStaffId,
      toStaffId: 'stf_admin_1',
      role,
      unitId,
      validUntil: until(),
      reason: '代为处理',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await rolesOf('demo-admin-1')).toEqual(['admin@unit_commission']);
  });

  it('leaves the administrator unable to read a complainant’s name and phone', async () => {
    const call = callers(emu);
    const submitted = await call.citizen(newCitizen(), 'complaint.submit', submission());
    expect(submitted.ok).toBe(true);
    const queue = await staff('demo-unit-head', 'complaint.queue', { status: 'submitted', pageSize: 50 });
    const id = queue.data.items.find((i: any) => i.trackingNo === submitted.data.trackingNo).id;
    await staff('demo-unit-head', 'complaint.assign', { id, handlerIds: ['stf_officer_1'] });
    const got = await staff('demo-admin-1', 'complaint.get', { id });
    expect(got.ok).toBe(false);
    expect(JSON.stringify(got)).not.toContain(REAL_NAME);
    expect(JSON.stringify(got)).not.toContain(REAL_PHONE);
  });

  it('also refuses a delegation to oneself recorded by one’s own leader role or as administrator', async () => {
    // demo-unit-head is the custodian's leader, but cannot record the custodian's role to themselves.
    const res = await staff('demo-unit-head', 'org.delegate', {
      fromStaffId: 'stf_custodian',
      toStaffId: 'stf_unit_head',
      role: 'custodian',
      unitId: 'unit_enforcement',
      validUntil: until(),
      reason: '代为保管',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('who may record a delegation', () => {
  it('the holder’s own leader may, recorded as such; another leader or an administrator may not', async () => {
    const other = await staff('demo-leader-1', 'org.delegate', {
      fromStaffId: 'stf_custodian',
      toStaffId: 'stf_officer_1',
      role: 'custodian',
      unitId: 'unit_enforcement',
      validUntil: until(),
      reason: '休假',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await staff('demo-admin-1', 'org.delegate', {
      fromStaffId: 'stf_custodian',
      toStaffId: 'stf_officer_1',
      role: 'custodian',
      unitId: 'unit_enforcement',
      validUntil: until(),
      reason: '休假',
      appointmentDocNo: '区卫健委〔2026〕1号',
    });
    expect(admin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A non-sensitive role recorded by the holder's leader takes effect at once.
    const leader = await staff('demo-unit-head', 'org.delegate', {
      fromStaffId: 'stf_custodian',
      toStaffId: 'stf_officer_1',
      role: 'custodian',
      unitId: 'unit_enforcement',
      validUntil: until(),
      reason: '休假期间代为保管档案',
    });
    expect(leader).toMatchObject({ ok: true, data: { status: 'approved', recordedAs: 'leader' } });
    expect(await rolesOf('demo-officer-1')).toContain('custodian@unit_enforcement');
  });

  it('never hands on the officer role (it comes with a certificate)', async () => {
    const res = await staff('demo-officer-2', 'org.delegate', {
      toStaffId: 'stf_custodian',
      role: 'officer',
      unitId: 'unit_enforcement',
      validUntil: until(),
      reason: '出差',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('执法证') },
    });
  });
});

describe('a sensitive role delegated waits for the second administrator', () => {
  it('confers nothing while pending; listed with the grant requests; approved by another administrator', async () => {
    const d = await staff('demo-unit-head', 'org.delegate', {
      toStaffId: 'stf_officer_2',
      role: 'reviewer',
      unitId: 'unit_enforcement',
      sectionId: 'sec_dept_2',
      validUntil: until(),
      reason: '出差期间由其代为审核二大队事项',
    });
    expect(d).toMatchObject({ ok: true, data: { status: 'pending', recordedAs: 'self' } });
    const delegationId = d.data.id;
    expect(await rolesOf('demo-officer-2')).not.toContain('reviewer@unit_enforcement');

    const pending = await staff('demo-admin-2', 'staff.grantRequests');
    expect(pending.data.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'delegation',
          delegationId,
          role: 'reviewer',
          staffId: 'stf_officer_2',
        }),
      ]),
    );
    // Not administrators: neither the delegator nor the recipient may decide.
    for (const who of ['demo-unit-head', 'demo-officer-2']) {
      expect(await staff(who, 'org.approveDelegation', { delegationId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await staff('demo-admin-2', 'org.approveDelegation', { delegationId })).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    });
    expect(await rolesOf('demo-officer-2')).toContain('reviewer@unit_enforcement');
    const me = await staff('demo-officer-2', 'staff.me');
    expect(me.data.roles).toContainEqual(
      expect.objectContaining({ role: 'reviewer', unitId: 'unit_enforcement', sectionId: 'sec_dept_2' }),
    );
    // Decided once: a second approval or a rejection is refused.
    expect(await staff('demo-admin-1', 'org.approveDelegation', { delegationId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    expect(await staff('demo-admin-1', 'org.rejectDelegation', { delegationId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    await staff('demo-unit-head', 'org.revokeDelegation', { delegationId });
  });

  it('the requester, the delegator and the recipient cannot approve; a rejection confers nothing', async () => {
    const p = await newBoundStaff(['publisher']);
    // An administrator delegating their own admin role is the delegator and the requester.
    const d = await staff('demo-admin-1', 'org.delegate', {
      toStaffId: p.staffId,
      role: 'admin',
      unitId: 'unit_commission',
      validUntil: until(),
      reason: '休假期间代为管理账号',
    });
    expect(d).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(await staff('demo-admin-1', 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('另一名') },
    });
    expect(await staff(p.openid, 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await staff('demo-admin-2', 'org.rejectDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: true,
      data: { status: 'rejected' },
    });
    expect(await rolesOf(p.openid)).toEqual(['publisher@unit_commission']);
    expect(
      await staff('demo-admin-2', 'org.approveDelegation', { delegationId: 'dlg_missing' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('the principal’s absence: an administrator records it citing the 主持工作 decision, a second approves', async () => {
    const base = {
      fromStaffId: 'stf_principal',
      toStaffId: 'stf_leader_2',
      role: 'principal',
      unitId: 'unit_commission',
      validUntil: until(),
      reason: '主要领导外出学习期间主持工作',
    };
    expect(await staff('demo-admin-1', 'org.delegate', base)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'payload.appointmentDocNo': expect.stringContaining('文号') },
      },
    });
    const d = await staff('demo-admin-1', 'org.delegate', {
      ...base,
      appointmentDocNo: '区卫健委〔2026〕12号',
    });
    expect(d).toMatchObject({
      ok: true,
      data: { status: 'pending', recordedAs: 'admin', appointmentDocNo: '区卫健委〔2026〕12号' },
    });
    expect(await rolesOf('demo-leader-2')).not.toContain('principal@unit_commission');
    expect(await staff('demo-admin-1', 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await staff('demo-admin-2', 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: true,
    });
    expect(await rolesOf('demo-leader-2')).toContain('principal@unit_commission');
    await staff('demo-admin-2', 'org.revokeDelegation', { delegationId: d.data.id });
    expect(await rolesOf('demo-leader-2')).not.toContain('principal@unit_commission');
  });
});

describe('grants, invitations and officer links follow the same rule', () => {
  it('nobody grants themselves a role, sensitive or not', async () => {
    expect(
      await staff('demo-admin-1', 'staff.grantRole', {
        staffId: 'stf_admin_1',
        role: 'officer',
        unitId: 'unit_enforcement',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await staff('demo-admin-1', 'staff.grantRole', {
        staffId: 'stf_admin_1',
        role: 'reviewer',
        unitId: 'unit_enforcement',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an invitation carries no sensitive role', async () => {
    expect(
      await staff('demo-admin-1', 'staff.invite', {
        name: '新领导',
        unitId: 'unit_enforcement',
        roles: ['reviewer'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('另一名') } });
  });

  it('an administrator cannot link a certificate to their own account', async () => {
    const res = await staff('demo-admin-1', 'officer.add', {
      certNo: '50010120269901',
      name: '黄磊',
      unitId: 'unit_enforcement',
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
      staffId: 'stf_admin_1',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
