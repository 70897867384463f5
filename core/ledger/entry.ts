/**
 * The LEGACY global ledger's entry format (before per-record chains, core/ledger/event.ts; REC-11, REC-16),
 * still verified: each entry commits to the
 * previous entry's hash and to the hash of the entity's state after the change, so a direct edit of an entity,
 * a removed or altered entry, or a re-ordered chain all show. No personal data: actors are salted references.
 */
export const LEDGER_GENESIS_HASH = '0'.repeat(64);

export interface LedgerEntry {
  /** Sequence number, 1-based, gap-free. */
  seq: number;
  at: string;
  /** Salted reference of who acted (`staff:…`, `openid:…`), or `system:<job>`. */
  actor: string;
  action: string;
  /** `<collection>/<id>` */
  entity: string;
  /** The entity's revision after the change. */
  rev: number;
  stateHash: string;
  prevHash: string;
  /** Hash algorithm id of stateHash and hash (sha256 now; sm3 possible). */
  alg: string;
  hash: string;
}

/** The text an entry's own hash is computed over: every field but `hash`, in a fixed order. */
export function entryHashInput(e: Omit<LedgerEntry, 'hash'>): string {
  return [e.seq, e.at, e.actor, e.action, e.entity, e.rev, e.stateHash, e.prevHash, e.alg].join('\n');
}

/** What is hashed as an entity's state: the stored document itself, identified by collection. */
export function entityStateForHash(collection: string, doc: Record<string, unknown>): unknown {
  return { collection, doc };
}

export interface LedgerAnchor {
  /** The Shanghai calendar day the anchor closes. */
  date: string;
  seq: number;
  hash: string;
}
