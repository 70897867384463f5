/** The /_emulator control endpoints shared by all parts: health, clock, reset. Faults live with their parts. */
import { clockNow, isClockSet, setClock } from './clock';
import type { EmulatorContext } from './context';
import { HttpError } from './http';

export function registerControl(ctx: EmulatorContext, isReady: () => boolean): void {
  ctx.router.add('GET', /^\/_emulator\/health$/, ({ send }) => {
    if (!isReady()) throw new HttpError(503, 'STARTING', '模拟器正在启动');
    send(200, { ok: true });
  });

  ctx.router.add('GET', /^\/_emulator\/clock$/, ({ send }) => {
    send(200, { now: clockNow().toISOString(), set: isClockSet() });
  });

  ctx.router.add('POST', /^\/_emulator\/clock$/, async ({ json, send }) => {
    const body = await json<{ now?: unknown }>();
    if (body.now !== null && (typeof body.now !== 'string' || Number.isNaN(Date.parse(body.now)))) {
      throw new HttpError(400, 'INVALID_INPUT', 'now 须为 ISO 8601 时间（含时区）或 null');
    }
    setClock(body.now);
    send(200, { now: clockNow().toISOString(), set: isClockSet() });
  });

  ctx.router.add('POST', /^\/_emulator\/reset$/, async ({ json, send }) => {
    const body = await json<{ seed?: unknown }>();
    const seed = body.seed === true;
    setClock(null);
    for (const hook of ctx.onReset) await hook({ seed });
    send(200, { ok: true, seeded: seed });
  });
}
