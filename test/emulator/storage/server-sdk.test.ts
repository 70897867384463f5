/** The server side of storage, driven by the real @cloudbase/node-sdk against the emulator's /admin endpoint. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { sdk } from './helpers';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

const bytes = Buffer.from([0, 1, 2, 250, 251, 252, ...Buffer.from('整改通知书')]);

describe('storage through the real SDK', () => {
  it('uploads, hands out a temporary URL, downloads the same bytes and deletes', async () => {
    const app = sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'docs/通知 1.pdf', fileContent: bytes });
    expect(fileID).toMatch(/^cloud:\/\/local-emulator\.[^/]+\/docs\/通知 1\.pdf$/);

    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    const fetched = await fetch(encodeURI(fileList[0]!.tempFileURL));
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);

    const downloaded = await app.downloadFile({ fileID });
    expect(Buffer.compare(downloaded.fileContent as Buffer, bytes)).toBe(0);

    const deleted = await app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    const again = await app.getTempFileURL({ fileList: [fileID] });
    expect(again.fileList[0]).toMatchObject({ fileID, code: 'STORAGE_FILE_NONEXIST' });
    await expect(app.downloadFile({ fileID })).rejects.toBeDefined();
  });

  it('refuses a temporary URL after it expires (emulator clock) and a tampered one', async () => {
    const app = sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'expiry/a.txt', fileContent: Buffer.from('hello') });
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    const url = fileList[0]!.tempFileURL;
    expect((await fetch(url)).status).toBe(200);

    await emu.post('/_emulator/clock', { now: new Date(Date.now() + 61_000).toISOString() });
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');

    await emu.post('/_emulator/clock', { now: null });
    const tampered = url.replace(/sign=(.)/, (_m, c: string) => `sign=${c === '0' ? '1' : '0'}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(url.replace(/expires=\d+/, 'expires=9999999999'))).status).toBe(403);
  });

  it('reports size and type through getFileInfo and copies files keeping the original', async () => {
    const app = sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'quarantine/o1/photo.png', fileContent: bytes });
    const info = await app.getFileInfo({ fileList: [fileID] });
    expect(info.fileList[0]).toMatchObject({ code: 'SUCCESS', size: bytes.length, mime: 'image/png' });

    const copied = await app.copyFile({
      fileList: [{ srcPath: 'quarantine/o1/photo.png', dstPath: 'accepted/photo.png', removeOriginal: true }],
    });
    expect(copied.fileList[0]).toMatchObject({ code: 'SUCCESS' });
    const moved = await app.downloadFile({ fileID: (copied.fileList[0] as { fileId: string }).fileId });
    expect(Buffer.compare(moved.fileContent as Buffer, bytes)).toBe(0);
    const original = await app.getTempFileURL({ fileList: [fileID] });
    expect(original.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('rejects a path that would climb out of the bucket', async () => {
    await expect(sdk().uploadFile({ cloudPath: '../etc/passwd', fileContent: bytes })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
  });

  it('keeps files across a restart and removes them all on reset', async () => {
    const app = sdk();
    const { fileID } = await app.uploadFile({ cloudPath: 'keep/me.txt', fileContent: Buffer.from('kept') });
    const second = await startTestEmulator({ dataDir: emu.dataDir });
    try {
      const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
      expect(fileList[0]!.tempFileURL.startsWith(second.url)).toBe(true);
      expect(await (await fetch(fileList[0]!.tempFileURL)).text()).toBe('kept');
      await second.post('/_emulator/reset', {});
      expect(readdirSync(path.join(emu.dataDir, 'storage', 'blobs'))).toEqual([]);
      const after = await app.getTempFileURL({ fileList: [fileID] });
      expect(after.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    } finally {
      await second.close();
      // The second emulator re-pointed the SDK: point it back at the first one for the remaining tests.
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${emu.url}/admin` });
    }
    expect(existsSync(path.join(emu.dataDir, 'storage'))).toBe(true);
  });
});
