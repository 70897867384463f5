/** The fake WeChat API's endpoints, tokens and persistence. */
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { readPngText } from '../../../emulator/wechat/png';
import { article, credentials, outbox, token, uploadMaterial, wx } from './helpers';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

describe('stable_token and access tokens', () => {
  it('answers the same token until forced, and invalidates the old one on force_refresh', async () => {
    const first = await token('oa');
    expect(await token('oa')).toBe(first);
    const second = await token('oa', true);
    expect(second).not.toBe(first);
    expect(await wx('/cgi-bin/draft/get', { media_id: 'x' }, first)).toMatchObject({ errcode: 40001 });
    expect(await wx('/cgi-bin/draft/get', { media_id: 'x' }, second)).toMatchObject({ errcode: 40007 });
  });

  it('refuses unknown app ids, wrong secrets and grant types', async () => {
    const { appid } = credentials('mp');
    const ask = (body: object) => wx('/cgi-bin/stable_token', { grant_type: 'client_credential', ...body });
    expect(await ask({ appid: 'wx_unknown', secret: 'x' })).toMatchObject({ errcode: 40013 });
    expect(await ask({ appid, secret: 'wrong' })).toMatchObject({ errcode: 40125 });
    expect(await wx('/cgi-bin/stable_token', { ...credentials('mp'), grant_type: 'password' })).toMatchObject(
      {
        errcode: 40002,
      },
    );
  });

  it('expires tokens after expires_in on the emulator clock (42001)', async () => {
    const oa = await token('oa');
    expect(await wx('/cgi-bin/freepublish/batchget', { offset: 0, count: 5 }, oa)).toMatchObject({
      total_count: 0,
    });
    await emu.post('/_emulator/clock', { now: new Date(Date.now() + 7201_000).toISOString() });
    expect(await wx('/cgi-bin/freepublish/batchget', { offset: 0, count: 5 }, oa)).toMatchObject({
      errcode: 42001,
    });
    const fresh = await token('oa');
    expect(fresh).not.toBe(oa);
    expect(await wx('/cgi-bin/freepublish/batchget', { offset: 0, count: 5 }, fresh)).toMatchObject({
      total_count: 0,
    });
  });

  it('refuses a missing token and a token of the other app', async () => {
    expect(await wx('/cgi-bin/draft/add', { articles: [] })).toMatchObject({ errcode: 41001 });
    const mp = await token('mp');
    expect(await wx('/cgi-bin/draft/add', { articles: [] }, mp)).toMatchObject({ errcode: 48001 });
    expect(await wx('/cgi-bin/draft/add', { articles: [] }, 'made-up')).toMatchObject({ errcode: 40001 });
  });
});

describe('official account', () => {
  it('adds material, drafts, publishes asynchronously, lists, mass-sends and deletes', async () => {
    const oa = await token('oa');
    const material = await uploadMaterial(oa);
    expect(material).toEqual({ media_id: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    expect(await uploadMaterial(oa, 'pdf')).toMatchObject({ errcode: 40004 });
    expect(await uploadMaterial(oa, 'image', '/cgi-bin/media/uploadimg')).toEqual({
      url: expect.any(String),
    });

    expect(await wx('/cgi-bin/draft/add', { articles: [article('nope')] }, oa)).toMatchObject({
      errcode: 40097,
    });
    const { media_id: draftId } = await wx(
      '/cgi-bin/draft/add',
      { articles: [article(material.media_id)] },
      oa,
    );
    expect(await wx('/cgi-bin/draft/get', { media_id: draftId }, oa)).toEqual({
      news_item: [article(material.media_id)],
    });

    const submitted = await wx('/cgi-bin/freepublish/submit', { media_id: draftId }, oa);
    expect(submitted).toMatchObject({ errcode: 0, publish_id: expect.any(String) });
    const publishId = submitted.publish_id;
    expect(await wx('/cgi-bin/freepublish/get', { publish_id: publishId }, oa)).toMatchObject({
      publish_status: 1,
    });

    await emu.post('/_emulator/clock', { now: new Date(Date.now() + 2000).toISOString() });
    const done = await wx('/cgi-bin/freepublish/get', { publish_id: publishId }, oa);
    expect(done).toMatchObject({ publish_status: 0, article_id: expect.any(String) });
    expect(done.article_detail.item).toEqual([
      { idx: 1, article_url: expect.stringMatching(/^https:\/\//), is_deleted: false },
    ]);

    const listed = await wx('/cgi-bin/freepublish/batchget', { offset: 0, count: 10, no_content: 1 }, oa);
    expect(listed).toMatchObject({ total_count: 1, item_count: 1 });
    expect(listed.item[0].article_id).toBe(done.article_id);
    expect(listed.item[0].content.news_item[0].content).toBeUndefined();

    const mass = { filter: { is_to_all: true }, mpnews: { media_id: draftId }, msgtype: 'mpnews' };
    expect(await wx('/cgi-bin/message/mass/sendall', mass, oa)).toMatchObject({
      errcode: 0,
      msg_id: expect.any(Number),
    });
    expect(
      await wx('/cgi-bin/message/mass/sendall', { ...mass, mpnews: { media_id: 'x' } }, oa),
    ).toMatchObject({
      errcode: 40007,
    });

    expect(await wx('/cgi-bin/freepublish/delete', { article_id: done.article_id }, oa)).toMatchObject({
      errcode: 0,
    });
    expect(await wx('/cgi-bin/freepublish/get', { publish_id: publishId }, oa)).toMatchObject({
      publish_status: 5,
    });
    expect(await wx('/cgi-bin/freepublish/batchget', { offset: 0, count: 10 }, oa)).toMatchObject({
      total_count: 0,
    });

    expect(await wx('/cgi-bin/draft/delete', { media_id: draftId }, oa)).toMatchObject({ errcode: 0 });
    expect(await wx('/cgi-bin/draft/get', { media_id: draftId }, oa)).toMatchObject({ errcode: 40007 });
  });

  it('keeps drafts, tokens and the outbox across a restart; reset clears them', async () => {
    const oa = await token('oa');
    const material = await uploadMaterial(oa);
    const { media_id: draftId } = await wx(
      '/cgi-bin/draft/add',
      { articles: [article(material.media_id)] },
      oa,
    );
    const second = await startTestEmulator({ dataDir: emu.dataDir });
    try {
      expect(await wx('/cgi-bin/draft/get', { media_id: draftId }, oa)).toMatchObject({
        news_item: [expect.any(Object)],
      });
      expect((await outbox(second)).length).toBe(4);
      await second.post('/_emulator/reset', {});
      expect(await outbox(second)).toEqual([]);
      expect(await wx('/cgi-bin/draft/get', { media_id: draftId }, oa)).toMatchObject({ errcode: 40001 });
    } finally {
      await second.close();
      process.env.WECHAT_API_BASE = `${emu.url}/wechat`;
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${emu.url}/admin` });
    }
  });
});

describe('mini-program', () => {
  const code = async (body: object, accessToken: string) =>
    fetch(`${process.env.WECHAT_API_BASE}/wxa/getwxacodeunlimit?access_token=${accessToken}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });

  it('answers a PNG that carries the scene', async () => {
    const mp = await token('mp');
    const scene = "a1!#$&'()*+,/:;=?@-._~Zz09abcdef";
    expect(scene.length).toBe(32);
    const res = await code(
      { scene, page: 'pages/enrol/index', check_path: false, env_version: 'develop', width: 430 },
      mp,
    );
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readPngText(png)).toEqual({ scene, page: 'pages/enrol/index', env_version: 'develop' });
  });

  it.each([['x'.repeat(33)], ['a%20b'], ['中文'], [''], ['a b'], [42]])(
    'refuses the scene %p with 40169',
    async (scene) => {
      const res = await code({ scene }, await token('mp'));
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await res.json()).toMatchObject({ errcode: 40169 });
    },
  );

  it('refuses a page with a leading slash or parameters', async () => {
    const res = await code({ scene: 'a=1', page: '/pages/x?y=1' }, await token('mp'));
    expect(await res.json()).toMatchObject({ errcode: 41030 });
  });

  it('sends subscribe messages, validating fields, unlimited unless a grant is set', async () => {
    const mp = await token('mp');
    const message = {
      touser: 'o-user',
      template_id: 'TPL1',
      page: 'pages/service/detail?id=1',
      data: { thing1: { value: '送达通知' }, time2: { value: '2026-12-01 09:00' } },
      miniprogram_state: 'developer',
    };
    expect(await wx('/cgi-bin/message/subscribe/send', { ...message, touser: '' }, mp)).toMatchObject({
      errcode: 40003,
    });
    expect(
      await wx('/cgi-bin/message/subscribe/send', { ...message, template_id: undefined }, mp),
    ).toMatchObject({
      errcode: 40037,
    });
    expect(await wx('/cgi-bin/message/subscribe/send', { ...message, data: { a: 'x' } }, mp)).toMatchObject({
      errcode: 47003,
    });
    for (let i = 0; i < 3; i++) {
      expect(await wx('/cgi-bin/message/subscribe/send', message, mp)).toMatchObject({
        errcode: 0,
        msgid: expect.any(Number),
      });
    }
    await emu.post('/_emulator/subscribe-grants', { openid: 'o-user', templateId: 'TPL1', count: 1 });
    expect(await wx('/cgi-bin/message/subscribe/send', message, mp)).toMatchObject({ errcode: 0 });
    expect(await wx('/cgi-bin/message/subscribe/send', message, mp)).toMatchObject({ errcode: 43101 });
    expect(
      await wx('/cgi-bin/message/subscribe/send', { ...message, template_id: 'TPL2' }, mp),
    ).toMatchObject({
      errcode: 0,
    });
  });
});
