/**
 * Publication of the ledger's daily anchor. For now the public feed is the anchors collection itself (the public
 * `ledger.head` answers from it): delivering marks the anchor published, which is harmless to repeat, so this
 * delivery is exactly once by nature. The official-account digest is a later issue and will add an article here.
 */
import { ANCHOR_COLLECTION } from '../../ledger/anchor-store';
import type { OutboxHandler } from '../registry';

export interface LedgerAnchorPayload extends Record<string, unknown> {
  date: string;
  chains: Record<string, { no: number; hash: string }>;
  legacy: { seq: number; hash: string } | null;
  alg: string;
}

export const ledgerAnchorHandler: OutboxHandler = {
  kind: 'ledgerAnchor',
  async deliver({ db, now, record }) {
    const anchor = record.payload as LedgerAnchorPayload;
    const res = await db.collection(ANCHOR_COLLECTION).doc(anchor.date).update({ publishedAt: now });
    if (Number(res.updated ?? 0) === 0) return { status: 'failed', code: 'anchorMissing' };
    return { status: 'sent', result: { publishedAt: now.toISOString() } };
  },
};
