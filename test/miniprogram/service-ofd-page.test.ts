/**
 * A served document that is an OFD file (REC-7; GB/T 33190), rendered in Chromium: WeChat's viewer
 * (wx.openDocument) opens PDF but not OFD, so the page says so in plain words, downloads the file (the first
 * download is the read receipt, as opening a PDF is) and forwards it to a chat (wx.shareFileMessage) to be opened in
 * an OFD reader; a PDF still opens in WeChat's viewer.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';
import { documentOf, SERVICE_ID } from './service-fixtures';

const harness = pageHarness();
const ok = (data: unknown) => ({ ok: true, data });
const effectsOf = async (page: Rendered, api: string) =>
  (await page.effects()).filter((e) => e.api === api).map((e) => e.args);

function answerAs(fileFormat: 'pdf' | 'ofd') {
  harness.answer = (c) =>
    (c.event as { action: string }).action === 'service.open'
      ? ok({
          url: `https://tmp.example/doc.${fileFormat}?sign=x`,
          expiresAt: '2026-06-18T02:45:00.000Z',
          fileSha256: 'ab'.repeat(32),
          fileFormat,
        })
      : ok(documentOf({ fileFormat }));
}

describe('a served OFD document', () => {
  it('says WeChat cannot open OFD, downloads it and forwards it to a chat', async () => {
    answerAs('ofd');
    const page = await harness.render('pages/service/document/index', { query: { id: SERVICE_ID } });
    const text = await page.text();
    expect(text).toContain('OFD 格式的电子文件，微信内不能直接打开');
    expect(text).toContain('需要 PDF 文件的，请联系承办的执法人员');
    expect(text).toContain('下载文书或确认收悉，即视为文书已送达');
    const shareButtons = (t: string) => t.split('转发到聊天').length - 2; // the note names it once
    expect(shareButtons(text)).toBe(0);
    await page.invoke('onOpenFile');
    expect(shareButtons(await page.text())).toBe(1);
    expect(await effectsOf(page, 'downloadFile')).toEqual([
      expect.objectContaining({ url: 'https://tmp.example/doc.ofd?sign=x' }),
    ]);
    expect(await effectsOf(page, 'openDocument')).toEqual([]);
    await page.invoke('onShareFile');
    expect(await effectsOf(page, 'shareFileMessage')).toEqual([
      expect.objectContaining({
        filePath: 'wxfile://tmp/served-document',
        fileName: `${documentOf().title}.ofd`,
      }),
    ]);
  });

  it('opens a PDF in WeChat’s viewer, without the OFD note', async () => {
    answerAs('pdf');
    const page = await harness.render('pages/service/document/index', { query: { id: SERVICE_ID } });
    expect(await page.text()).not.toContain('OFD');
    await page.invoke('onOpenFile');
    expect(await effectsOf(page, 'openDocument')).toEqual([
      expect.objectContaining({ filePath: 'wxfile://tmp/served-document', fileType: 'pdf' }),
    ]);
  });
});
