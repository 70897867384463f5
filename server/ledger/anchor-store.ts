/**
 * The daily anchors of the audit trail (`sys_ledger_anchors`, one document per Shanghai date, _id = date): the
 * head of each global chain (and of the legacy ledger, where there is one) at anchoring time. The copy that
 * matters is the one kept OUTSIDE the database (published, exported to the legal-audit section, REC-16): a
 * consistent rewrite of the database's chains still contradicts it.
 */
import type { ChainName } from '../../core/ledger/event';
import type { Database } from '../platform/cloudbase';
import { firstOf, rowsOf } from '../platform/docs';

export const ANCHOR_COLLECTION = 'sys_ledger_anchors';
/** The export's format id, so an auditor's tool can recognise the file. */
export const ANCHOR_EXPORT_FORMAT = 'ledger-anchors/v2';

export interface StoredAnchor {
  _id: string;
  /** The Shanghai calendar day the anchor closes. */
  date: string;
  chains: Record<ChainName, { no: number; hash: string }>;
  /** The legacy ledger's head, unchanged since per-record chains replaced it; null where there never was one. */
  legacy: { seq: number; hash: string } | null;
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
