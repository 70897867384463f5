/**
 * Shared by the official-account tests: a seeded emulator with the real node-sdk, results published through the
 * four-step flow, the emulator clock moved to a digest time (17:05 Shanghai on a working day), the scheduler's
 * timer, and what the fake WeChat API performed.
 */
import { createCalendar } from '../../../core/calendar/calendar';
import { OFFICIAL_ACCOUNT_HANDLERS } from '../../../server/features/official-account';
import { deliverOutbox, OUTBOX_HANDLERS } from '../../../server/outbox';
import type { Database } from '../../../server/platform/cloudbase';
import { callers } from '../complaint/helpers';
import type { TestEmulator } from '../../helpers/emulator';
import { startWithSdk, wechatCalls } from '../ledger/helpers';
import { companyPenalty, create, passAll, personPenalty } from '../publication/helpers';

export const PARTY_OFFICE = 'demo-party-office';

export interface Ctx {
  emu: TestEmulator;
  db: Database;
  call: ReturnType<typeof callers>;
}

export function useOfficialAccountEmulator(): Ctx {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ({ emu: ctx.emu, db: ctx.db } = await startWithSdk(true));
    ctx.call = callers(ctx.emu);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.emu.post('/_emulator/clock', { now: null });
    await ctx.emu.stop();
  });
  return ctx;
}

const shanghaiDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 17:05 Shanghai on the first working day whose 17:05, less `lead` ms, is still ahead: results published now (or
 * `lead` before it) come before the digest, and the clock never goes back before the demo organisation was set up
 * (its supervisions begin when the seed ran, so an earlier clock would find no reviewing leader).
 */
export function nextDigestTime(after = Date.now(), lead = 0): Date {
  const calendar = createCalendar();
  for (let day = 0; ; day++) {
    const date = shanghaiDate(after + day * 86_400_000);
    const at = new Date(`${date}T17:05:00+08:00`);
    if (at.getTime() - lead > after && calendar.isWorkingDay(date).value) return at;
  }
}

/** Publishes `n` results now (companies; one natural person among them when `withPerson`). */
export async function publishResults(ctx: Ctx, n: number, withPerson = false): Promise<string[]> {
  const ids: string[] = [];
  const today = shanghaiDate(Date.now());
  for (let i = 0; i < n; i++) {
    const entry =
      withPerson && i === 0
        ? personPenalty({ decisionDate: today })
        : companyPenalty({ decisionDate: today });
    const id = await create(ctx.call, entry);
    await passAll(ctx.call, id);
    ids.push(id);
  }
  return ids;
}

export async function setClock(ctx: Ctx, at: Date | null): Promise<void> {
  await ctx.emu.post('/_emulator/clock', { now: at ? at.toISOString() : null });
}

/** One timer run of the scheduler (every timer action, as the trigger does). */
export async function timer(ctx: Ctx): Promise<any> {
  return (await ctx.emu.post('/timer/scheduler', {})).body;
}

/** Delivers what is due at `now` (the scheduler's handlers), as the timer's outbox.deliver does. */
export function deliver(ctx: Ctx, now = new Date()) {
  return deliverOutbox(ctx.db, now, { handlers: [...OUTBOX_HANDLERS, ...OFFICIAL_ACCOUNT_HANDLERS] });
}

export const faults = (ctx: Ctx, spec: Record<string, unknown>) =>
  ctx.emu.post('/_emulator/wechat-faults', spec);

/** Calls WeChat performed (answered errcode 0, or performed with the answer lost) to `path`. */
export async function performed(ctx: Ctx, path: string) {
  return (await wechatCalls(ctx.emu, path)).filter(
    (c: any) => c.fault !== 'errcode' && c.fault !== 'timeout' && !(c.answer?.errcode > 0),
  );
}

export const staff = (ctx: Ctx, action: string, payload: unknown = {}) =>
  ctx.call.staff(PARTY_OFFICE, action, payload);

let lastDigestAt = 0;

/**
 * Results published at 16:05 on the next digest day (each call a later working day), the clock then at 17:05,
 * the digest prepared by the timer and its draft made: the digest id and the time.
 */
export async function readyDigest(ctx: Ctx, n = 2, makeDraft = true): Promise<{ id: string; at: Date }> {
  // 70 minutes: the results go out an hour before, with ten minutes' room for the test's own run time.
  const at = nextDigestTime(Math.max(Date.now(), lastDigestAt), 70 * 60_000);
  lastDigestAt = at.getTime();
  await setClock(ctx, new Date(at.getTime() - 3600_000));
  await publishResults(ctx, n);
  await setClock(ctx, at);
  const first = await timer(ctx);
  const id = first.data['officialAccount.prepare'].data.digestId as string;
  if (makeDraft) await deliver(ctx);
  return { id, at };
}

/** Moves the emulator clock `minutes` past `at` (the test process's Date follows). */
export const later = (ctx: Ctx, at: Date, minutes: number) =>
  setClock(ctx, new Date(at.getTime() + minutes * 60_000));
