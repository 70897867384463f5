/**
 * The pure checks of ledger.verify over per-record chains and batches (REC-16: a missing, falsified, edited or
 * deleted record shows). Each answers every break it finds, in words an auditor can act on; hashing and the MAC
 * check are passed in, so an algorithm such as SM3 can be added without touching these rules.
 */
import { canonicalJson } from '../canonical';
import {
  accessHashInput,
  batchHashInput,
  eventHashInput,
  GENESIS_HASH,
  recordStateForHash,
  type AccessEvent,
  type Batch,
  type ChainHead,
  type RecordEvent,
} from './event';

/** Hashes text with the named algorithm; undefined when the algorithm is not supported. */
export type TextHasher = (alg: string, text: string) => string | undefined;
export type MacCheck = (hash: string, mac: unknown) => boolean;

export interface Break {
  /** What is broken: `batch:<chain>/<no>`, an event id, `<collection>/<id>`, `outbox/<id>`, `legacy/<seq>`. */
  ref: string;
  reason: string;
}

export interface ChainPositionOf {
  no: number;
  hash: string;
}

/** A batch against the position its chain reached: number, link, own hash and MAC. */
export function checkBatch(batch: Batch, at: ChainPositionOf, hash: TextHasher, mac: MacCheck): string[] {
  const out: string[] = [];
  if (batch.no !== at.no + 1) out.push(`批次编号不连续（应为第 ${at.no + 1} 批）`);
  if (batch.prevHash !== at.hash) out.push('与前一批次的哈希链接不符');
  const recomputed = hash(batch.alg, batchHashInput(batch));
  if (recomputed === undefined) out.push(`不支持的哈希算法：${String(batch.alg).slice(0, 16)}`);
  else if (recomputed !== batch.hash) out.push('批次内容与其哈希不符（批次被修改）');
  if (!mac(batch.hash, batch.mac)) out.push('批次的校验码不符（批次被伪造或改写）');
  return out;
}

/** An event as listed in a batch: present, unchanged since it was listed, self-consistent, marked with it. */
export function checkListedEvent(
  listed: { id: string; hash: string },
  stored: (RecordEvent | AccessEvent) | undefined,
  batchNo: number,
  isHeadBatch: boolean,
  hash: TextHasher,
  mac: MacCheck,
): string[] {
  if (!stored) return ['批次所列事件已不存在（事件被删除）'];
  const out: string[] = [];
  if (stored.hash !== listed.hash) out.push('事件的哈希与批次所列不符（事件被改写）');
  out.push(...checkEventSelf(stored, hash, mac));
  // The sequencer marks a batch's events right after committing it, and finishes that first on its next run.
  if (stored.batch === null && !isHeadBatch) out.push('事件已入批但未标记批次');
  if (stored.batch !== null && stored.batch !== batchNo)
    out.push(`事件同时出现在第 ${stored.batch} 批与第 ${batchNo} 批`);
  return out;
}

function isAccess(e: RecordEvent | AccessEvent): e is AccessEvent {
  return 'subject' in e;
}

/** The event's own hash recomputed from its fields, and its MAC. */
export function checkEventSelf(e: RecordEvent | AccessEvent, hash: TextHasher, mac: MacCheck): string[] {
  const out: string[] = [];
  const recomputed = hash(e.alg, isAccess(e) ? accessHashInput(e) : eventHashInput(e));
  if (recomputed === undefined) out.push(`不支持的哈希算法：${String(e.alg).slice(0, 16)}`);
  else if (recomputed !== e.hash) out.push('事件内容与其哈希不符（事件被修改）');
  if (!mac(e.hash, e.mac)) out.push('事件的校验码不符（事件被伪造或改写）');
  return out;
}

export interface RecordCheckInput {
  collection: string;
  id: string;
  /** The stored document, or null when it is gone. */
  doc: Record<string, unknown> | null;
  /** The record's events, in revision order. */
  events: RecordEvent[];
  /** The hash of the legacy entry the first event links to, when it names one (null: not found). */
  legacyLink: { seq: number; hash: string; rev: number } | null;
  now: Date;
  maxDelayMs: number;
}

/**
 * One record against its chain: revisions gap-free from its creation (or from its legacy entry), each event
 * linked to the one before, self-consistent, sequenced in order and in time; the stored document is the state the
 * last event committed to, at its revision, naming it as its chain head.
 */
export function checkRecordChain(r: RecordCheckInput, hash: TextHasher, mac: MacCheck): Break[] {
  const entity = `${r.collection}/${r.id}`;
  const out: Break[] = [];
  const add = (ref: string, reason: string) => out.push({ ref, reason });
  let prevHash: string | null = null;
  let prevRev = 0;
  let prevBatch = 0;
  for (const [i, e] of r.events.entries()) {
    if (i === 0) {
      if (e.legacySeq !== null && e.legacySeq !== undefined) {
        if (!r.legacyLink) add(e._id, '事件所接的旧台账条目不存在');
        else if (r.legacyLink.hash !== e.prevHash || r.legacyLink.rev !== e.rev - 1)
          add(e._id, '事件与所接的旧台账条目不符');
        prevRev = e.rev - 1;
      } else if (e.rev !== 1) {
        add(entity, `缺少第 1 至 ${e.rev - 1} 版的事件`);
        prevRev = e.rev - 1;
      } else if (e.prevHash !== GENESIS_HASH) {
        add(e._id, '首个事件不应链接到其他事件');
      }
    } else {
      if (e.rev !== prevRev + 1) add(entity, `缺少第 ${prevRev + 1} 版的事件`);
      if (e.prevHash !== prevHash) add(e._id, '与该记录前一事件的哈希链接不符');
    }
    for (const reason of checkEventSelf(e, hash, mac)) add(e._id, reason);
    if (e.batch === null) {
      if (r.now.getTime() - Date.parse(e.recordedAt) > r.maxDelayMs) add(e._id, '事件超过规定时间仍未入批');
    } else {
      if (e.batch < prevBatch) add(e._id, '事件入批顺序早于该记录的前一事件（顺序错乱）');
      prevBatch = e.batch;
    }
    prevHash = e.hash;
    prevRev = e.rev;
  }
  const last = r.events[r.events.length - 1];
  if (!r.doc) {
    if (last) add(entity, '台账中有此记录的事件，但记录已被删除');
    return out;
  }
  if (!last) {
    add(entity, '记录在台账中没有任何事件（绕过系统写入）');
    return out;
  }
  if (r.doc._rev !== last.rev)
    add(entity, `记录的修订号（${String(r.doc._rev)}）与最后事件（第 ${last.rev} 版）不符`);
  const head = r.doc._chain as ChainHead | undefined;
  if (!head || head.event !== last._id || head.hash !== last.hash)
    add(entity, '记录所存链头不是其最后一个事件');
  const stateHash = hashValueWith(hash, last.alg, recordStateForHash(r.collection, r.doc));
  if (stateHash !== last.stateHash) add(entity, '记录内容与台账中的状态哈希不符（记录被直接修改）');
  return out;
}

/** The canonical-JSON hash of a value, with the hasher given. */
function hashValueWith(hash: TextHasher, alg: string, value: unknown): string | undefined {
  return hash(alg, canonicalJson(value));
}
