/**
 * Control endpoints of the fake WeChat API:
 * - `GET /_emulator/outbox` → `{ items: OutboxRecord[] }`, oldest first;
 * - `POST /_emulator/wechat-faults` (faults.ts) → `{ faults }`; `GET` shows the pending faults;
 * - `POST /_emulator/subscribe-grants {openid, templateId, count}` sets how many subscribe messages that user
 *   accepts for that template (`count: null` returns to the default: unlimited).
 */
import type { EmulatorContext } from '../context';
import { HttpError } from '../http';
import type { FaultTable } from './faults';
import { grantKey } from './miniprogram';
import type { WechatState } from './state';

export function registerWechatControl(
  ctx: EmulatorContext,
  state: WechatState,
  faults: FaultTable,
  faultKeys: ReadonlySet<string>,
): void {
  ctx.router.add('GET', /^\/_emulator\/outbox$/, ({ send }) => {
    send(200, { items: state.data.outbox });
  });

  ctx.router.add('GET', /^\/_emulator\/wechat-faults$/, ({ send }) => {
    send(200, { faults: faults.list() });
  });

  ctx.router.add('POST', /^\/_emulator\/wechat-faults$/, async ({ json, send }) => {
    const spec = await json<unknown>();
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new HttpError(400, 'INVALID_INPUT', '请求体须为 { "<接口>": { ... } } 形式的对象');
    }
    faults.set(spec as Record<string, unknown>, faultKeys);
    send(200, { faults: faults.list() });
  });

  ctx.router.add('POST', /^\/_emulator\/subscribe-grants$/, async ({ json, send }) => {
    const { openid, templateId, count } = await json<{
      openid?: unknown;
      templateId?: unknown;
      count?: unknown;
    }>();
    if (typeof openid !== 'string' || !openid || typeof templateId !== 'string' || !templateId) {
      throw new HttpError(400, 'INVALID_INPUT', 'openid 与 templateId 须为非空字符串');
    }
    const key = grantKey(openid, templateId);
    if (count === null) delete state.data.grants[key];
    else if (typeof count === 'number' && Number.isInteger(count) && count >= 0)
      state.data.grants[key] = count;
    else throw new HttpError(400, 'INVALID_INPUT', 'count 须为非负整数，或 null 表示不限');
    state.save();
    send(200, { ok: true });
  });
}
