/**
 * `citizen` `complaint.uploadPrefix`: the mini-program learns where it may upload (its quarantine path), uploads
 * there as wx.cloud.uploadFile would, and submits the fileID. Also keeps the subscribe message's page in step with
 * the mini-program's pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLAINT_DETAIL_PAGE } from '../../../server/features/complaint/notify';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { clientUpload } from '../../emulator/storage/helpers';
import { jpegWithGps } from './images';
import { callers, newOpenid, submission } from './helpers';

let emu: TestEmulator;
let call: ReturnType<typeof callers>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  call = callers(emu);
});
afterAll(() => emu.stop());

describe('complaint.uploadPrefix', () => {
  it("answers the caller's own quarantine path, which the upload and the submission accept", async () => {
    const openid = newOpenid();
    const res = await call.citizen(openid, 'complaint.uploadPrefix');
    expect(res).toMatchObject({ ok: true, data: { maxPhotos: 9 } });
    expect(res.data.prefix).toMatch(new RegExp(`^quarantine/${openid}/upl_[0-9a-f]{24}/$`));
    expect(res.data.paths).toHaveLength(9);
    expect(res.data.paths.every((p: string) => p.startsWith(res.data.prefix))).toBe(true);
    expect(Date.parse(res.data.uploadBy)).toBeGreaterThan(Date.now());

    const upload = await clientUpload(emu, openid, res.data.paths[0], jpegWithGps());
    expect(upload.status).toBe(200);
    const submitted = await call.citizen(
      openid,
      'complaint.submit',
      submission({ photos: [upload.body.fileID] }),
    );
    expect(submitted.ok).toBe(true);
  });

  it("differs per identity, and another identity's prefix cannot be written", async () => {
    const [a, b] = [newOpenid(), newOpenid()];
    const prefixA = (await call.citizen(a, 'complaint.uploadPrefix')).data.prefix;
    const prefixB = (await call.citizen(b, 'complaint.uploadPrefix')).data.prefix;
    expect(prefixA).not.toBe(prefixB);
    expect((await clientUpload(emu, b, `${prefixA}x.jpg`, jpegWithGps())).status).toBe(403);
  });

  it('refuses extra fields', async () => {
    const res = await call.citizen(newOpenid(), 'complaint.uploadPrefix', { openid: 'someone-else' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the subscribe message page', () => {
  it('is a page of the mini-program', () => {
    const app = JSON.parse(readFileSync(path.join(__dirname, '../../../miniprogram/app.json'), 'utf8')) as {
      pages: string[];
      subPackages: Array<{ root: string; pages: string[] }>;
    };
    const all = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(all).toContain(COMPLAINT_DETAIL_PAGE);
  });
});
