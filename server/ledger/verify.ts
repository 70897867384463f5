/**
 * `ledger.verify`: walks the whole chain in seq order, page by page, recomputing every entry's hash and link and
 * comparing it with the anchors the auditor kept; then checks that every ledgered entity's CURRENT document is
 * the state its latest entry committed to (DESIGN.md "Data rules"). Answers the first entry or entity that does
 * not match. Nothing is kept between calls: the walk is one call's work.
 */
import type { LedgerAnchor, LedgerEntry } from '../../core/ledger/entry';
import {
  advance,
  anchorsBeyondEnd,
  CHAIN_START,
  checkAnchor,
  checkEntityDocument,
  checkEntry,
  checkHead,
  splitEntity,
  type ChainPosition,
  type LatestState,
  type LedgerBreak,
} from '../../core/ledger/verify';
import type { Database } from '../platform/cloudbase';
import { LEDGER_COLLECTION, storedLedgerHead } from './commit';
import { ledgerHasher, ledgerValueHasher } from './hashing';
import { rowsOf } from '../platform/docs';

/** The server SDK returns at most 1000 documents per query (CloudBase limit). */
const PAGE_SIZE = 1000;

export interface VerifyResult {
  ok: boolean;
  /** Entries walked. */
  checked: number;
  entitiesChecked: number;
  anchorsChecked: number;
  firstBroken?: LedgerBreak;
}

export async function verifyLedger(
  db: Database,
  anchors: readonly LedgerAnchor[] = [],
): Promise<VerifyResult> {
  const anchorBySeq = new Map(anchors.map((a) => [a.seq, a]));
  const latest = new Map<string, LatestState>();
  const result: VerifyResult = { ok: true, checked: 0, entitiesChecked: 0, anchorsChecked: 0 };
  const fail = (broken: LedgerBreak): VerifyResult => ({ ...result, ok: false, firstBroken: broken });

  let position: ChainPosition = CHAIN_START;
  for (;;) {
    const page = await entriesAfter(db, position.nextSeq - 1);
    for (const entry of page) {
      const reason =
        checkEntry(entry, position, ledgerHasher) ?? checkAnchor(entry, anchorBySeq.get(entry.seq));
      if (reason) return fail({ seq: entry.seq, reason });
      if (anchorBySeq.has(entry.seq)) result.anchorsChecked += 1;
      latest.set(entry.entity, {
        seq: entry.seq,
        rev: entry.rev,
        stateHash: entry.stateHash,
        alg: entry.alg,
      });
      position = advance(entry);
      result.checked += 1;
    }
    if (page.length < PAGE_SIZE) break;
  }
  const headBreak = checkHead(await storedLedgerHead(db), position) ?? anchorsBeyondEnd(anchors, position);
  if (headBreak) return fail(headBreak);

  const entityBreak = await checkEntities(db, latest, result);
  return entityBreak ? fail(entityBreak) : result;
}

async function entriesAfter(db: Database, seq: number): Promise<LedgerEntry[]> {
  const _ = db.command;
  const res = await db
    .collection(LEDGER_COLLECTION)
    .where({ seq: _.gt(seq) })
    .orderBy('seq', 'asc')
    .limit(PAGE_SIZE)
    .get();
  return rowsOf<LedgerEntry>(res);
}

/**
 * Every collection the ledger mentions is read whole, in _id order: each document must match its latest entry,
 * a document with no entry at all was inserted behind the system's back, and an entry whose document is gone
 * names a deletion.
 */
async function checkEntities(
  db: Database,
  latest: Map<string, LatestState>,
  result: VerifyResult,
): Promise<LedgerBreak | null> {
  const byCollection = new Map<string, Set<string>>();
  for (const entity of latest.keys()) {
    const { collection, id } = splitEntity(entity);
    if (!byCollection.has(collection)) byCollection.set(collection, new Set());
    byCollection.get(collection)!.add(id);
  }
  for (const collection of [...byCollection.keys()].sort()) {
    const unseen = byCollection.get(collection)!;
    let lastId: string | null = null;
    for (;;) {
      const page = await documentsAfter(db, collection, lastId);
      for (const doc of page) {
        const id = String(doc._id);
        const entity = `${collection}/${id}`;
        const state = latest.get(entity);
        if (!state) return { entity, reason: '记录在台账中没有任何条目（绕过系统写入）' };
        const reason = checkEntityDocument(collection, doc, state, ledgerValueHasher);
        if (reason) return { entity, seq: state.seq, reason };
        unseen.delete(id);
        result.entitiesChecked += 1;
      }
      if (page.length < PAGE_SIZE) break;
      lastId = String(page[page.length - 1]!._id);
    }
    const missing = [...unseen].sort()[0];
    if (missing !== undefined) {
      const entity = `${collection}/${missing}`;
      const state = latest.get(entity)!;
      return {
        entity,
        seq: state.seq,
        reason: checkEntityDocument(collection, null, state, ledgerValueHasher)!,
      };
    }
  }
  return null;
}

async function documentsAfter(
  db: Database,
  collection: string,
  lastId: string | null,
): Promise<Array<Record<string, unknown>>> {
  const _ = db.command;
  const query = lastId === null ? {} : { _id: _.gt(lastId) };
  const res = await db.collection(collection).where(query).orderBy('_id', 'asc').limit(PAGE_SIZE).get();
  return rowsOf<Record<string, unknown>>(res);
}
