/**
 * Withdrawn or expired results leave the official account within the withdrawal deadline (PUB-13; 国办发〔2018〕118号
 * on correcting published information): every minute `officialAccount.sweep` looks at the recent digests; an
 * article holding a result that is no longer published (withdrawn, superseded, or its display on this channel
 * ended) is taken out of the digest, and out of what already went out by its index (`freepublish/delete`,
 * `message/mass/delete`) through outbox records whose ids make each removal once. The article's other results,
 * still public, go into the next digest as a corrected article. A draft not yet sent is simply made again
 * without the article when it is sent.
 */
import type { Database } from '../../platform/cloudbase';
import { addOutboxOnce } from '../../outbox';
import { rowsOf, addOnce } from '../../platform/docs';
import { entriesByIds } from '../publication/channel-reads';
import type { EntryRecord } from '../publication/model';
import { CARRY_COLLECTION, DIGESTS_COLLECTION, liveArticles, type DigestDoc } from './model';

/** Digests looked at: the last few weeks' (results are withdrawn within days, not months). */
const RECENT = 30;

export const removalId = (digestId: string, channel: 'publish' | 'mass', index: number) =>
  `oarm_${digestId}_${channel === 'publish' ? 'p' : 'm'}${index}`;

function stillPublic(entry: EntryRecord | undefined): boolean {
  return !!entry && entry.status === 'published' && entry.channels?.officialAccount !== 'withdrawn';
}

export async function sweepDigests(db: Database, now: Date): Promise<{ removed: number; queued: number }> {
  const digests = rowsOf<DigestDoc>(
    await db.collection(DIGESTS_COLLECTION).orderBy('createdAt', 'desc').limit(RECENT).get(),
  );
  let removed = 0;
  let queued = 0;
  for (const digest of digests) {
    const live = liveArticles(digest);
    const ids = live.flatMap(({ article }) => article.results.map((r) => r.entryId));
    const entries = new Map((await entriesByIds(db, ids)).map((e) => [e._id, e]));
    const gone = live.filter(({ article }) =>
      article.results.some((r) => !stillPublic(entries.get(r.entryId))),
    );
    let current = digest;
    if (gone.length > 0) {
      const articles = digest.articles.map((a, i) =>
        gone.some((g) => g.index === i + 1) ? { ...a, removedAt: now.toISOString() } : a,
      );
      const res = await db
        .collection(DIGESTS_COLLECTION)
        .where({ _id: digest._id, version: digest.version })
        .update({ articles: db.command.set(articles), version: digest.version + 1, updatedAt: now });
      if (Number(res.updated ?? 0) !== 1) continue; // another run changed it: the next minute looks again
      removed += gone.length;
      current = { ...digest, articles, version: digest.version + 1 };
      for (const { article } of gone) {
        for (const r of article.results) {
          if (stillPublic(entries.get(r.entryId))) {
            await addOnce(db, {
              collection: CARRY_COLLECTION,
              id: r.entryId,
              doc: { from: digest._id, at: now },
            });
          }
        }
      }
    }
    queued += await queueRemovals(db, current, now);
  }
  return { removed, queued };
}

/** For each removed article in what went out (publication, mass send), one removal record. */
async function queueRemovals(db: Database, digest: DigestDoc, now: Date): Promise<number> {
  const wanted: Array<{ id: string; channel: 'publish' | 'mass'; index: number }> = [];
  digest.articles.forEach((article, i) => {
    if (article.removedAt === null) return;
    const index = i + 1;
    if (digest.publish?.articleId && digest.publish.indexes.includes(index)) {
      wanted.push({ id: removalId(digest._id, 'publish', index), channel: 'publish', index });
    }
    if (digest.mass?.msgId && digest.mass.indexes.includes(index)) {
      wanted.push({ id: removalId(digest._id, 'mass', index), channel: 'mass', index });
    }
  });
  const fresh = wanted.filter((w) => !digest.removals.includes(w.id));
  for (const w of fresh) {
    await addOutboxOnce(db, {
      kind: 'oaRemove',
      payload: { digestId: digest._id, channel: w.channel, index: w.index },
      at: now,
      id: w.id,
    });
  }
  if (fresh.length > 0) {
    await db
      .collection(DIGESTS_COLLECTION)
      .doc(digest._id)
      .update({ removals: db.command.set([...digest.removals, ...fresh.map((w) => w.id)]), updatedAt: now });
  }
  return fresh.length;
}
