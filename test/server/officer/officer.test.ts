/**
 * Officer verification (PUB-4) and the public officer list (PUB-2) end to end through the emulator: the public verifies seeded
 * certificates, unknown numbers are NOT_FOUND, malformed payloads INVALID_INPUT with `fields`, and an
 * administrator's suspension shows on the very next call — in the verification and in the linked account's roles.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_CERT_NOS } from '../../../emulator/seed/officers';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

const publicCall = (action: string, payload: unknown) =>
  emu.call('public', { action, payload, requestId: randomUUID() }, 'o-citizen-officer-test');
const staffCall = (openid: string, action: string, payload: unknown = {}, requestId: string = randomUUID()) =>
  emu.call('staff', { action, payload, requestId }, openid);

describe('public officer.verify', () => {
  it('returns a seeded valid officer with only public fields', async () => {
    const res = await publicCall('officer.verify', { certNo: DEMO_CERT_NOS.valid });
    expect(res).toEqual({
      ok: true,
      data: {
        certNo: '50010120230001',
        name: '张伟',
        unitName: '区卫生健康综合行政执法支队',
        status: 'active',
        validFrom: '2023-03-01',
        validUntil: '2029-02-28',
        statusDate: null,
        field: '公共卫生、医疗卫生',
        area: '本区行政区域',
        photoUrl: null,
      },
    });
  });

  it('normalises what people type (full-width digits, spaces)', async () => {
    const res = await publicCall('officer.verify', { certNo: ' ５００１０１２０２３０００１ ' });
    expect(res).toMatchObject({ ok: true, data: { certNo: DEMO_CERT_NOS.valid } });
  });

  it('finds an officer by the badge code scene (shortId), in any letter case', async () => {
    const shortId = await shortIdOf(DEMO_CERT_NOS.revoked);
    const res = await publicCall('officer.verify', { shortId: shortId.toLowerCase() });
    expect(res).toMatchObject({ ok: true, data: { certNo: DEMO_CERT_NOS.revoked, status: 'revoked' } });
  });

  // 暂扣, 吊销 (a sanction) and 注销 (transfer, retirement) each read as such, with their date;
  // an expired certificate's date is its last valid day.
  it('reads suspended, revoked, cancelled and expired certificates as such, each with its date', async () => {
    const answers = await Promise.all(
      (['suspended', 'revoked', 'cancelled', 'expired'] as const).map(async (k) => {
        const res = await publicCall('officer.verify', { certNo: DEMO_CERT_NOS[k] });
        return [res.data.status, res.data.statusDate];
      }),
    );
    expect(answers).toEqual([
      ['suspended', '2026-10-15'],
      ['revoked', '2025-03-20'],
      ['cancelled', '2025-09-30'],
      ['expired', '2024-05-31'],
    ]);
  });

  it('computes expiry from the date in Shanghai: valid on the last day, expired the next', async () => {
    await emu.post('/_emulator/clock', { now: '2029-02-28T23:59:00+08:00' });
    expect((await publicCall('officer.verify', { certNo: DEMO_CERT_NOS.valid })).data.status).toBe('active');
    await emu.post('/_emulator/clock', { now: '2029-03-01T00:00:30+08:00' });
    expect((await publicCall('officer.verify', { certNo: DEMO_CERT_NOS.valid })).data.status).toBe('expired');
  });

  it('answers NOT_FOUND for an unknown number', async () => {
    const res = await publicCall('officer.verify', { certNo: '99999999999999' });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // 行政处罚法 Art. 55: refusal turns on no certificate being shown; a number missing here may be another agency's.
    expect(res.error.message).toContain('本委执法人员名录中没有');
    expect(res.error.message).toContain('12345');
    expect(res.error.message).not.toContain('拒绝');
  });

  it('answers INVALID_INPUT with fields for malformed payloads', async () => {
    const bad = await publicCall('officer.verify', { certNo: '12' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.certNo': expect.any(String) } },
    });
    const none = await publicCall('officer.verify', {});
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.certNo': '请填写执法证号' } },
    });
    const extra = await publicCall('officer.verify', { certNo: DEMO_CERT_NOS.valid, openid: 'x' });
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.openid': expect.any(String) } },
    });
  });
});

describe('public officer.list', () => {
  // PUB-2: the revoked 50010120190007 and the cancelled 50010120200011 are not in post.
  it('pages by certificate number with a cursor that is stable under inserts', async () => {
    const first = await publicCall('officer.list', { pageSize: 2 });
    expect(first.ok).toBe(true);
    expect(first.data.items.map((o: { certNo: string }) => o.certNo)).toEqual([
      '50010120180003',
      '50010120220015',
    ]);
    expect(first.data.nextCursor).toBe('50010120220015');
    const totalBefore = first.data.total;

    // An officer added before the cursor must not shift the next page.
    const added = await staffCall('demo-admin-1', 'officer.add', {
      certNo: '50010120100001',
      name: '新增',
      unitId: 'unit_enforcement',
      validFrom: '2025-01-01',
      validUntil: '2030-12-31',
    });
    expect(added).toMatchObject({
      ok: true,
      data: { unitName: '区卫生健康综合行政执法支队', status: 'active' },
    });

    const second = await publicCall('officer.list', { pageSize: 2, cursor: first.data.nextCursor });
    expect(second.data.items.map((o: { certNo: string }) => o.certNo)).toEqual([
      '50010120230001',
      '50010120230002',
    ]);
    // Only the first page counts (core/contract/envelope.ts Page); counting again shows the new officer.
    expect(second.data).toMatchObject({ total: null, totalCapped: false });
    const again = await publicCall('officer.list', { pageSize: 2 });
    expect(again.data).toMatchObject({ total: totalBefore + 1, totalCapped: false });
    expect(Object.keys(second.data.items[0]).sort()).toEqual(
      [
        'certNo',
        'name',
        'status',
        'unitName',
        'validFrom',
        'validUntil',
        'statusDate',
        'field',
        'area',
        'photoUrl',
      ].sort(),
    );
  });
});

describe('administrators keep the register', () => {
  it('refuses officer staff actions to non-administrators', async () => {
    const res = await staffCall('demo-officer-1', 'officer.suspend', { officerId: 'x', reason: '测试原因' });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a suspension reads as suspended on the next call, and the linked account loses its officer role', async () => {
    const rolesOf = async (openid: string) =>
      ((await staffCall(openid, 'staff.me')).data.roles as Array<{ role: string }>).map((g) => g.role);
    expect(await rolesOf('demo-officer-1')).toContain('officer');

    const certNo = DEMO_CERT_NOS.valid;
    const added = await staffCall('demo-admin-1', 'officer.add', {
      certNo,
      name: '张伟',
      unitId: 'unit_enforcement',
      validFrom: '2023-03-01',
      validUntil: '2029-02-28',
    });
    expect(added).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const officerId = await officerIdOf(certNo);
    const suspended = await staffCall('demo-admin-1', 'officer.suspend', {
      officerId,
      reason: '涉嫌违规，暂扣执法证',
    });
    expect(suspended).toMatchObject({ ok: true, data: { status: 'suspended' } });
    expect((await publicCall('officer.verify', { certNo })).data.status).toBe('suspended');
    expect(await rolesOf('demo-officer-1')).not.toContain('officer');

    const reinstated = await staffCall('demo-admin-1', 'officer.reinstate', { officerId });
    expect(reinstated).toMatchObject({ ok: true, data: { status: 'active' } });
    expect(await rolesOf('demo-officer-1')).toContain('officer');
  });

  it('requires a reason to revoke, and revocation is final', async () => {
    const officerId = await officerIdOf('50010120240021');
    const noReason = await staffCall('demo-admin-1', 'officer.revoke', { officerId });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.reason': expect.any(String) } },
    });
    const revoked = await staffCall('demo-admin-1', 'officer.revoke', {
      officerId,
      reason: '违法使用执法证',
    });
    expect(revoked).toMatchObject({ ok: true, data: { status: 'revoked', statusReason: '违法使用执法证' } });
    const again = await staffCall('demo-admin-1', 'officer.reinstate', { officerId });
    expect(again).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });

  it('puts every change on the ledger without personal data', async () => {
    const officerId = await officerIdOf('50010120220015');
    const res = await staffCall('demo-admin-1', 'officer.update', { officerId, validUntil: '2028-12-31' });
    expect(res).toMatchObject({ ok: true, data: { validUntil: '2028-12-31' } });
    const db = (await import('../../../server/platform/cloudbase')).database();
    const record = (
      (await db.collection('officers').doc(officerId).get()).data as Array<{ _chain: { event: string } }>
    )[0]!;
    const last = (
      (await db.collection('sys_events').doc(record._chain.event).get()).data as Array<
        Record<string, unknown>
      >
    )[0]!;
    expect(last).toMatchObject({
      action: 'officer.update',
      entity: `officers/${officerId}`,
      actor: expect.stringMatching(/^staff:[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(last)).not.toMatch(/周敏|stf_admin_1|2028-12-31/);
  });

  it('makes the badge code with scene = the short id and page = the verification page', async () => {
    const shortId = await shortIdOf(DEMO_CERT_NOS.revoked);
    expect(shortId).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const res = await staffCall('demo-admin-1', 'officer.badgeCode', {
      officerId: await officerIdOf(DEMO_CERT_NOS.revoked),
    });
    expect(res).toMatchObject({
      ok: true,
      data: { shortId, page: 'pages/officer/verify/index', contentType: 'image/png' },
    });
    expect(Buffer.from(res.data.imageBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const outbox = (await emu.get('/_emulator/outbox')).body as unknown[];
    expect(JSON.stringify(outbox)).toMatch(new RegExp(`getwxacodeunlimit[\\s\\S]*${shortId}`));
  });

  it("seeds the suspended officer's linked account without the officer role", async () => {
    const roles = (await staffCall('demo-officer-2', 'staff.me')).data.roles as Array<{ role: string }>;
    expect(roles.map((g) => g.role)).not.toContain('officer');
  });
});

/** A badge's short id is random (officer.add); making the badge code shows it to the administrator. */
async function shortIdOf(certNo: string): Promise<string> {
  const res = await staffCall('demo-admin-1', 'officer.badgeCode', { officerId: await officerIdOf(certNo) });
  expect(res).toMatchObject({ ok: true });
  return res.data.shortId;
}

/** The record id is derived from the certificate number (server/features/officer/repository.ts). */
async function officerIdOf(certNo: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return 'officer-' + createHash('sha256').update(`officer\u0000${certNo}`).digest('hex').slice(0, 24);
}
