/**
 * The official-account digests as stored (`oa_digests`, one per Shanghai day: `dg_<date>`), the cover uploaded
 * once as permanent material (`sys_oa_cover`), and results whose article was deleted but which are still public
 * (`oa_carry`: they go into the next digest as a corrected article). Only public views are ever stored here.
 */
import type { DigestStatus } from '../../../core/contract/official-account';
import type { DigestArticle, LedgerHeadNote } from '../../../core/official-account/digest';
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { addMaterial } from '../../wechat/api';

export const DIGESTS_COLLECTION = 'oa_digests';
export const COVER_COLLECTION = 'sys_oa_cover';
export const CARRY_COLLECTION = 'oa_carry';

export interface StoredArticle extends DigestArticle {
  removedAt: string | null;
}

/** Where a digest went: a publication (article_id) or a mass send (msg_id), with which articles at which place. */
export interface Sent {
  outboxId: string;
  /** The digest article indexes (1-based) in the order the draft sent held them. */
  indexes: number[];
  articleId?: string | null;
  msgId?: string | null;
  url?: string | null;
}

export interface DigestDoc {
  _id: string;
  date: string;
  /** Results published in (from, to] went in (ISO). */
  from: string;
  to: string;
  articles: StoredArticle[];
  ledgerHead: LedgerHeadNote | null;
  status: DigestStatus;
  /** Bumped at every change of the articles; the draft is made anew when it is behind. */
  version: number;
  mediaId: string | null;
  draftVersion: number | null;
  /** The digest indexes the current draft holds, in order. */
  draftIndexes: number[];
  publish: Sent | null;
  mass: Sent | null;
  /** Outbox ids of removals already queued (`oarm_<digest>_<p|m><index>`). */
  removals: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const digestIdOf = (date: string) => `dg_${date}`;

export async function getDigest(db: Database, id: string): Promise<DigestDoc | null> {
  return getDoc<DigestDoc>(db, DIGESTS_COLLECTION, id);
}

/** A plain green square, the digest's cover (WeChat needs one per article; uploaded once, reused). */
const COVER_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAMgAAADICAIAAAAiOjnJAAABeElEQVR42u3SMQ0AAAgEsdeBNMxgHRMMDE2q4HKpaTgXCTAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIwFxsJYGAuMhbEwFhgLY2EsMBbGwlhgLIyFscBYGAtjgbEwFsYCY2EsjAXGwlgYC4yFsTAWGAtjYSwwFsbCWGAsjIWxwFgYC2OBsTAWxgJjYSyMBcbCWBgLjIWxMBYYC2NhLDAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIyFsVTAWBgLY4GxMBbGAmNhLIwFxsJYGAuMhbEwFhgLY2EsMBbGwlhgLIyFscBYGAtjgbEwFsYCY2EsjAXGwlgYC4yFsTAWGAtjYSwwFsbCWGAsjIWxwFgYC2OBsTAWxgJjYSyMBcbCWBgLjIWxMBYYC2NhLDAWxsJYYCyMhbHAWBgLY4GxMBbGAmNhLIwFxsJYGAtjqYCxMBbGAmNhLIwFxsJYGAuMhbEwFhgLY2EsMBbGwlhgLIyFscBYGAtjgbH4ZgHAWFlthN8jJAAAAABJRU5ErkJggg==';

/**
 * The cover's media_id: the stored one, or uploaded now and stored. Called only from the draft delivery, which one
 * instance at a time runs (an outbox claim), so two uploads do not race; a lost upload answer only leaves an
 * unused image in the account's material library.
 */
export async function ensureCover(db: Database): Promise<string> {
  const stored = await getDoc<{ mediaId: string }>(db, COVER_COLLECTION, 'cover');
  if (stored?.mediaId) return stored.mediaId;
  const mediaId = await addMaterial(db, 'image', {
    filename: 'cover.png',
    contentType: 'image/png',
    bytes: Buffer.from(COVER_PNG_BASE64, 'base64'),
  });
  await db.collection(COVER_COLLECTION).doc('cover').set({ mediaId, uploadedAt: new Date() });
  return mediaId;
}

/** The articles still in the digest, with their 1-based digest index. */
export function liveArticles(digest: DigestDoc): Array<{ index: number; article: StoredArticle }> {
  return digest.articles
    .map((article, i) => ({ index: i + 1, article }))
    .filter(({ article }) => article.removedAt === null);
}
