/**
 * The audit trail's format (REC-11, REC-16; docs/ledger.md): every state change of a record writes, in the same
 * transaction as the record, an event on that record's own chain (fixed id `<collection>/<id>/<rev>`, linked to
 * the record's previous event, carrying the record's state hash); a sequencer later lists pending events in
 * batches that form one global chain per kind (`records`, `access`). No write waits on a global document. Pure:
 * hashing and the MAC are passed in, so SHA-256 or SM3 can serve, and core stays free of node:crypto.
 */
import { canonicalJson } from '../canonical';

export const GENESIS_HASH = '0'.repeat(64);

/** Batches of state-change events, and of access events (views, openings, failed attempts: not state changes). */
export const CHAINS = ['records', 'access'] as const;
export type ChainName = (typeof CHAINS)[number];

/** What a record carries of its own chain, so a change needs no query inside its transaction. */
export interface ChainHead {
  /** Id of the record's latest event. */
  event: string;
  hash: string;
}

export interface EventBody {
  /** `<collection>/<id>` */
  entity: string;
  /** The record's revision after the change (1 for its creation). */
  rev: number;
  /** Salted reference of who acted (`staff:…`, `openid:…`), or `system:<job>`. */
  actor: string;
  action: string;
  /** When the act happened (an act may be entered later than it happened: deadlines run from the act). */
  actedAt: string;
  /** When the system recorded it. */
  recordedAt: string;
  /** Hash of the record's state after the change (without `_rev` and its chain head). */
  stateHash: string;
  /** Hash of the record's previous event; for a record's first event since the move, its last legacy entry's. */
  prevHash: string;
  /** Seq of the legacy ledger entry `prevHash` names, when the record was last changed before the move. */
  legacySeq: number | null;
  alg: string;
}

export interface RecordEvent extends EventBody {
  _id: string;
  hash: string;
  /** HMAC of `hash` with a key only the functions hold: database access alone cannot forge a consistent chain. */
  mac: string;
  /** The batch that sequenced it; null until the sequencer has (indexed: the sequencer lists these). */
  batch: number | null;
}

export interface AccessBody {
  /** What was accessed, e.g. `complaints/<id>`. */
  subject: string;
  actor: string;
  action: string;
  actedAt: string;
  recordedAt: string;
  alg: string;
}

export interface AccessEvent extends AccessBody {
  _id: string;
  hash: string;
  mac: string;
  batch: number | null;
}

export interface BatchBody {
  chain: ChainName;
  no: number;
  /** The events, in order, with the hashes stored when they were written. */
  events: Array<{ id: string; hash: string }>;
  prevHash: string;
  alg: string;
  createdAt: string;
}

export interface Batch extends BatchBody {
  _id: string;
  hash: string;
  mac: string;
}

export interface BatchAnchor {
  chain: ChainName;
  no: number;
  hash: string;
}

export const eventId = (collection: string, id: string, rev: number): string => `${collection}/${id}/${rev}`;

/** Batch ids sort in order as strings too. */
export const batchId = (chain: ChainName, no: number): string => `${chain}-${String(no).padStart(12, '0')}`;

export function eventHashInput(e: EventBody): string {
  return canonicalJson({
    entity: e.entity,
    rev: e.rev,
    actor: e.actor,
    action: e.action,
    actedAt: e.actedAt,
    recordedAt: e.recordedAt,
    stateHash: e.stateHash,
    prevHash: e.prevHash,
    legacySeq: e.legacySeq,
    alg: e.alg,
  });
}

export function accessHashInput(e: AccessBody): string {
  return canonicalJson({
    subject: e.subject,
    actor: e.actor,
    action: e.action,
    actedAt: e.actedAt,
    recordedAt: e.recordedAt,
    alg: e.alg,
  });
}

export function batchHashInput(b: BatchBody): string {
  return canonicalJson({
    chain: b.chain,
    no: b.no,
    events: b.events.map((e) => [e.id, e.hash]),
    prevHash: b.prevHash,
    alg: b.alg,
    createdAt: b.createdAt,
  });
}

/** What is hashed as a record's state: the stored document without its revision and chain head. */
export function recordStateForHash(collection: string, doc: Record<string, unknown>): unknown {
  const { _rev: _r, _chain: _c, ...state } = doc;
  return { collection, state };
}
