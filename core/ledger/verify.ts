/**
 * Pure verification of the legacy global ledger (REC-16; the per-record chains' checks are chain-checks.ts): the
 * checks need no I/O, so they live in
 * core/ and the server only pages entries and documents through them. Hashing is passed in (`Hasher`) so that an
 * algorithm such as SM3 can be added without touching these rules, and core/ stays free of node:crypto.
 */
import {
  entityStateForHash,
  entryHashInput,
  LEDGER_GENESIS_HASH,
  type LedgerAnchor,
  type LedgerEntry,
} from './entry';

/** Hashes text with the named algorithm; `undefined` when the algorithm is not supported. */
export type Hasher = (alg: string, text: string) => string | undefined;

/** Hashes a value's canonical JSON with the named algorithm; `undefined` when not supported. */
export type ValueHasher = (alg: string, value: unknown) => string | undefined;

/** The first thing that does not match: an entry (by seq) or an entity (`<collection>/<id>`). */
export interface LedgerBreak {
  seq?: number;
  entity?: string;
  reason: string;
}

/** Where the walk stands: the seq the next entry must carry and the hash it must link to. */
export interface ChainPosition {
  nextSeq: number;
  prevHash: string;
}

export const CHAIN_START: ChainPosition = { nextSeq: 1, prevHash: LEDGER_GENESIS_HASH };

/** What the ledger last said about an entity: its revision and state hash after the latest change. */
export interface LatestState {
  seq: number;
  rev: number;
  stateHash: string;
  alg: string;
}

/** Checks one entry against the position the chain reached; answers the reason it breaks, or null. */
export function checkEntry(entry: LedgerEntry, at: ChainPosition, hash: Hasher): string | null {
  if (entry.seq !== at.nextSeq) {
    return entry.seq > at.nextSeq
      ? `缺少第 ${at.nextSeq} 号条目`
      : `条目序号重复或错位（应为 ${at.nextSeq}）`;
  }
  if (entry.prevHash !== at.prevHash) return '与前一条目的哈希链接不符';
  const recomputed = hash(entry.alg, entryHashInput(entry));
  if (recomputed === undefined) return `不支持的哈希算法：${String(entry.alg).slice(0, 16)}`;
  if (recomputed !== entry.hash) return '条目内容与其哈希不符（条目被修改）';
  return null;
}

export function advance(entry: LedgerEntry): ChainPosition {
  return { nextSeq: entry.seq + 1, prevHash: entry.hash };
}

/** The anchor kept outside the database for this seq, if any, must name exactly this entry's hash. */
export function checkAnchor(entry: LedgerEntry, anchor: LedgerAnchor | undefined): string | null {
  if (!anchor) return null;
  return anchor.hash === entry.hash ? null : `与 ${anchor.date} 的外部锚点不符（台账被改写）`;
}

/** After the walk: anchors pointing past the end of the chain mean entries were removed. */
export function anchorsBeyondEnd(anchors: readonly LedgerAnchor[], end: ChainPosition): LedgerBreak | null {
  const beyond = anchors.filter((a) => a.seq >= end.nextSeq).sort((a, b) => a.seq - b.seq)[0];
  return beyond ? { seq: beyond.seq, reason: `台账缺少 ${beyond.date} 锚点所指的条目（台账被截短）` } : null;
}

/** The stored head must name the last entry walked; otherwise entries were cut off or the head was moved. */
export function checkHead(
  head: { seq: number; hash: string } | null,
  end: ChainPosition,
): LedgerBreak | null {
  const seq = head?.seq ?? 0;
  const hash = head?.hash ?? LEDGER_GENESIS_HASH;
  if (seq === end.nextSeq - 1 && hash === end.prevHash) return null;
  return {
    seq: Math.min(seq, end.nextSeq - 1) + 1,
    reason: '台账头与最后一个条目不符（条目被删除或头被改动）',
  };
}

/**
 * An entity's current document must be what its latest entry says: same revision and same state hash, so an edit
 * made behind the system's back, or a deleted document, shows.
 */
export function checkEntityDocument(
  collection: string,
  doc: Record<string, unknown> | null,
  latest: LatestState,
  hashValue: ValueHasher,
): string | null {
  if (!doc) return '记录已被删除，但台账中有它的条目';
  if (doc._rev !== latest.rev)
    return `记录的版本号与台账不符（台账 ${latest.rev}，记录 ${String(doc._rev)}）`;
  const recomputed = hashValue(latest.alg, entityStateForHash(collection, doc));
  if (recomputed === undefined) return `不支持的哈希算法：${latest.alg.slice(0, 16)}`;
  return recomputed === latest.stateHash ? null : '记录内容与台账中的状态哈希不符（记录被直接修改）';
}

/** Splits `<collection>/<id>` (ids may not contain `/`, collection names never do). */
export function splitEntity(entity: string): { collection: string; id: string } {
  const slash = entity.indexOf('/');
  return { collection: entity.slice(0, slash), id: entity.slice(slash + 1) };
}
