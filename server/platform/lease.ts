/**
 * A lease document (`sys_leases`), taken in a transaction: one scheduled job's run at a time .
 * It is read and written in one transaction, so two runs starting together cannot both take it (one of them
 * finds it held, or its transaction conflicts and it counts as not taken). It carries an expiry: a run that dies
 * (the function killed at its timeout, an instance lost) never releases it, and it lapses by itself; `token`
 * counts the takings, so a run giving back a lease that lapsed under it never frees a later run's. Correctness never depends on
 * it alone: every write a run makes is still a revision-checked change, so a run whose lease lapsed under it
 * publishes nothing twice; the lease only keeps two runs from doing the same work.
 */
import type { Database } from './cloudbase';
import { isDuplicateWrite } from './db-errors';

/** Leases of scheduled jobs (the scheduler's runs, the sequencer's own). */
export const LEASES_COLLECTION = 'sys_leases';

export interface LeaseDoc {
  _id: string;
  holder: string;
  until: Date;
  token: number;
  takenAt: Date;
}

export interface Lease {
  name: string;
  holder: string;
  token: number;
  until: Date;
}

/** The part of the SDK's transaction object used here (the SDK types it as `any`). */
interface Tx {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(data: Record<string, unknown>): Promise<unknown>;
    };
  };
}

function isConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'DATABASE_TRANSACTION_CONFLICT' || isDuplicateWrite(err);
}

/**
 * Takes lease `name` for `holder` until `now + ttlMs`, unless another holder has it and it has not expired.
 * Answers the lease, or null when it is held (or another run took it in the same instant).
 */
export async function takeLease(
  db: Database,
  name: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<Lease | null> {
  const until = new Date(now.getTime() + ttlMs);
  try {
    return (await db.runTransaction(async (tx: Tx) => {
      const ref = tx.collection(LEASES_COLLECTION).doc(name);
      const current = ((await ref.get()).data ?? null) as Partial<LeaseDoc> | null;
      const heldUntil = current?.until ? new Date(current.until).getTime() : 0;
      if (current && current.holder !== holder && heldUntil > now.getTime()) return null;
      const token = (typeof current?.token === 'number' ? current.token : 0) + 1;
      await ref.set({ holder, until, token, takenAt: now });
      return { name, holder, token, until };
    })) as Lease | null;
  } catch (err) {
    if (isConflict(err)) return null;
    throw err;
  }
}

/** Gives the lease back (only if still this run's): the next run need not wait for it to lapse. */
export async function releaseLease(db: Database, lease: Lease, now: Date): Promise<void> {
  try {
    await db.runTransaction(async (tx: Tx) => {
      const ref = tx.collection(LEASES_COLLECTION).doc(lease.name);
      const current = ((await ref.get()).data ?? null) as Partial<LeaseDoc> | null;
      if (!current || current.holder !== lease.holder || current.token !== lease.token) return;
      await ref.set({ ...stripId(current), until: now });
    });
  } catch {
    // Not released: it lapses at its expiry.
  }
}

function stripId(doc: Partial<LeaseDoc>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
