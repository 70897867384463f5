/**
 * Account administration through the `staff` function: suspension on the next call, second-administrator
 * approval of sensitive roles, and delegations that grant a role while in force.
 */
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, staffCaller, startSeededEmulator } from './helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

async function newBoundStaff(
  roles: string[],
  unitId = 'unit_commission',
): Promise<{ staffId: string; openid: string }> {
  const inv = await staff('demo-admin-1', 'staff.invite', { name: '测试人员', unitId, roles });
  const openid = newOpenid();
  const bound = await staff(openid, 'staff.bind', { inviteCode: inv.data.inviteCode });
  expect(bound).toMatchObject({ ok: true });
  return { staffId: bound.data.staffId, openid };
}

describe('suspension', () => {
  it('refuses the very next call and reinstatement restores access', async () => {
    const officer = await newBoundStaff(['officer']);
    expect(await staff(officer.openid, 'staff.me')).toMatchObject({ ok: true });
    expect(await staff('demo-admin-2', 'staff.suspend', { staffId: officer.staffId })).toMatchObject({
      ok: true,
      data: { status: 'suspended' },
    });
    expect(await staff(officer.openid, 'staff.me')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('停用') },
    });
    expect(await staff('demo-admin-2', 'staff.reinstate', { staffId: officer.staffId })).toMatchObject({
      ok: true,
    });
    expect(await staff(officer.openid, 'staff.me')).toMatchObject({ ok: true, data: { status: 'active' } });
  });

  it('is for administrators only, and not of oneself', async () => {
    expect(await staff('demo-officer-1', 'staff.suspend', { staffId: 'stf_officer_2' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await staff('demo-admin-1', 'staff.suspend', { staffId: 'stf_admin_1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('granting roles', () => {
  it('gives non-sensitive roles at once', async () => {
    const p = await newBoundStaff(['officer'], 'unit_enforcement');
    const res = await staff('demo-admin-1', 'staff.grantRole', {
      staffId: p.staffId,
      role: 'custodian',
      unitId: 'unit_enforcement',
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'granted' } });
    const me = await staff(p.openid, 'staff.me');
    expect(me.data.roles.map((r: { role: string }) => r.role)).toContain('custodian');
  });

  it('needs a second, different administrator for admin/reviewer/principal', async () => {
    const p = await newBoundStaff(['publisher']);
    const requested = await staff('demo-admin-1', 'staff.grantRole', {
      staffId: p.staffId,
      role: 'admin',
      unitId: 'unit_commission',
    });
    expect(requested).toMatchObject({ ok: true, data: { status: 'pending' } });
    const grantRequestId = requested.data.grantRequestId;

    // Not in force yet: an admin-only action is still refused.
    expect(await staff(p.openid, 'staff.grantRequests')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The requester cannot approve their own request.
    expect(await staff('demo-admin-1', 'staff.approveGrant', { grantRequestId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('另一名') },
    });
    const pending = await staff('demo-admin-2', 'staff.grantRequests');
    expect(pending.data.items.map((r: { grantRequestId: string }) => r.grantRequestId)).toContain(
      grantRequestId,
    );
    expect(await staff('demo-admin-2', 'staff.approveGrant', { grantRequestId })).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    });
    // Only now the role works.
    expect(await staff(p.openid, 'staff.grantRequests')).toMatchObject({ ok: true });
    // A decided request cannot be approved again.
    expect(await staff('demo-admin-2', 'staff.approveGrant', { grantRequestId })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
  });

  it('does not let the person receiving the role approve it', async () => {
    const requested = await staff('demo-admin-2', 'staff.grantRole', {
      staffId: 'stf_admin_1',
      role: 'auditor',
      unitId: 'unit_commission',
    });
    expect(requested).toMatchObject({ ok: true, data: { status: 'granted' } });
    const sensitive = await staff('demo-admin-2', 'staff.grantRole', {
      staffId: 'stf_admin_1',
      role: 'reviewer',
      unitId: 'unit_commission',
    });
    expect(
      await staff('demo-admin-1', 'staff.approveGrant', { grantRequestId: sensitive.data.grantRequestId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('revokes at once', async () => {
    const p = await newBoundStaff(['officer', 'publisher']);
    await staff('demo-admin-1', 'staff.revokeRole', {
      staffId: p.staffId,
      role: 'publisher',
      unitId: 'unit_commission',
    });
    const me = await staff(p.openid, 'staff.me');
    expect(me.data.roles.map((r: { role: string }) => r.role)).toEqual(['officer']);
  });
});

describe('delegations', () => {
  it('grant the role while in force, then expire', async () => {
    const deputy = await newBoundStaff(['officer']);
    const now = Date.now();
    const until = new Date(now + 3 * 86_400_000).toISOString();
    // An officer cannot record a delegation on someone else's behalf.
    expect(
      await staff('demo-officer-3', 'org.delegate', {
        fromStaffId: 'stf_leader_1',
        toStaffId: deputy.staffId,
        role: 'reviewer',
        unitId: 'unit_commission',
        validUntil: until,
        reason: '出差',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The delegating leader records it themselves, limited to one supervised section.
    const d = await staff('demo-leader-1', 'org.delegate', {
      toStaffId: deputy.staffId,
      role: 'reviewer',
      unitId: 'unit_commission',
      sectionId: 'sec_medical',
      validUntil: until,
      reason: '出差期间由其代为审核',
    });
    expect(d).toMatchObject({ ok: true, data: { fromStaffId: 'stf_leader_1', toStaffId: deputy.staffId } });
    // `reviewer` is sensitive: nothing until a second administrator approves (server/org/conferral.ts).
    expect(d.data.status).toBe('pending');
    expect((await staff(deputy.openid, 'staff.me')).data.roles.map((r: { role: string }) => r.role)).toEqual([
      'officer',
    ]);
    expect(await staff('demo-admin-1', 'org.approveDelegation', { delegationId: d.data.id })).toMatchObject({
      ok: true,
    });
    const me = await staff(deputy.openid, 'staff.me');
    expect(me.data.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'reviewer', unitId: 'unit_commission', sectionId: 'sec_medical' }),
      ]),
    );
    expect(me.data.delegations).toHaveLength(1);

    await emu.post('/_emulator/clock', { now: new Date(now + 3 * 86_400_000 + 60_000).toISOString() });
    const later = await staff(deputy.openid, 'staff.me');
    expect(later.data.roles.map((r: { role: string }) => r.role)).toEqual(['officer']);
  });

  it('cannot hand on a role the delegator does not hold, nor exceed 90 days', async () => {
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      await staff('demo-officer-3', 'org.delegate', {
        toStaffId: 'stf_officer_1',
        role: 'principal',
        unitId: 'unit_commission',
        validUntil: until,
        reason: '休假',
      }),
    ).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(
      await staff('demo-admin-1', 'org.delegate', {
        fromStaffId: 'stf_principal',
        toStaffId: 'stf_leader_1',
        role: 'principal',
        unitId: 'unit_commission',
        validUntil: new Date(Date.now() + 91 * 86_400_000).toISOString(),
        reason: '休假',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'payload.validUntil': expect.stringContaining('授权期限') },
      },
    });
  });
});

describe('organisation lists and changes', () => {
  it('lists the seeded units and sections with their supervisors', async () => {
    const units = await staff('demo-officer-1', 'org.units');
    expect(units.data.items.map((u: { name: string }) => u.name)).toEqual([
      '区卫生健康委员会',
      '区卫生健康综合行政执法支队',
    ]);
    const sections = await staff('demo-officer-1', 'org.sections', { unitId: 'unit_commission' });
    expect(sections.data.items.map((s: { name: string }) => s.name)).toEqual([
      '办公室',
      '党委办公室',
      '法规与综合监督科',
      '公共卫生科',
      '信息统计科',
      '医政医管科',
    ]);
    const medical = sections.data.items.find((s: { id: string }) => s.id === 'sec_medical');
    expect(medical.supervisorStaffIds).toEqual(['stf_leader_1']);
  });

  it('creates sections and refuses supervision by someone without the reviewer role', async () => {
    const sec = await staff('demo-admin-1', 'org.createSection', {
      unitId: 'unit_commission',
      name: '疾病预防控制科',
      kind: 'section',
    });
    expect(sec).toMatchObject({ ok: true, data: { name: '疾病预防控制科' } });
    expect(
      await staff('demo-admin-1', 'org.setSupervision', {
        leaderStaffId: 'stf_officer_3',
        sectionIds: [sec.data.id],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
    const set = await staff('demo-admin-1', 'org.setSupervision', {
      leaderStaffId: 'stf_leader_2',
      sectionIds: ['sec_office', sec.data.id],
    });
    expect(set).toMatchObject({
      ok: true,
      data: { sectionIds: expect.arrayContaining(['sec_office', sec.data.id]) },
    });
    expect(set.data.sectionIds).not.toContain('sec_public_health');
  });
});
