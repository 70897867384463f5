/**
 * Sealing personal data into a record (see keys.ts): `sealPersonalData` answers the ciphertext to store on the
 * record, `openPersonalData` reads it back (null once erased), `erasePersonalData` deletes the record's key. The
 * erasure itself is a state change: it is written to the ledger (an `sys_erasures` entity naming the record by a
 * hash, no personal data) before the key is deleted.
 */
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import {
  deleteRecordKey,
  gcmDecrypt,
  gcmEncrypt,
  loadRecordKey,
  obtainRecordKey,
  recordKeyId,
  type GcmBox,
} from './keys';

export const ERASURE_COLLECTION = 'sys_erasures';

/** What a record stores in place of the plaintext; the record reference is its GCM AAD, binding it to the record. */
export interface SealedPersonalData extends GcmBox {
  v: 1;
  alg: 'A256GCM';
}

export async function sealPersonalData(
  db: Database,
  recordRef: string,
  plaintext: Record<string, unknown>,
  now: Date = new Date(),
): Promise<SealedPersonalData> {
  const key = await obtainRecordKey(db, recordRef, now);
  const box = gcmEncrypt(key, Buffer.from(JSON.stringify(plaintext), 'utf8'), recordRef);
  return { v: 1, alg: 'A256GCM', ...box };
}

/** The plaintext, or null when the record's key has been erased. */
export async function openPersonalData<T = Record<string, unknown>>(
  db: Database,
  recordRef: string,
  sealed: SealedPersonalData,
): Promise<T | null> {
  const key = await loadRecordKey(db, recordRef);
  if (!key) return null;
  return JSON.parse(gcmDecrypt(key, sealed, recordRef).toString('utf8')) as T;
}

export interface ErasureMeta {
  actor: string;
  at: Date;
  /** Why (a legal ground code such as `pipl-47-retention-ended`), never personal data. */
  ground: string;
}

/** Erases the record's personal data for good. Repeating it is harmless. */
export async function erasePersonalData(db: Database, recordRef: string, meta: ErasureMeta): Promise<void> {
  const id = recordKeyId(recordRef);
  try {
    await commitChange(db, {
      actor: meta.actor,
      action: 'privacy.erase',
      at: meta.at,
      entities: [
        {
          collection: ERASURE_COLLECTION,
          id,
          expectedRev: null,
          state: { ground: meta.ground, erasedAt: meta.at },
        },
      ],
    });
  } catch (err) {
    // Already recorded by an earlier call that may not have got as far as deleting the key: finish its work.
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
  }
  await deleteRecordKey(db, recordRef);
}
