/**
 * Complaint figures of a year for the annual enforcement data (PUB-14): complaints and reports
 * received in the year (Beijing time), how many were accepted (accepted or since closed) and how many closed.
 * Reads by the `sortKey` index (`<receivedAt ISO>_<id>`), the status field only, in pages: no personal data.
 */
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { COMPLAINTS_COLLECTION } from './model';

const PAGE = 1000;

export async function complaintYearCounts(
  db: Database,
  year: number,
): Promise<{ received: number; accepted: number; closed: number }> {
  const _ = db.command;
  const from = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
  const out = { received: 0, accepted: 0, closed: 0 };
  for (let after = from; ;) {
    const rows = rowsOf<{ sortKey: string; status: string }>(
      await db
        .collection(COMPLAINTS_COLLECTION)
        .where({ sortKey: _.gt(after).and(_.lt(to)) })
        .orderBy('sortKey', 'asc')
        .limit(PAGE)
        .field({ sortKey: true, status: true })
        .get(),
    );
    for (const r of rows) {
      out.received++;
      if (r.status === 'accepted' || r.status === 'closed') out.accepted++;
      if (r.status === 'closed') out.closed++;
    }
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.sortKey;
  }
}
