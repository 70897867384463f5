/**
 * Per-record data keys (个人信息保护法 Art. 19, 47): personal data that may have to be erased is
 * encrypted with a random key of its own record. The key is stored in `sys_record_keys`, wrapped (AES-256-GCM)
 * with the master key from PERSONAL_DATA_MASTER_KEY, which is never in the database. Deleting the record's key
 * makes its ciphertext unreadable for good, while the record, and the ledger's hashes over it, stay as they were.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Database } from '../platform/cloudbase';
import { hashText } from '../platform/crypto';
import { isDuplicateWrite } from '../platform/db-errors';
import { getDoc } from '../platform/docs';

export const RECORD_KEY_COLLECTION = 'sys_record_keys';
const ALGORITHM = 'aes-256-gcm';

/** AES-256-GCM output: base64 iv (12 bytes), ciphertext and tag (16 bytes). */
export interface GcmBox {
  iv: string;
  ct: string;
  tag: string;
}

interface StoredRecordKey {
  _id: string;
  wrapped: GcmBox;
  createdAt: Date;
}

/** The master key: 32 bytes, given as 64 hex characters or base64. */
export function masterKey(): Buffer {
  const raw = process.env.PERSONAL_DATA_MASTER_KEY ?? '';
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new Error('PERSONAL_DATA_MASTER_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

/** The key document's id: a hash of the record reference, so ids are uniform whatever the reference looks like. */
export function recordKeyId(recordRef: string): string {
  return hashText(`record-key\u0000${recordRef}`);
}

export function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): GcmBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function gcmDecrypt(key: Buffer, box: GcmBox, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(box.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
}

/** The record's data key; created (random, then wrapped and stored) on first use. */
export async function obtainRecordKey(db: Database, recordRef: string, now: Date): Promise<Buffer> {
  const existing = await loadRecordKey(db, recordRef);
  if (existing) return existing;
  const dataKey = randomBytes(32);
  const id = recordKeyId(recordRef);
  const stored: Omit<StoredRecordKey, '_id'> = {
    wrapped: gcmEncrypt(masterKey(), dataKey, id),
    createdAt: now,
  };
  try {
    await db.collection(RECORD_KEY_COLLECTION).add({ _id: id, ...stored });
    return dataKey;
  } catch (err) {
    // Another call created the key first: use theirs, so one record never has two keys.
    if (!isDuplicateWrite(err)) throw err;
    const theirs = await loadRecordKey(db, recordRef);
    if (!theirs) throw err;
    return theirs;
  }
}

/** The record's data key, or null once it has been erased (or never existed). */
export async function loadRecordKey(db: Database, recordRef: string): Promise<Buffer | null> {
  const id = recordKeyId(recordRef);
  const stored = await getDoc<StoredRecordKey>(db, RECORD_KEY_COLLECTION, id);
  return stored ? gcmDecrypt(masterKey(), stored.wrapped, id) : null;
}

export async function deleteRecordKey(db: Database, recordRef: string): Promise<void> {
  await db.collection(RECORD_KEY_COLLECTION).doc(recordKeyId(recordRef)).remove();
}
