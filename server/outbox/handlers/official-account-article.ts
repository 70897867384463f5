/**
 * Official-account articles (draft + free publishing), EXACTLY ONCE: before anything that could publish twice,
 * the handler looks at what it stored (the publish_id) or asks WeChat (`freepublish/get`, `freepublish/batchget`).
 * The moment a submit starts is stored BEFORE calling it, so a lost answer or a crashed instance leaves a trace
 * that makes the next attempt reconcile instead of resubmitting.
 * https://developers.weixin.qq.com/doc/offiaccount/Publish/Publish.html
 */
import {
  addDraft,
  getPublishStatus,
  listPublished,
  submitPublish,
  type DraftArticle,
  type PublishedItem,
} from '../../wechat/api';
import type { Database } from '../../platform/cloudbase';
import { accessToken } from '../../wechat/token';
import type { OutboxHandler } from '../registry';
import type { DeliveryOutcome } from '../types';

export interface OfficialAccountArticlePayload extends Record<string, unknown> {
  articles: DraftArticle[];
}

interface Progress {
  mediaId?: string;
  publishId?: string;
  /** ms; set before each submit. */
  submitStartedAt?: number;
}

/** How long a submit whose answer was lost may still be publishing before it is taken as not done. */
export const RECONCILE_WAIT_MS = 10 * 60_000;
const POLL_DELAY_MS = 60_000;
/** Pages of batchget (20 each) searched for a lost submit: the account publishes a few articles a week. */
const RECONCILE_PAGES = 5;

export const officialAccountArticleHandler: OutboxHandler = {
  kind: 'officialAccountArticle',
  async deliver({ db, now, record, saveProgress }) {
    const payload = record.payload as OfficialAccountArticlePayload;
    const progress = record.progress as Progress;
    if (progress.publishId) return statusOf(db, progress.publishId);
    if (progress.submitStartedAt !== undefined) {
      const found = await findPublished(db, payload.articles[0]!, progress.submitStartedAt);
      if (found) return { status: 'sent', result: { articleId: found.articleId } };
      if (now.getTime() - progress.submitStartedAt < RECONCILE_WAIT_MS) {
        return { status: 'wait', code: 'reconciling', delayMs: POLL_DELAY_MS };
      }
    }
    let mediaId = progress.mediaId;
    if (!mediaId) {
      // A lost draft/add answer only leaves an unpublished draft behind: harmless, so a new draft is fine.
      mediaId = await addDraft(db, payload.articles);
      await saveProgress({ mediaId });
    }
    // The token first, so that only a submit that may have reached WeChat makes the next attempt reconcile.
    await accessToken(db, 'oa');
    await saveProgress({ submitStartedAt: now.getTime() });
    const publishId = await submitPublish(db, mediaId);
    await saveProgress({ publishId });
    return statusOf(db, publishId);
  },
};

export async function statusOf(db: Database, publishId: string): Promise<DeliveryOutcome> {
  const status = await getPublishStatus(db, publishId);
  if (status.status === 0)
    return { status: 'sent', result: { publishId, articleId: status.articleId, url: status.articleUrl } };
  if (status.status === 1) return { status: 'wait', code: 'publishing', delayMs: POLL_DELAY_MS };
  // 2-4: refused by WeChat's checks; 5/6: deleted or banned after publishing. Nobody should resubmit blindly.
  return { status: 'failed', code: `publishStatus:${status.status}` };
}

/** A published article with our first article's title and cover, published since the submit started. */
export async function findPublished(
  db: Database,
  first: DraftArticle,
  since: number,
): Promise<PublishedItem | undefined> {
  for (let page = 0; page < RECONCILE_PAGES; page++) {
    const { items, total } = await listPublished(db, page * 20);
    const match = items.find(
      (item) =>
        item.updateTime * 1000 >= since - 60_000 &&
        item.articles[0]?.title === first.title &&
        item.articles[0]?.thumb_media_id === first.thumbMediaId,
    );
    if (match) return match;
    if ((page + 1) * 20 >= total || items.length === 0) return undefined;
  }
  return undefined;
}
