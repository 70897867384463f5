/**
 * `citizen` complaint.submit / mine / get through the emulator (PUB-3: complaint channel and progress query): a submission with a photo
 * carrying GPS EXIF, stored without it; ownership; idempotent retries; field-level Chinese errors; the rate limit
 * across fresh function instances.
 */
import { randomUUID } from 'node:crypto';
import { createCalendar } from '../../../core/calendar';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { clientHeaders } from '../../emulator/storage/helpers';
import { jpegWithGps, pngWithText, SECRET_MAKE } from './images';
import { callers, newOpenid, REAL_NAME, sdkApp, storedComplaint, submission, uploadPhoto } from './helpers';

let emu: TestEmulator;
let call: ReturnType<typeof callers>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  call = callers(emu);
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

describe('complaint.submit with a photo', () => {
  it('stores a clean copy, deletes the quarantined original, and lists the complaint in mine', async () => {
    const openid = newOpenid();
    const fileID = await uploadPhoto(emu, openid, jpegWithGps());

    // The client can write its quarantine path but never read it back (storage rules).
    const read = await fetch(`${emu.url}/_client/storage/download`, {
      method: 'POST',
      headers: { ...clientHeaders(emu, openid), 'content-type': 'application/json' },
      body: JSON.stringify({ fileID }),
    });
    expect(read.status).toBe(403);

    await emu.post('/_emulator/clock', { now: '2026-11-27T10:00:00+08:00' }); // a Friday
    const res = await call.citizen(openid, 'complaint.submit', submission({ photos: [fileID] }));
    expect(res).toMatchObject({ ok: true });
    expect(res.data.trackingNo).toMatch(/^TS20261127-[A-HJ-NP-Z2-9]{6}$/);
    expect(res.data.acceptanceDueDate).toBe(createCalendar().addWorkingDays('2026-11-27', 7).date);
    expect(res.data.acceptanceDueDate).toBe('2026-12-08');

    const mine = await call.citizen(openid, 'complaint.mine');
    expect(mine.data).toMatchObject({ total: 1, nextCursor: null });
    expect(mine.data.items[0]).toMatchObject({
      trackingNo: res.data.trackingNo,
      status: 'submitted',
      statusLabel: '待受理',
    });

    const got = await call.citizen(openid, 'complaint.get', { trackingNo: res.data.trackingNo });
    expect(got.data).toMatchObject({ photoCount: 1, contact: { name: '欧**', phone: '139****4321' } });
    expect(JSON.stringify(got)).not.toContain(REAL_NAME);

    const stored = await storedComplaint(res.data.trackingNo);
    expect(stored.photos).toHaveLength(1);
    expect(stored.photos[0].fileID).toMatch(new RegExp(`/private/complaints/${stored._id}/1\\.jpg$`));
    const clean = (await sdkApp().downloadFile({ fileID: stored.photos[0].fileID })).fileContent as Buffer;
    expect(clean.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(clean.includes(Buffer.from(SECRET_MAKE))).toBe(false);
    expect(clean.includes(Buffer.from([0x25, 0x88]))).toBe(false); // no GPSInfo tag
    expect(clean.length).toBeLessThan(jpegWithGps().length);

    const original = await sdkApp().getTempFileURL({ fileList: [fileID] });
    expect(original.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('answers NOT_FOUND to another identity, the same as for a number that does not exist', async () => {
    const owner = newOpenid();
    const res = await call.citizen(owner, 'complaint.submit', submission());
    const other = await call.citizen(newOpenid(), 'complaint.get', { trackingNo: res.data.trackingNo });
    const missing = await call.citizen(newOpenid(), 'complaint.get', { trackingNo: 'TS20260101-AAAAAA' });
    expect(other).toEqual(missing);
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call.citizen(newOpenid(), 'complaint.mine')).data).toEqual({
      items: [],
      total: 0,
      totalCapped: false,
      nextCursor: null,
    });
  });

  it('creates one record for a retried submission', async () => {
    const openid = newOpenid();
    const requestId = randomUUID();
    const first = await call.citizen(openid, 'complaint.submit', submission(), requestId);
    const again = await call.citizen(openid, 'complaint.submit', submission(), requestId);
    expect(again).toEqual(first);
    expect((await call.citizen(openid, 'complaint.mine')).data.total).toBe(1);
    const changed = await call.citizen(
      openid,
      'complaint.submit',
      submission({ description: '另外一件事情需要反映处理。' }),
      requestId,
    );
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('pages mine with a cursor, newest first', async () => {
    const openid = newOpenid();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++)
      numbers.push((await call.citizen(openid, 'complaint.submit', submission())).data.trackingNo);
    const first = await call.citizen(openid, 'complaint.mine', { pageSize: 2 });
    expect(first.data.total).toBe(3);
    expect(first.data.items.map((i: any) => i.trackingNo)).toEqual([numbers[2], numbers[1]]);
    const second = await call.citizen(openid, 'complaint.mine', {
      pageSize: 2,
      cursor: first.data.nextCursor,
    });
    expect(second.data).toMatchObject({ nextCursor: null });
    expect(second.data.items.map((i: any) => i.trackingNo)).toEqual([numbers[0]]);
  });
});

describe('field-level errors', () => {
  it('refuses an anonymous complaint, a short description and a bad phone, in Chinese per field', async () => {
    const res = await call.citizen(
      newOpenid(),
      'complaint.submit',
      submission({ contact: { anonymous: true }, description: '太短' }),
    );
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.fields['payload.description']).toBe('问题描述至少 10 个字');
    const anonymous = await call.citizen(
      newOpenid(),
      'complaint.submit',
      submission({ contact: { anonymous: true } }),
    );
    expect(anonymous.error.fields['payload.contact']).toContain('匿名只适用于举报');
    const phone = await call.citizen(
      newOpenid(),
      'complaint.submit',
      submission({ contact: { anonymous: false, name: '张三', phone: '12345' } }),
    );
    expect(phone.error.fields['payload.contact.phone'] ?? phone.error.fields['payload.contact']).toMatch(
      /手机号码|格式/,
    );
    const kind = await call.citizen(newOpenid(), 'complaint.submit', submission({ category: '食品安全' }));
    expect(kind.error.fields['payload.category']).toBe('请选择所属领域');
  });

  it('accepts an anonymous report', async () => {
    const res = await call.citizen(
      newOpenid(),
      'complaint.submit',
      submission({ kind: 'report', contact: { anonymous: true } }),
    );
    expect(res.ok).toBe(true);
  });

  it("refuses someone else's upload and files that are not JPEG or PNG, naming the photo", async () => {
    const me = newOpenid();
    const theirs = await uploadPhoto(emu, newOpenid(), jpegWithGps());
    const res = await call.citizen(me, 'complaint.submit', submission({ photos: [theirs] }));
    expect(res.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'payload.photos.0': '只能提交您本人刚上传的图片' },
    });

    const png = await uploadPhoto(emu, me, pngWithText(), 'a.png');
    const gif = await uploadPhoto(
      emu,
      me,
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      'b.jpg',
    );
    const mixed = await call.citizen(me, 'complaint.submit', submission({ photos: [png, gif] }));
    expect(mixed.error.fields).toEqual({ 'payload.photos.1': '仅支持 JPEG 或 PNG 格式的图片' });
  });
});

describe('rate limit', () => {
  it('answers RATE_LIMITED after 5 submissions a day, across fresh function instances, until Shanghai midnight', async () => {
    await emu.post('/_emulator/clock', { now: '2026-12-02T15:00:00+08:00' });
    const openid = newOpenid();
    for (let i = 0; i < 5; i++)
      expect((await call.citizen(openid, 'complaint.submit', submission())).ok).toBe(true);
    const sixth = await call.citizen(openid, 'complaint.submit', submission());
    expect(sixth.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: '2026-12-02T16:00:00.000Z' });
    expect(sixth.error.message).toContain('每天最多提交 5 件');
    // 12345 is a service hotline, not an emergency number.
    expect(sixth.error.message).toContain('紧急情况请拨打 120（急救）或 110（报警）');
    expect(sixth.error.message).not.toContain('紧急情况请拨打 12345');
    // Someone else is not affected; the next day the caller may submit again.
    expect((await call.citizen(newOpenid(), 'complaint.submit', submission())).ok).toBe(true);
    await emu.post('/_emulator/clock', { now: '2026-12-03T00:00:01+08:00' });
    expect((await call.citizen(openid, 'complaint.submit', submission())).ok).toBe(true);
  });
});
