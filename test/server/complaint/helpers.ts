/** Shared by the complaint tests: calls as a citizen or staff member, photo uploads, direct reads through the SDK. */
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { clientUpload } from '../../emulator/storage/helpers';

export const newOpenid = () => `o-cmp-${randomUUID().slice(0, 12)}`;

export const REAL_NAME = '欧阳明远';
export const REAL_PHONE = '13987654321';

export function callers(emu: TestEmulator) {
  return {
    citizen: <T = any>(openid: string, action: string, payload: unknown = {}, requestId = randomUUID()) =>
      emu.call<T>('citizen', { action, payload, requestId }, openid),
    staff: <T = any>(openid: string, action: string, payload: unknown = {}, requestId = randomUUID()) =>
      emu.call<T>('staff', { action, payload, requestId }, openid),
    publicCall: <T = any>(action: string, payload: unknown = {}) =>
      emu.call<T>('public', { action, payload, requestId: randomUUID() }, 'o-public-reader'),
  };
}

export function submission(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    category: '医疗机构与医疗美容',
    subject: { name: '某某医疗美容诊所', address: '万州区某某路 88 号' },
    description: '该诊所无资质开展注射美容项目，造成本人面部红肿，要求处理。',
    contact: { anonymous: false, name: REAL_NAME, phone: REAL_PHONE },
    ...overrides,
  };
}

/** Uploads into the caller's quarantine path as the mini-program would; answers the fileID. */
export async function uploadPhoto(
  emu: TestEmulator,
  openid: string,
  bytes: Buffer,
  name = `${randomUUID()}.jpg`,
) {
  const res = await clientUpload(emu, openid, `quarantine/${openid}/${name}`, bytes);
  expect(res.status).toBe(200);
  return res.body.fileID as string;
}

export function sdkApp() {
  return tcb.init({ env: process.env.TCB_ENV ?? 'local-emulator' });
}

export async function storedComplaint(trackingNo: string): Promise<any> {
  const res = await sdkApp().database().collection('complaints').where({ trackingNo }).limit(1).get();
  return (res.data as any[])[0];
}

/** Every document of a (small) collection, through the SDK. */
export async function allDocs(collection: string): Promise<any[]> {
  const coll = sdkApp().database().collection(collection);
  const out: any[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = ((await coll.skip(skip).limit(1000).get()).data ?? []) as any[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/**
 * A seeded emulator for the whole test file, with callers and the functions' log lines silenced; the clock is
 * reset after each test. Use the returned object's properties inside tests (they are set in beforeAll).
 */
export function useSeededEmulator(): { emu: TestEmulator; call: ReturnType<typeof callers> } {
  const ctx = {} as { emu: TestEmulator; call: ReturnType<typeof callers> };
  beforeAll(async () => {
    ctx.emu = await startTestEmulator({ seed: true });
    ctx.call = callers(ctx.emu);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    // Seeding runs every demo action through the functions: on a loaded machine it can take longer than a test.
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await ctx.emu.stop();
  });
  afterEach(() => ctx.emu.post('/_emulator/clock', { now: null }));
  return ctx;
}
