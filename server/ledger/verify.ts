/**
 * `ledger.verify` (REC-11, REC-16; docs/ledger.md): checks the audit trail in chunks that resume across calls
 * (each call does a bounded amount of work and answers a cursor), naming EVERY break it finds:
 *
 * 1. `batches`: each global chain from the anchor the auditor supplies (the database's own copy of it could be
 *    rewritten) or from the start: links, hashes, MACs, every listed event present and unchanged and in exactly
 *    one batch, and the stored head at the last batch;
 * 2. `records`: every record of every ledgered collection against its own chain, always over all records (a
 *    record last changed before the latest anchor and then edited shows too);
 * 3. `outbox`: every message written with a change names an event that still exists;
 * 4. `legacy`: the legacy ledger (before per-record chains), walked and checked against its anchor.
 */
import {
  checkBatch,
  checkListedEvent,
  checkRecordChain,
  type Break,
  type ChainPositionOf,
} from '../../core/ledger/chain-checks';
import {
  batchId,
  CHAINS,
  GENESIS_HASH,
  type AccessEvent,
  type Batch,
  type ChainName,
  type RecordEvent,
} from '../../core/ledger/event';
import type { LedgerEntry } from '../../core/ledger/entry';
import {
  advance,
  checkAnchor,
  checkEntityDocument,
  checkEntry,
  checkHead,
  type ChainPosition,
  type LatestState,
} from '../../core/ledger/verify';
import type { LedgerVerifyAnchor, VerifyResult } from '../../core/contract/ledger';
import { OUTBOX_COLLECTION } from '../outbox/types';
import type { Database } from '../platform/cloudbase';
import { getDoc, rowsOf } from '../platform/docs';
import { LEDGERED_COLLECTIONS } from './collections';
import { EVENTS_COLLECTION } from './commit';
import { ledgerHasher, ledgerValueHasher } from './hashing';
import { LEGACY_LEDGER_COLLECTION, legacyHead } from './legacy';
import { macMatches } from './mac';
import { BATCHES_COLLECTION, chainHead, EVENT_COLLECTIONS, MAX_SEQUENCING_DELAY_MS } from './sequencer';

/** Documents read per page (the SDK answers at most 1000). */
const PAGE = 500;
/** Breaks answered per call; the cursor resumes after them. */
const MAX_BREAKS = 200;

type Phase =
  | { phase: 'batches'; chain: ChainName; at: ChainPositionOf | null }
  | { phase: 'records'; collection: string; afterId: string }
  | { phase: 'outbox'; afterId: string }
  | { phase: 'legacy'; at: ChainPosition | null }
  | { phase: 'done' };

export interface VerifyRequest {
  anchor?: LedgerVerifyAnchor;
  cursor?: string;
  /** Pages of work this call may do (tests make it small to prove resumption). */
  pages?: number;
  /** Time this call may spend; the rest resumes from the cursor (the staff function times out at 20 s). */
  budgetMs?: number;
}

/** Well inside the staff function's 20 s timeout, at a CloudBase-like database latency (bench/results.md). */
const CALL_BUDGET_MS = 12_000;

export class BadCursor extends Error {}

export async function verifyLedger(db: Database, now: Date, req: VerifyRequest): Promise<VerifyResult> {
  let state: Phase = req.cursor ? decodeCursor(req.cursor) : { phase: 'batches', chain: CHAINS[0], at: null };
  const result: VerifyResult = { done: false, ok: true, cursor: null, breaks: [], checked: emptyCounts() };
  const add = (b: Break) => {
    result.ok = false;
    if (result.breaks.length < MAX_BREAKS) result.breaks.push(b);
  };
  let pages = req.pages ?? 40;
  const started = Date.now();
  const budget = req.budgetMs ?? CALL_BUDGET_MS;
  while (
    state.phase !== 'done' &&
    pages > 0 &&
    result.breaks.length < MAX_BREAKS &&
    Date.now() - started < budget
  ) {
    pages -= 1;
    state = await step(db, now, req.anchor, state, result, add);
  }
  result.done = state.phase === 'done';
  result.cursor = result.done ? null : encodeCursor(state);
  return result;
}

function emptyCounts(): VerifyResult['checked'] {
  return { batches: 0, events: 0, records: 0, outboxRows: 0, legacyEntries: 0 };
}

const mac = macMatches;

async function step(
  db: Database,
  now: Date,
  anchor: LedgerVerifyAnchor | undefined,
  s: Exclude<Phase, { phase: 'done' }>,
  result: VerifyResult,
  add: (b: Break) => void,
): Promise<Phase> {
  switch (s.phase) {
    case 'batches':
      return batchesStep(db, anchor, s, result, add);
    case 'records':
      return recordsStep(db, now, s, result, add);
    case 'outbox':
      return outboxStep(db, s, result, add);
    case 'legacy':
      return legacyStep(db, anchor, s, result, add);
  }
}

// ---- 1. batches -------------------------------------------------------------------------------------------------

async function batchesStep(
  db: Database,
  anchor: LedgerVerifyAnchor | undefined,
  s: { chain: ChainName; at: ChainPositionOf | null },
  result: VerifyResult,
  add: (b: Break) => void,
): Promise<Phase> {
  let at = s.at;
  if (!at) {
    const kept = anchor?.chains?.[s.chain];
    at = kept ? await startAtAnchor(db, s.chain, kept, add) : { no: 0, hash: GENESIS_HASH };
  }
  const head = await chainHead(db, s.chain);
  const _ = db.command;
  const batches = rowsOf<Batch>(
    await db
      .collection(BATCHES_COLLECTION)
      .where({ chain: s.chain, no: _.gt(at.no) })
      .orderBy('no', 'asc')
      .limit(20)
      .get(),
  );
  for (const batch of batches) {
    const ref = `batch:${s.chain}/${batch.no}`;
    for (const reason of checkBatch(batch, at, ledgerHasher, mac)) add({ ref, reason });
    const stored = await eventsById<RecordEvent | AccessEvent>(
      db,
      EVENT_COLLECTIONS[s.chain],
      batch.events.map((e) => e.id),
    );
    for (const listed of batch.events) {
      const event = stored.get(listed.id);
      for (const reason of checkListedEvent(
        listed,
        event,
        batch.no,
        batch.no === head.no,
        ledgerHasher,
        mac,
      )) {
        add({ ref: listed.id, reason });
      }
    }
    result.checked.batches += 1;
    result.checked.events += batch.events.length;
    at = { no: batch.no, hash: batch.hash };
  }
  if (batches.length === 20) return { phase: 'batches', chain: s.chain, at };
  if (head.no !== at.no || head.hash !== at.hash) {
    add({ ref: `batch:${s.chain}/head`, reason: `链头（第 ${head.no} 批）不是最后一批（第 ${at.no} 批）` });
  }
  await checkUnsequencedAccess(db, s.chain, add);
  const next = CHAINS[CHAINS.indexOf(s.chain) + 1];
  if (next) return { phase: 'batches', chain: next, at: null };
  return { phase: 'records', collection: LEDGERED_COLLECTIONS[0]!, afterId: '' };
}

async function startAtAnchor(
  db: Database,
  chain: ChainName,
  kept: { no: number; hash: string },
  add: (b: Break) => void,
): Promise<ChainPositionOf> {
  if (kept.no === 0) return { no: 0, hash: GENESIS_HASH };
  const batch = await getDoc<Batch>(db, BATCHES_COLLECTION, batchId(chain, kept.no));
  if (!batch) add({ ref: `batch:${chain}/${kept.no}`, reason: '外部锚点所指的批次已不存在（链被截短）' });
  else if (batch.hash !== kept.hash) {
    add({ ref: `batch:${chain}/${kept.no}`, reason: '与外部锚点不符（链被改写）' });
  }
  // From the anchor on, the auditor's copy is what the next batch must link to.
  return { no: kept.no, hash: kept.hash };
}

/** Access events never sit in a record's chain, so their sequencing delay is checked here. */
async function checkUnsequencedAccess(
  db: Database,
  chain: ChainName,
  add: (b: Break) => void,
): Promise<void> {
  if (chain !== 'access') return;
  const oldest = rowsOf<AccessEvent>(
    await db
      .collection(EVENT_COLLECTIONS.access)
      .where({ batch: null })
      .orderBy('recordedAt', 'asc')
      .limit(1)
      .get(),
  )[0];
  if (oldest && Date.now() - Date.parse(oldest.recordedAt) > MAX_SEQUENCING_DELAY_MS) {
    add({ ref: oldest._id, reason: '访问事件超过规定时间仍未入批' });
  }
}

async function eventsById<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: string[],
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const _ = db.command;
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const res = await db
      .collection(collection)
      .where({ _id: _.in(chunk) })
      .limit(100)
      .get();
    for (const e of rowsOf<T>(res)) out.set(e._id, e);
  }
  return out;
}

// ---- 2. records ---------------------------------------------------------------------------------------------------

async function recordsStep(
  db: Database,
  now: Date,
  s: { collection: string; afterId: string },
  result: VerifyResult,
  add: (b: Break) => void,
): Promise<Phase> {
  const _ = db.command;
  const docs = rowsOf<Record<string, unknown> & { _id: string }>(
    await db
      .collection(s.collection)
      .where(s.afterId ? { _id: _.gt(s.afterId) } : {})
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get(),
  );
  const last = docs.length === PAGE ? docs[docs.length - 1]!._id : null;
  // Events of this page's records, and (on the collection's last page) of records deleted after its last one.
  const from = `${s.collection}/${s.afterId}`;
  const upTo = last === null ? _.lt(`${s.collection}0`) : _.lte(`${s.collection}/${last}`);
  const events = await eventsInRange(db, _.and(_.gt(from), upTo));
  const byId = new Map<string, RecordEvent[]>();
  for (const e of events) {
    const id = e.entity.slice(s.collection.length + 1);
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id)!.push(e);
  }
  const ids = new Set([...docs.map((d) => d._id), ...byId.keys()]);
  const docById = new Map(docs.map((d) => [d._id, d]));
  for (const id of [...ids].sort()) {
    const chain = byId.get(id) ?? [];
    const first = chain[0];
    const legacyLink =
      first?.legacySeq !== null && first?.legacySeq !== undefined
        ? await legacyLinkOf(db, first.legacySeq)
        : null;
    const breaks = checkRecordChain(
      {
        collection: s.collection,
        id,
        doc: docById.get(id) ?? null,
        events: chain,
        legacyLink,
        now,
        maxDelayMs: MAX_SEQUENCING_DELAY_MS,
      },
      ledgerHasher,
      mac,
    );
    const doc = docById.get(id);
    if (chain.length === 0 && doc && !doc._chain) {
      // Untouched since the legacy ledger: its state is the one its last legacy entry committed to.
      const legacy = await latestLegacyEntry(db, `${s.collection}/${id}`);
      if (legacy) {
        const reason = checkEntityDocument(s.collection, doc, legacy, ledgerValueHasher);
        if (reason) add({ ref: `${s.collection}/${id}`, reason });
        result.checked.records += 1;
        continue;
      }
    }
    for (const b of breaks) add(b);
    result.checked.records += 1;
  }
  if (last !== null) return { phase: 'records', collection: s.collection, afterId: last };
  const next = LEDGERED_COLLECTIONS[LEDGERED_COLLECTIONS.indexOf(s.collection) + 1];
  return next ? { phase: 'records', collection: next, afterId: '' } : { phase: 'outbox', afterId: '' };
}

async function eventsInRange(db: Database, entity: unknown): Promise<RecordEvent[]> {
  const out: RecordEvent[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = rowsOf<RecordEvent>(
      await db
        .collection(EVENTS_COLLECTION)
        .where({ entity })
        .orderBy('entity', 'asc')
        .orderBy('rev', 'asc')
        .skip(skip)
        .limit(1000)
        .get(),
    );
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

async function legacyLinkOf(
  db: Database,
  seq: number,
): Promise<{ seq: number; hash: string; rev: number } | null> {
  const entry = rowsOf<LedgerEntry>(
    await db.collection(LEGACY_LEDGER_COLLECTION).where({ seq }).limit(1).get(),
  )[0];
  return entry ? { seq, hash: entry.hash, rev: entry.rev } : null;
}

async function latestLegacyEntry(db: Database, entity: string): Promise<LatestState | null> {
  const res = await db
    .collection(LEGACY_LEDGER_COLLECTION)
    .where({ entity })
    .orderBy('rev', 'desc')
    .limit(1)
    .get();
  const entry = rowsOf<LedgerEntry>(res)[0];
  return entry ? { seq: entry.seq, rev: entry.rev, stateHash: entry.stateHash, alg: entry.alg } : null;
}

// ---- 3. outbox ----------------------------------------------------------------------------------------------------

async function outboxStep(
  db: Database,
  s: { afterId: string },
  result: VerifyResult,
  add: (b: Break) => void,
): Promise<Phase> {
  const _ = db.command;
  const rows = rowsOf<{ _id: string; eventId?: string }>(
    await db
      .collection(OUTBOX_COLLECTION)
      .where(s.afterId ? { _id: _.gt(s.afterId) } : {})
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get(),
  );
  const named = rows.filter((r) => typeof r.eventId === 'string');
  const events = await eventsById(
    db,
    EVENTS_COLLECTION,
    named.map((r) => r.eventId!),
  );
  for (const row of named) {
    if (!events.has(row.eventId!))
      add({ ref: `outbox/${row._id}`, reason: '消息对应的事件已不存在（所记变更被撤销）' });
  }
  result.checked.outboxRows += rows.length;
  if (rows.length === PAGE) return { phase: 'outbox', afterId: rows[rows.length - 1]!._id };
  return { phase: 'legacy', at: null };
}

// ---- 4. legacy ----------------------------------------------------------------------------------------------------

async function legacyStep(
  db: Database,
  anchor: LedgerVerifyAnchor | undefined,
  s: { at: ChainPosition | null },
  result: VerifyResult,
  add: (b: Break) => void,
): Promise<Phase> {
  const at = s.at ?? { nextSeq: 1, prevHash: GENESIS_HASH };
  const _ = db.command;
  const entries = rowsOf<LedgerEntry>(
    await db
      .collection(LEGACY_LEDGER_COLLECTION)
      .where({ seq: _.gt(at.nextSeq - 1) })
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .get(),
  );
  let position = at;
  const kept = anchor?.legacy ? { date: '', seq: anchor.legacy.seq, hash: anchor.legacy.hash } : undefined;
  for (const entry of entries) {
    const reason =
      checkEntry(entry, position, ledgerHasher) ??
      checkAnchor(entry, kept && kept.seq === entry.seq ? kept : undefined);
    if (reason) add({ ref: `legacy/${entry.seq}`, reason });
    position = advance(entry);
    result.checked.legacyEntries += 1;
  }
  if (entries.length === PAGE) return { phase: 'legacy', at: position };
  const headBreak = checkHead(await legacyHead(db), position);
  if (headBreak) add({ ref: 'legacy/head', reason: headBreak.reason });
  if (kept && kept.seq >= position.nextSeq)
    add({ ref: `legacy/${kept.seq}`, reason: '旧台账缺少外部锚点所指的条目（台账被截短）' });
  return { phase: 'done' };
}

// ---- cursor -------------------------------------------------------------------------------------------------------

function encodeCursor(p: Phase): string {
  return Buffer.from(JSON.stringify(p), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Phase {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Phase;
    const known =
      (p.phase === 'batches' && (CHAINS as readonly string[]).includes(p.chain)) ||
      (p.phase === 'records' &&
        LEDGERED_COLLECTIONS.includes(p.collection) &&
        typeof p.afterId === 'string') ||
      (p.phase === 'outbox' && typeof p.afterId === 'string') ||
      p.phase === 'legacy';
    if (!known) throw new BadCursor();
    return p;
  } catch {
    throw new BadCursor();
  }
}
