/**
 * The daily anchors of the ledger head (`sys_ledger_anchors`, one document per Shanghai date, _id = date). The
 * copy that matters is the one kept OUTSIDE the database (published, exported to the auditor); this collection is
 * where those copies come from.
 */
import type { LedgerAnchor } from '../../core/ledger/entry';
import type { Database } from '../platform/cloudbase';
import { firstOf, rowsOf } from '../platform/docs';

export const ANCHOR_COLLECTION = 'sys_ledger_anchors';
/** The export's format id, so an auditor's tool can recognise the file. */
export const ANCHOR_EXPORT_FORMAT = 'ledger-anchors/v1';

export interface StoredAnchor extends LedgerAnchor {
  _id: string;
  alg: string;
  anchoredAt: Date;
  publishedAt?: Date;
}

export async function latestAnchor(db: Database): Promise<StoredAnchor | null> {
  const res = await db.collection(ANCHOR_COLLECTION).orderBy('date', 'desc').limit(1).get();
  return firstOf<StoredAnchor>(res);
}

/** Every anchor, oldest first (one a day: a few hundred a year, read in pages of 1000). */
export async function allAnchors(db: Database): Promise<StoredAnchor[]> {
  const _ = db.command;
  const out: StoredAnchor[] = [];
  let after = '';
  for (;;) {
    const res = await db
      .collection(ANCHOR_COLLECTION)
      .where({ date: _.gt(after) })
      .orderBy('date', 'asc')
      .limit(1000)
      .get();
    const page = rowsOf<StoredAnchor>(res);
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]!.date;
  }
}
