/**
 * Injected failures of the fake WeChat API, set with `POST /_emulator/wechat-faults`:
 * `{ "<key>": { "errcode": 45009, "errmsg"?: "...", "times"?: 2 } }` answers that errcode instead of performing
 * the call; `{ "<key>": { "timeout": true } }` holds the connection without answering (until the client gives
 * up, HOLD_MS pass, or the emulator resets/closes) and does not perform the call;
 * `{ "<key>": { "lostAnswer": true } }` performs the call, records it, then destroys the socket unanswered;
 * with `"hold": true` as well it keeps the connection open unanswered instead (as `timeout`, but performed), so a
 * test can stop the emulator while the caller still waits: the caller dies before it could store any answer.
 * `times` defaults to 1. The key is the path after `/cgi-bin/` (`draft/add`, `stable_token`,
 * `message/subscribe/send`) or after `/wxa/` (`getwxacodeunlimit`), or the endpoint's own `faultKey`
 * (`getuserphonenumber` for `/wxa/business/getuserphonenumber`). A new POST replaces the faults of the keys
 * it names; `null` as a key's value clears it. Kept in memory: faults are test set-up, not data.
 */
import { HttpError } from '../http';

export type Fault =
  | { kind: 'errcode'; errcode: number; errmsg: string; times: number }
  | { kind: 'timeout'; times: number }
  | { kind: 'lostAnswer'; times: number; hold: boolean };

export const HOLD_MS = 30_000;

export class FaultTable {
  private readonly faults = new Map<string, Fault>();

  set(spec: Record<string, unknown>, knownKeys: ReadonlySet<string>): void {
    const parsed = new Map<string, Fault | null>();
    for (const [key, value] of Object.entries(spec)) {
      if (!knownKeys.has(key)) throw new HttpError(400, 'INVALID_INPUT', `未知的微信接口：${key}`);
      parsed.set(key, value === null ? null : parseFault(key, value));
    }
    for (const [key, fault] of parsed) {
      if (fault) this.faults.set(key, fault);
      else this.faults.delete(key);
    }
  }

  /** Takes one use of the fault for `key`, if any. */
  take(key: string): Fault | undefined {
    const fault = this.faults.get(key);
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.delete(key);
    return fault;
  }

  list(): Record<string, Fault> {
    return Object.fromEntries(this.faults);
  }

  clear(): void {
    this.faults.clear();
  }
}

function parseFault(key: string, value: unknown): Fault {
  const spec = (value ?? {}) as Record<string, unknown>;
  const times = spec.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    throw new HttpError(400, 'INVALID_INPUT', `${key}.times 须为正整数`);
  }
  if (spec.timeout === true) return { kind: 'timeout', times };
  if (spec.lostAnswer === true) return { kind: 'lostAnswer', times, hold: spec.hold === true };
  if (typeof spec.errcode === 'number' && Number.isInteger(spec.errcode) && spec.errcode !== 0) {
    const errmsg = typeof spec.errmsg === 'string' ? spec.errmsg : `emulated error ${spec.errcode}`;
    return { kind: 'errcode', errcode: spec.errcode, errmsg, times };
  }
  throw new HttpError(
    400,
    'INVALID_INPUT',
    `${key} 须含非零整数 errcode，或 timeout: true，或 lostAnswer: true`,
  );
}
