/**
 * Control endpoints of the fake WeChat API:
 * - `GET /_emulator/outbox` → `{ items: OutboxRecord[] }`, oldest first;
 * - `POST /_emulator/wechat-faults` (faults.ts) → `{ faults }`; `GET` shows the pending faults;
 * - `POST /_emulator/subscribe-grants {openid, templateId, count}` sets how many subscribe messages that user
 *   accepts for that template (`count: null` returns to the default: unlimited);
 * - `POST /_emulator/official-account {massProtection?, massQuotaPerDay?, apiQuota?}` sets how the fake account
 *   behaves: API 群发保护 on or off, mass sends allowed per day, daily call quotas per API key (45009 beyond);
 * - `POST /_emulator/mass-confirm {msgId, refuse?}` is the administrator confirming (or refusing) a protected send.
 */
import type { EmulatorContext } from '../context';
import { HttpError } from '../http';
import type { FaultTable } from './faults';
import { grantKey } from './miniprogram';
import { massStatus } from './official-account';
import type { WechatState } from './state';
import { clockNow } from '../clock';

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
  ctx.router.add('POST', /^\/_emulator\/official-account$/, async ({ json, send }) => {
    const spec = await json<{ massProtection?: unknown; massQuotaPerDay?: unknown; apiQuota?: unknown }>();
    const config = state.data.oaConfig;
    if (spec.massProtection !== undefined) {
      if (typeof spec.massProtection !== 'boolean')
        throw new HttpError(400, 'INVALID_INPUT', 'massProtection 须为布尔值');
      config.massProtection = spec.massProtection;
    }
    if (spec.massQuotaPerDay !== undefined) {
      if (!Number.isInteger(spec.massQuotaPerDay) || (spec.massQuotaPerDay as number) < 0) {
        throw new HttpError(400, 'INVALID_INPUT', 'massQuotaPerDay 须为非负整数');
      }
      config.massQuotaPerDay = spec.massQuotaPerDay as number;
    }
    if (spec.apiQuota !== undefined) {
      const quotas = spec.apiQuota as Record<string, unknown>;
      if (!quotas || typeof quotas !== 'object')
        throw new HttpError(400, 'INVALID_INPUT', 'apiQuota 须为对象');
      for (const [key, value] of Object.entries(quotas)) {
        if (!faultKeys.has(key)) throw new HttpError(400, 'INVALID_INPUT', `未知的微信接口：${key}`);
        if (value === null) delete config.apiQuota[key];
        else if (Number.isInteger(value) && (value as number) >= 0) config.apiQuota[key] = value as number;
        else throw new HttpError(400, 'INVALID_INPUT', `apiQuota.${key} 须为非负整数，或 null 表示不限`);
      }
    }
    state.save();
    send(200, { config });
  });
  ctx.router.add('POST', /^\/_emulator\/mass-confirm$/, async ({ json, send }) => {
    const { msgId, refuse } = await json<{ msgId?: unknown; refuse?: unknown }>();
    const mass = massStatus({ now: clockNow().getTime(), state }, String(msgId));
    if (!mass) throw new HttpError(404, 'NOT_FOUND', '没有这次群发');
    if (mass.status !== 'SENDING')
      throw new HttpError(409, 'CONFLICT', `这次群发已是 ${mass.status}，无需确认`);
    mass.status = refuse === true ? 'SEND_FAIL' : 'SEND_SUCCESS';
    state.save();
    send(200, { msgId: String(msgId), status: mass.status });
  });
}
