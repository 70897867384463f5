/**
 * The router through its public surface: `main(event, context)` with identity only in the SCF context, against
 * the emulator's database through the real SDK.
 */
import * as z from 'zod/mini';
import { createFunction } from '../../../server/router/function';
import { declareAction, table } from '../../../core/contract/declare';
import type { Handlers } from '../../../server/router/types';
import { withLabels } from '../../../core/contract/labels';
import { AppError } from '../../../server/errors';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const ctx = (env: Record<string, string>) => ({ environment: JSON.stringify(env), request_id: 'r1' });
const user = (openid: string, appid = 'wx_emulator_app') =>
  ctx({ WX_OPENID: openid, WX_APPID: appid, TRIGGER_SRC: 'tcb' });

let ran = 0;
const d = <O>() => declareAction<O>();
const TABLE = table([
  d<{ openid: string | null }>()({
    fn: 'public',
    name: 'whoami.public',
    access: 'public',
    input: z.object({}),
  }),
  d<{ openid: string | null }>()({
    fn: 'citizen',
    name: 'whoami.citizen',
    access: 'citizen',
    input: z.object({}),
  }),
  d<{ fired: boolean }>()({ fn: 'scheduler', name: 'timer.only', access: 'timer', input: z.object({}) }),
  d<{ name: string; count: number }>()({
    fn: 'citizen',
    name: 'echo.validated',
    access: 'citizen',
    input: withLabels(
      z.strictObject({ name: z.string().check(z.minLength(2), z.maxLength(5)), count: z.number() }),
      { count: '数量' },
    ),
  }),
  d<never>()({ fn: 'public', name: 'boom', access: 'public', input: z.object({}) }),
  d<{ text: string; key: string | null; n: number }>()({
    fn: 'citizen',
    name: 'write.once',
    access: 'citizen',
    idempotent: true,
    input: z.object({ text: z.string() }),
  }),
  d<{ yes: boolean }>()({ fn: 'staff', name: 'staff.only', access: 'staff', input: z.object({}) }),
] as const);

const HANDLERS: Handlers<typeof TABLE> = {
  'whoami.public': async (_i, c) => ({ openid: c.caller.openid }),
  'whoami.citizen': async (_i, c) => ({ openid: c.caller.openid }),
  'timer.only': async () => ({ fired: true }),
  'echo.validated': async (i) => i,
  boom: async () => {
    throw new Error('secret internal detail /srv/app.js:12');
  },
  'write.once': async (i, c) => {
    ran += 1;
    if (i.text === 'refuse') throw new AppError('PRECONDITION_FAILED', '不行');
    return { text: i.text, key: c.idempotencyKey, n: ran };
  },
  'staff.only': async () => ({ yes: true }),
};

const main = createFunction('test', TABLE, HANDLERS);

describe('router', () => {
  it('takes identity from the context and ignores identity written into the event', async () => {
    const res = await main(
      { action: 'whoami.citizen', payload: {}, openid: 'evil', WX_OPENID: 'evil' },
      user('alice'),
    );
    expect(res).toEqual({ ok: true, data: { openid: 'alice' } });
    const spoof = await main(
      { action: 'whoami.citizen', payload: {}, WX_OPENID: 'alice' },
      ctx({ WX_APPID: 'wx_emulator_app' }),
    );
    expect(spoof).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a wrong app id', async () => {
    const res = await main({ action: 'whoami.citizen' }, user('alice', 'wx_other_app'));
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const pub = await main({ action: 'whoami.public' }, user('alice', 'wx_other_app'));
    expect(pub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets anyone call public actions', async () => {
    expect(await main({ action: 'whoami.public' }, ctx({}))).toEqual({ ok: true, data: { openid: null } });
  });

  it('guards timer-only actions on the trigger source, whatever the event says', async () => {
    const spoofed = await main({ action: 'timer.only', Type: 'timer', TriggerName: 'daily' }, user('alice'));
    expect(spoofed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await main({ action: 'timer.only' }, ctx({ TRIGGER_SRC: 'timer' }))).toEqual({
      ok: true,
      data: { fired: true },
    });
  });

  it('answers INVALID_INPUT with Chinese field messages', async () => {
    expect(await main(null, user('alice'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { event: '请求应为对象' } },
    });
    const missing = await main({}, user('alice'));
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { action: '请填写操作名称' } },
    });
    const unknown = await main({ action: 'nope' }, user('alice'));
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { action: '操作名称不是本服务支持的操作' } },
    });
    const bad = await main(
      { action: 'echo.validated', payload: { name: 'x', count: 'three', extra: 1 } },
      user('alice'),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.fields).toEqual({
      'payload.name': '名称至少 2 个字',
      'payload.count': '数量应为数字',
      'payload.extra': '提交的内容中不能有此项，请删除',
    });
  });

  it('does not treat inherited object keys as actions', async () => {
    const res = await main({ action: 'constructor' }, user('alice'));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never leaks internals of an unexpected failure', async () => {
    const res = await main({ action: 'boom' }, ctx({}));
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
    expect(JSON.stringify(res)).not.toMatch(/secret|srv|app\.js/);
  });

  it('refuses staff actions from an identity without a bound account', async () => {
    const res = await main({ action: 'staff.only' }, user('nobody'));
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  describe('idempotent writes', () => {
    it('needs a requestId', async () => {
      const res = await main({ action: 'write.once', payload: { text: 'a' } }, user('alice'));
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { requestId: '请填写请求编号' } },
      });
    });

    it('replays the stored answer for the same identity, action, requestId and payload', async () => {
      const before = ran;
      const first = await main(
        { action: 'write.once', payload: { text: 'a' }, requestId: 'req-00000001' },
        user('alice'),
      );
      const again = await main(
        { action: 'write.once', payload: { text: 'a' }, requestId: 'req-00000001' },
        user('alice'),
      );
      expect(first.ok).toBe(true);
      expect(again).toEqual(first);
      expect(ran).toBe(before + 1);
    });

    it('answers CONFLICT for the same requestId with a different payload', async () => {
      await main({ action: 'write.once', payload: { text: 'a' }, requestId: 'req-00000002' }, user('alice'));
      const changed = await main(
        { action: 'write.once', payload: { text: 'b' }, requestId: 'req-00000002' },
        user('alice'),
      );
      expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it('scopes requestIds per identity: nobody receives an answer stored for someone else', async () => {
      const a = await main(
        { action: 'write.once', payload: { text: 'a' }, requestId: 'req-00000003' },
        user('alice'),
      );
      const b = await main(
        { action: 'write.once', payload: { text: 'a' }, requestId: 'req-00000003' },
        user('bob'),
      );
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect((a.data as { key: string }).key).not.toBe((b.data as { key: string }).key);
      expect((a.data as { n: number }).n).not.toBe((b.data as { n: number }).n);
    });

    it('replays a decided refusal too', async () => {
      const before = ran;
      const r1 = await main(
        { action: 'write.once', payload: { text: 'refuse' }, requestId: 'req-00000004' },
        user('alice'),
      );
      const r2 = await main(
        { action: 'write.once', payload: { text: 'refuse' }, requestId: 'req-00000004' },
        user('alice'),
      );
      expect(r1).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED', message: '不行' } });
      expect(r2).toEqual(r1);
      expect(ran).toBe(before + 1);
    });
  });
});
