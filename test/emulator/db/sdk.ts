/** Shared setup for the database conformance suite: an emulator with the fixture config and the REAL node-sdk. */
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import type { EmulatorOptions } from '../../../emulator/context';

export const FIXTURE_CONFIG = path.join(__dirname, 'fixture-database.json');

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export async function startDbEmulator(
  overrides: Partial<EmulatorOptions> = {},
): Promise<{ emu: TestEmulator; db: Db }> {
  process.env.EMULATOR_DB_CONFIG = FIXTURE_CONFIG;
  const emu = await startTestEmulator(overrides);
  // After start: startEmulator sets TCB_CONTEXT_CNFG, which the SDK reads on every request.
  const db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database();
  return { emu, db };
}

/** The error the SDK throws for an error answer ({code, message, requestId}). */
export async function sdkError(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; requestId?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; message: string; requestId?: string };
  }
  throw new Error('expected the SDK call to fail');
}

/** The transaction object runTransaction passes (the SDK types it as `any`). */
export interface TxHandle {
  collection(name: string): ReturnType<Db['collection']>;
  rollback(reason?: unknown): Promise<unknown>;
}
