/**
 * The legacy global ledger (`sys_ledger`, one entry per change, one head document): written until per-record
 * chains replaced it, never written since, and still verified with its anchors. A record last changed before the
 * move links its first new event to its last entry here (commit.ts), so its history stays one chain.
 */
import type { LedgerEntry } from '../../core/ledger/entry';
import type { Database } from '../platform/cloudbase';
import { firstOf, getDoc } from '../platform/docs';

export const LEGACY_LEDGER_COLLECTION = 'sys_ledger';
export const LEGACY_HEAD_COLLECTION = 'sys_ledger_head';

/** Legacy ids sort in sequence order as strings too. */
export function ledgerId(seq: number): string {
  return String(seq).padStart(12, '0');
}

/** The entry that left `entity` at revision `rev`, if the legacy ledger has it. */
export async function legacyEntry(db: Database, entity: string, rev: number): Promise<LedgerEntry | null> {
  const res = await db.collection(LEGACY_LEDGER_COLLECTION).where({ entity, rev }).limit(1).get();
  return firstOf<LedgerEntry>(res);
}

/** The legacy head as stored (seq and hash of the last entry), or null when there never was a legacy ledger. */
export async function legacyHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const head = await getDoc<{ seq?: unknown; hash?: unknown }>(db, LEGACY_HEAD_COLLECTION, 'head');
  return head && typeof head.seq === 'number' && typeof head.hash === 'string'
    ? { seq: head.seq, hash: head.hash }
    : null;
}
