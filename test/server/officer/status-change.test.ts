/**
 * Officer statuses (PUB-4) through the emulator: 注销 (a transfer or retirement, `officer.cancel`) is a status of its own,
 * apart from 吊销 (a sanction); 暂扣, 吊销 and 注销 take their date and reason; a former officer's number still
 * verifies, as no longer valid with that date, while the public list (PUB-2) shows only officers in post. Also the
 * register's enforcement field, area and optional photo, and records kept before these fields.
 */
import { randomUUID } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

const publicCall = (action: string, payload: unknown) =>
  emu.call('public', { action, payload, requestId: randomUUID() }, 'o-citizen-officer-status');
const admin = (action: string, payload: unknown) =>
  emu.call('staff', { action, payload, requestId: randomUUID() }, 'demo-admin-1');

let counter = 0;
/** A fresh active officer of the enforcement unit, valid 2024-01-01 – 2030-12-31. */
async function addOfficer(extra: Record<string, unknown> = {}) {
  const certNo = `5001019${String(++counter).padStart(7, '0')}`;
  const res = await admin('officer.add', {
    certNo,
    name: '测试',
    unitId: 'unit_enforcement',
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
    ...extra,
  });
  expect(res).toMatchObject({ ok: true });
  return { certNo, officerId: res.data.id as string };
}

async function listedCertNos(): Promise<string[]> {
  const res = await publicCall('officer.list', { pageSize: 50 });
  return (res.data.items as Array<{ certNo: string }>).map((o) => o.certNo);
}

describe('officer.cancel (注销)', () => {
  it('records the reason and date; the number verifies as 注销 with that date and leaves the public list', async () => {
    await emu.post('/_emulator/clock', { now: '2026-11-20T10:00:00+08:00' });
    const { certNo, officerId } = await addOfficer();
    expect(await listedCertNos()).toContain(certNo);

    const cancelled = await admin('officer.cancel', {
      officerId,
      reason: '调离执法岗位',
      date: '2026-11-18',
    });
    expect(cancelled).toMatchObject({
      ok: true,
      data: {
        status: 'cancelled',
        storedStatus: 'cancelled',
        statusReason: '调离执法岗位',
        statusDate: '2026-11-18',
      },
    });
    const verified = await publicCall('officer.verify', { certNo });
    expect(verified).toMatchObject({
      ok: true,
      data: { certNo, status: 'cancelled', statusDate: '2026-11-18' },
    });
    // The reason is the administrator's note, not a public field.
    expect(JSON.stringify(verified)).not.toContain('调离');
    expect(await listedCertNos()).not.toContain(certNo);
  });

  it('dates it today in Shanghai when no date is given', async () => {
    await emu.post('/_emulator/clock', { now: '2026-11-20T23:30:00Z' }); // 07:30 on 21 November in Shanghai
    const { officerId } = await addOfficer();
    const res = await admin('officer.cancel', { officerId, reason: '退休' });
    expect(res).toMatchObject({ ok: true, data: { statusDate: '2026-11-21' } });
  });

  it('is final, and a cancelled certificate cannot then be revoked, held back or reinstated', async () => {
    const { officerId } = await addOfficer();
    await admin('officer.cancel', { officerId, reason: '调离执法岗位' });
    for (const action of ['officer.revoke', 'officer.suspend', 'officer.reinstate', 'officer.cancel']) {
      const res = await admin(action, { officerId, reason: '再次变更' });
      expect(res).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    }
  });

  it('refuses a date in the future, before the certificate, or malformed, naming the field', async () => {
    await emu.post('/_emulator/clock', { now: '2026-11-20T10:00:00+08:00' });
    const { officerId } = await addOfficer();
    const cases: Array<[string, string]> = [
      ['2026-11-21', '生效日期不能晚于今天'],
      ['2023-12-31', '生效日期不能早于发证日期'],
      ['2026/11/01', '生效日期应为 YYYY-MM-DD 格式的日期'],
    ];
    for (const [date, message] of cases) {
      const res = await admin('officer.cancel', { officerId, reason: '调离执法岗位', date });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'payload.date': message } },
      });
    }
    expect((await publicCall('officer.list', { pageSize: 50 })).ok).toBe(true);
    const still = await admin('officer.update', { officerId });
    expect(still).toMatchObject({ ok: true, data: { status: 'active', statusDate: null } });
  });

  // 行政处罚法 Art. 42: enforcement by officers holding a certificate; the linked account follows it.
  it("takes the officer role from the holder's linked account", async () => {
    const rolesOf = async (openid: string) =>
      (
        (await emu.call('staff', { action: 'staff.me', payload: {}, requestId: randomUUID() }, openid)).data
          .roles as Array<{ role: string }>
      ).map((g) => g.role);
    expect(await rolesOf('demo-officer-3')).toContain('officer');
    const officerId = await idOf('50010120220015');
    const res = await admin('officer.cancel', { officerId, reason: '退休' });
    expect(res).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    expect(await rolesOf('demo-officer-3')).not.toContain('officer');
  });

  it('is refused to non-administrators before the payload is read', async () => {
    const res = await emu.call(
      'staff',
      { action: 'officer.cancel', payload: { bogus: true }, requestId: randomUUID() },
      'demo-officer-1',
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('暂扣 and 吊销 with their dates', () => {
  it('a 暂扣 shows its date, stays listed (still in post) and a reinstatement clears the date', async () => {
    const { certNo, officerId } = await addOfficer();
    const held = await admin('officer.suspend', {
      officerId,
      reason: '立案调查期间暂扣',
      date: '2026-01-05',
    });
    expect(held).toMatchObject({ ok: true, data: { status: 'suspended', statusDate: '2026-01-05' } });
    expect(await listedCertNos()).toContain(certNo);
    const back = await admin('officer.reinstate', { officerId });
    expect(back).toMatchObject({ ok: true, data: { status: 'active', statusDate: null } });
  });

  it('a 吊销 shows its date and leaves the public list; the number still verifies', async () => {
    const { certNo, officerId } = await addOfficer();
    await admin('officer.revoke', { officerId, reason: '违法使用执法证', date: '2026-02-10' });
    expect((await publicCall('officer.verify', { certNo })).data).toMatchObject({
      status: 'revoked',
      statusDate: '2026-02-10',
    });
    expect(await listedCertNos()).not.toContain(certNo);
  });
});

describe('field, area and photo in the register', () => {
  it('shows the field and area, and a registered photo through a short-lived link', async () => {
    const { cloudbase } = await import('../../../server/platform/cloudbase');
    const upload = await cloudbase().uploadFile({
      cloudPath: 'officers/photos/test-photo.png',
      fileContent: Buffer.from('89504e470d0a1a0a', 'hex'),
    });
    const { certNo, officerId } = await addOfficer({ field: '公共卫生', area: '本区行政区域' });
    const set = await admin('officer.update', { officerId, photoFileId: upload.fileID });
    expect(set).toMatchObject({ ok: true, data: { photoFileId: upload.fileID } });
    const res = await publicCall('officer.verify', { certNo });
    expect(res.data).toMatchObject({ field: '公共卫生', area: '本区行政区域' });
    expect(res.data.photoUrl).toMatch(/^http/);
    // The storage file id stays with the administrators.
    expect(JSON.stringify(res.data)).not.toContain('cloud://');
  });

  it('answers without a photo when the file is missing, and refuses an id that is no cloud file', async () => {
    const { certNo, officerId } = await addOfficer();
    await admin('officer.update', { officerId, photoFileId: 'cloud://env-1.bucket/officers/none.png' });
    expect((await publicCall('officer.verify', { certNo })).data).toMatchObject({
      status: 'active',
      photoUrl: null,
    });
    const bad = await admin('officer.update', { officerId, photoFileId: 'https://example.com/a.png' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.photoFileId': '登记照片的文件标识不正确' } },
    });
  });
});

describe('records kept before 注销 and status dates existed', () => {
  it('still read: old values unchanged, the missing date and fields as null (mapped on read)', async () => {
    const { database } = await import('../../../server/platform/cloudbase');
    const legacy = {
      _id: 'officer-legacy-0001',
      _rev: 2,
      certNo: '50010120159999',
      name: '旧记录',
      unitId: 'unit_enforcement',
      unitName: '区卫生健康综合行政执法支队',
      status: 'revoked',
      statusReason: '旧版本记录',
      validFrom: '2015-01-01',
      validUntil: '2020-12-31',
      staffId: null,
      shortId: 'LEGACY23',
      createdAt: new Date('2019-01-01T00:00:00Z'),
      updatedAt: new Date('2019-06-01T00:00:00Z'),
    };
    await database().collection('officers').add(legacy);
    const res = await publicCall('officer.verify', { shortId: 'LEGACY23' });
    expect(res).toEqual({
      ok: true,
      data: {
        certNo: '50010120159999',
        name: '旧记录',
        unitName: '区卫生健康综合行政执法支队',
        status: 'revoked',
        validFrom: '2015-01-01',
        validUntil: '2020-12-31',
        statusDate: null,
        field: null,
        area: null,
        photoUrl: null,
      },
    });
    expect(await listedCertNos()).not.toContain('50010120159999');
  });

  // Before 注销 existed a transfer could only be recorded as 吊销: such a record may be corrected once.
  it('lets an old revocation without a date be corrected to 注销, but not a dated one', async () => {
    const legacy = await admin('officer.cancel', {
      officerId: 'officer-legacy-0001',
      reason: '更正：实为调离执法岗位',
      date: '2019-06-01',
    });
    expect(legacy).toMatchObject({ ok: true, data: { status: 'cancelled', statusDate: '2019-06-01' } });
    expect((await publicCall('officer.verify', { shortId: 'LEGACY23' })).data).toMatchObject({
      status: 'cancelled',
      statusDate: '2019-06-01',
    });
    const { officerId } = await addOfficer();
    await admin('officer.revoke', { officerId, reason: '违法使用执法证', date: '2026-02-10' });
    const sanction = await admin('officer.cancel', { officerId, reason: '改为注销' });
    expect(sanction).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });
});

/** The record id is derived from the certificate number (server/features/officer/repository.ts). */
async function idOf(certNo: string): Promise<string> {
  const { officerIdForCertNo } = await import('../../../server/features/officer/repository');
  return officerIdForCertNo(certNo);
}
