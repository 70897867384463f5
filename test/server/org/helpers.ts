/** Shared by the organisation tests: a seeded emulator and a short way to call the `staff` function. */
import { randomUUID } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

export async function startSeededEmulator(): Promise<TestEmulator> {
  return startTestEmulator({ seed: true });
}

export function staffCaller(emu: TestEmulator) {
  // Answers are asserted field by field in each test, like the shared emulator helper's `call`.

  return <T = any>(
    openid: string | undefined,
    action: string,
    payload: unknown = {},
    requestId: string = randomUUID(),
  ) => emu.call<T>('staff', { action, payload, requestId }, openid);
}

/** A fresh WeChat identity nobody has used. */
export const newOpenid = () => `o-test-${randomUUID().slice(0, 12)}`;
