/**
 * Quarantined originals do not outlive their purpose (security issue item 11): a refused submission deletes the
 * caller's originals at once; an upload into a registered slot that is never submitted is deleted by the
 * scheduler an hour on, and the slot is marked done (then removed by housekeeping).
 */
import { clientUpload } from '../../emulator/storage/helpers';
import { jpegWithGps } from './images';
import { allDocs, newOpenid, sdkApp, submission, uploadPhoto, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

async function exists(fileID: string): Promise<boolean> {
  const res = await sdkApp().getTempFileURL({ fileList: [fileID] });
  return res.fileList[0]?.code !== 'STORAGE_FILE_NONEXIST';
}

it('deletes the originals of a refused submission, but never someone else’s file', async () => {
  const openid = newOpenid();
  const slot = (await t.call.citizen(openid, 'complaint.uploadPrefix')).data;
  const jpeg = (await clientUpload(t.emu, openid, slot.paths[0], jpegWithGps())).body.fileID as string;
  const gif = (await clientUpload(t.emu, openid, slot.paths[1], GIF)).body.fileID as string;
  const res = await t.call.citizen(openid, 'complaint.submit', submission({ photos: [jpeg, gif] }));
  expect(res.error).toMatchObject({
    code: 'INVALID_INPUT',
    fields: { 'payload.photos.1': expect.any(String) },
  });
  expect(await exists(jpeg)).toBe(false);
  expect(await exists(gif)).toBe(false);

  const mine = await uploadPhoto(t.emu, openid, jpegWithGps());
  const theirs = await uploadPhoto(t.emu, newOpenid(), jpegWithGps());
  const refused = await t.call.citizen(openid, 'complaint.submit', submission({ photos: [mine, theirs] }));
  expect(refused.error.fields).toEqual({ 'payload.photos.1': '只能提交您本人刚上传的图片' });
  expect(await exists(mine)).toBe(false);
  expect(await exists(theirs)).toBe(true);
});

it('deletes the originals when the daily limit refuses the submission', async () => {
  const openid = newOpenid();
  for (let i = 0; i < 5; i++)
    expect((await t.call.citizen(openid, 'complaint.submit', submission())).ok).toBe(true);
  const photo = await uploadPhoto(t.emu, openid, jpegWithGps());
  const res = await t.call.citizen(openid, 'complaint.submit', submission({ photos: [photo] }));
  expect(res.error.code).toBe('RATE_LIMITED');
  expect(await exists(photo)).toBe(false);
});

it('deletes an abandoned upload on the scheduler an hour after its slot was handed out', async () => {
  const start = Date.parse('2026-12-02T10:00:00+08:00');
  const at = (minutes: number) =>
    t.emu.post('/_emulator/clock', { now: new Date(start + minutes * 60_000).toISOString() });
  await at(0);
  const openid = newOpenid();
  const slot = (await t.call.citizen(openid, 'complaint.uploadPrefix')).data;
  const abandoned = (await clientUpload(t.emu, openid, slot.paths[0], jpegWithGps())).body.fileID as string;
  const used = (await clientUpload(t.emu, openid, slot.paths[1], jpegWithGps())).body.fileID as string;
  expect((await t.call.citizen(openid, 'complaint.submit', submission({ photos: [used] }))).ok).toBe(true);
  expect(await exists(used)).toBe(false);

  await at(30);
  expect((await t.emu.post('/timer/scheduler')).body.ok).toBe(true);
  expect(await exists(abandoned)).toBe(true);

  await at(61);
  const fired = await t.emu.post('/timer/scheduler');
  expect(fired.body.data['housekeeping.uploads']).toMatchObject({ ok: true });
  expect(await exists(abandoned)).toBe(false);
  const slotId = slot.prefix.split('/')[2];
  const [doc] = (await allDocs('sys_upload_slots')).filter((s) => s._id === slotId);
  expect(doc).toMatchObject({ state: 'done' });
  expect(JSON.stringify(doc)).not.toContain(`"ownerRef":"${openid}"`);

  await at(61 + 2 * 24 * 60);
  await t.emu.post('/timer/scheduler');
  expect((await allDocs('sys_upload_slots')).filter((s) => s._id === slotId)).toEqual([]);
});
