/** The client side of storage: identity from headers, the repository's storage rules enforced. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { clientHeaders, clientUpload, sdk } from './helpers';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
afterEach(() => {
  delete process.env.EMULATOR_STORAGE_RULES;
});

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('client storage under the repository rules', () => {
  it('lets a user write into their own quarantine folder, owned by them', async () => {
    const res = await clientUpload(emu, 'o-alice', 'quarantine/o-alice/evidence.png', png);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    expect(res.body.fileID).toMatch(/\/quarantine\/o-alice\/evidence\.png$/);
    // The server sees the very bytes.
    const downloaded = await sdk().downloadFile({ fileID: res.body.fileID });
    expect(Buffer.compare(downloaded.fileContent as Buffer, png)).toBe(0);
  });

  it('accepts the multipart form wx.uploadFile sends', async () => {
    const form = new FormData();
    form.append('cloudPath', 'quarantine/o-alice/form.png');
    form.append('file', new Blob([png], { type: 'image/png' }), 'form.png');
    const res = await fetch(`${emu.url}/_client/storage/upload`, {
      method: 'POST',
      headers: clientHeaders(emu, 'o-alice'),
      body: form,
    });
    expect(res.status).toBe(200);
    const { fileID } = (await res.json()) as { fileID: string };
    const info = await sdk().getFileInfo({ fileList: [fileID] });
    expect(info.fileList[0]).toMatchObject({ size: png.length, mime: 'image/png' });
  });

  it.each([
    ["another user's quarantine folder", 'o-alice', 'quarantine/o-bob/x.png'],
    ['outside quarantine', 'o-alice', 'accepted/x.png'],
    ['a look-alike prefix', 'o-alice', 'quarantine/o-alice-evil/x.png'],
    ['without identity', undefined, 'quarantine/o-alice/x.png'],
  ])('refuses a write into %s', async (_label, openid, cloudPath) => {
    const res = await clientUpload(emu, openid, cloudPath, png);
    expect(res.status).toBe(403);
    expect(res.body.errCode).toBe(-403003);
    expect(res.body.errMsg).toMatch(/^cloud\.uploadFile:fail .*存储安全规则不允许/);
    const check = await sdk().getTempFileURL({ fileList: [`cloud://local-emulator.b/${cloudPath}`] });
    expect(check.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('refuses an upload under a foreign app id', async () => {
    const res = await fetch(`${emu.url}/_client/storage/upload?cloudPath=quarantine/o-alice/y.png`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o-alice', 'x-wx-appid': 'wx_someone_else' },
      body: png,
    });
    expect(res.status).toBe(403);
  });

  it('refuses every client read, even of the caller’s own quarantined original', async () => {
    const { body } = await clientUpload(emu, 'o-alice', 'quarantine/o-alice/own.png', png);
    const headers = clientHeaders(emu, 'o-alice');
    const temp = await emu.post('/_client/storage/temp-url', { fileList: [body.fileID] }, headers);
    expect(temp.status).toBe(200);
    expect(temp.body.fileList[0]).toMatchObject({ fileID: body.fileID, tempFileURL: '', status: -403003 });
    expect(temp.body.fileList[0].errMsg).toMatch(/存储安全规则不允许/);

    const download = await emu.post('/_client/storage/download', { fileID: body.fileID }, headers);
    expect(download.status).toBe(403);
    expect(download.body.errMsg).toMatch(/^cloud\.downloadFile:fail /);

    // A missing file is refused the same way: the rules answer before existence is revealed.
    const missing = await emu.post('/_client/storage/download', { fileID: 'cloud://x.b/none.png' }, headers);
    expect(missing.body.errCode).toBe(-403003);
  });

  it('refuses deleting anyone else’s file; deleting one’s own quarantined file is a write, as in CloudBase', async () => {
    // CloudBase storage rules know only read and write, and write covers "上传/覆盖文件，删除文件"
    // (https://docs.cloudbase.net/storage/security-rules/started), so the rule that lets a user upload into
    // quarantine/<openid>/ also lets them delete there. The emulator keeps that production behaviour.
    const app = sdk();
    const { fileID: serverFile } = await app.uploadFile({ cloudPath: 'accepted/a.png', fileContent: png });
    const { body: bobs } = await clientUpload(emu, 'o-bob', 'quarantine/o-bob/b.png', png);
    const { body: own } = await clientUpload(emu, 'o-alice', 'quarantine/o-alice/keep.png', png);
    const res = await emu.post(
      '/_client/storage/delete',
      { fileList: [serverFile, bobs.fileID, own.fileID] },
      clientHeaders(emu, 'o-alice'),
    );
    expect(res.body.fileList.map((f: { status: number }) => f.status)).toEqual([-403003, -403003, 0]);
    const still = await app.getTempFileURL({ fileList: [serverFile, bobs.fileID, own.fileID] });
    expect(still.fileList.map((f: { code: string }) => f.code)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'STORAGE_FILE_NONEXIST',
    ]);
  });

  it('refuses overwriting a file the caller does not own', async () => {
    await clientUpload(emu, 'o-bob', 'quarantine/o-bob/c.png', png);
    // Even a rules file that allows any signed-in write keeps resource.openid = the existing owner.
    const rulesFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rules-')), 'storage.rules.json');
    writeFileSync(rulesFile, JSON.stringify({ write: 'auth != null && resource.openid == auth.openid' }));
    process.env.EMULATOR_STORAGE_RULES = rulesFile;
    expect((await clientUpload(emu, 'o-alice', 'quarantine/o-bob/c.png', Buffer.from('x'))).status).toBe(403);
    expect((await clientUpload(emu, 'o-bob', 'quarantine/o-bob/c.png', Buffer.from('x'))).status).toBe(200);
  });

  it('follows an edited rules file at once', async () => {
    const rulesFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rules-')), 'storage.rules.json');
    copyFileSync(path.resolve(__dirname, '../../../deploy/storage.rules.json'), rulesFile);
    process.env.EMULATOR_STORAGE_RULES = rulesFile;
    const { body } = await clientUpload(emu, 'o-carol', 'quarantine/o-carol/mine.png', png);
    const headers = clientHeaders(emu, 'o-carol');
    expect((await emu.post('/_client/storage/download', { fileID: body.fileID }, headers)).status).toBe(403);

    const rules = JSON.parse(readFileSync(rulesFile, 'utf8'));
    writeFileSync(
      rulesFile,
      JSON.stringify({ ...rules, read: 'auth != null && resource.openid == auth.openid' }),
    );
    const own = await fetch(`${emu.url}/_client/storage/download`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ fileID: body.fileID }),
    });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(png);
    const foreign = await emu.post(
      '/_client/storage/download',
      { fileID: body.fileID },
      clientHeaders(emu, 'o-dave'),
    );
    expect(foreign.status).toBe(403);

    writeFileSync(rulesFile, JSON.stringify({ read: true, write: false }));
    expect((await clientUpload(emu, 'o-carol', 'quarantine/o-carol/next.png', png)).status).toBe(403);
    writeFileSync(rulesFile, JSON.stringify({ read: 'auth.openid ==', write: true }));
    const broken = await emu.post('/_client/storage/download', { fileID: body.fileID }, headers);
    expect(broken.status).toBe(403);
    expect(broken.body.errMsg).toMatch(/语法错误/);
  });
});
