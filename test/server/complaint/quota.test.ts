/**
 * complaint.submit's limits through the functions (security issue item 5): only a stored complaint counts against
 * the 5 a day; refusals and failures count against a separate 20 a day; both are taken atomically before the work,
 * so concurrent submissions never store more than 5 and never answer INTERNAL.
 */
import { jpegWithGps } from './images';
import { newOpenid, submission, uploadPhoto, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

async function refusedSubmission(openid: string) {
  const gif = await uploadPhoto(t.emu, openid, GIF);
  return t.call.citizen(openid, 'complaint.submit', submission({ photos: [gif] }));
}

it('does not count refused submissions against the 5 a day', async () => {
  await t.emu.post('/_emulator/clock', { now: '2026-12-02T15:00:00+08:00' });
  const openid = newOpenid();
  for (let i = 0; i < 3; i++) {
    expect((await refusedSubmission(openid)).error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'payload.photos.0': '仅支持 JPEG 或 PNG 格式的图片' },
    });
  }
  // A photo that is no longer there (a failed upload) is refused the same way.
  const gone = `${(await uploadPhoto(t.emu, openid, jpegWithGps())).slice(0, -4)}-missing.jpg`;
  const missing = await t.call.citizen(openid, 'complaint.submit', submission({ photos: [gone] }));
  expect(missing.error.fields['payload.photos.0']).toBe('图片未上传成功或已过期，请重新上传');

  for (let i = 0; i < 5; i++)
    expect((await t.call.citizen(openid, 'complaint.submit', submission())).ok).toBe(true);
  const sixth = await t.call.citizen(openid, 'complaint.submit', submission());
  expect(sixth.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: '2026-12-02T16:00:00.000Z' });
  expect(sixth.error.message).toContain('每天最多提交 5 件');
});

it('stops failing submissions after 20 a day, before any work', async () => {
  await t.emu.post('/_emulator/clock', { now: '2026-12-02T15:00:00+08:00' });
  const openid = newOpenid();
  for (let i = 0; i < 20; i++) expect((await refusedSubmission(openid)).error.code).toBe('INVALID_INPUT');
  const more = await refusedSubmission(openid);
  expect(more.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: '2026-12-02T16:00:00.000Z' });
  expect(more.error.message).toContain('今天提交未成功的次数过多');
  expect(more.error.message).not.toContain('紧急情况请拨打 12345');
  expect(more.error.message).toContain('120');
  await t.emu.post('/_emulator/clock', { now: '2026-12-03T00:00:01+08:00' });
  expect((await t.call.citizen(openid, 'complaint.submit', submission())).ok).toBe(true);
});

it('stores at most 5 of many concurrent submissions and answers the rest RATE_LIMITED', async () => {
  const openid = newOpenid();
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => t.call.citizen(openid, 'complaint.submit', submission())),
  );
  const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort();
  expect(codes).toEqual([...Array(7).fill('RATE_LIMITED'), ...Array(5).fill('ok')]);
  expect((await t.call.citizen(openid, 'complaint.mine')).data.total).toBe(5);
});
