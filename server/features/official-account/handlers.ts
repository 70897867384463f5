/**
 * Outbox deliveries of the official account, each EXACTLY ONCE towards WeChat:
 * - `oaDraft`: the digest's draft (`draft/add`); a lost answer only leaves an unused draft behind, so making it
 *   again is harmless.
 * - `oaPublish`: 发布 (`freepublish/submit`, then `freepublish/get`); after a lost submit answer it reconciles
 *   with `freepublish/batchget` before anything is submitted again (official-account-article.ts).
 * - `oaMassSend`: 群发 (`message/mass/sendall` with a `clientmsgid`): a repeat after a lost answer is refused
 *   with 45065 and names the original; 45028 (no quota left today) waits for the next day; with 群发保护 the send
 *   waits for the administrator (SENDING) and fails when they refuse or let 30 minutes pass.
 * - `oaRemove`: a withdrawn or expired result's article out of a publication (`freepublish/delete` by index) or
 *   a mass send (`message/mass/delete` by article_idx); deleting twice is harmless, a gone one counts as done.
 */
import {
  addDraft,
  deleteMass,
  deletePublished,
  getMassStatus,
  massSendToAll,
  MASS_NO_QUOTA,
  submitPublish,
  type DraftArticle,
} from '../../wechat/api';
import { WechatApiError } from '../../wechat/errors';
import { accessToken } from '../../wechat/token';
import type { Database } from '../../platform/cloudbase';
import { nextQuotaDay } from '../../outbox/deliver';
import { findPublished, statusOf } from '../../outbox/handlers/official-account-article';
import type { OutboxHandler } from '../../outbox/registry';
import type { DeliveryOutcome } from '../../outbox/types';
import { DIGESTS_COLLECTION, ensureCover, getDigest, liveArticles, type DigestDoc } from './model';

export const AUTHOR = '区卫生健康委员会';
const POLL_DELAY_MS = 60_000;
/** How long a submit whose answer was lost may still be publishing before it is taken as not done. */
const RECONCILE_WAIT_MS = 10 * 60_000;

export interface DigestPayload extends Record<string, unknown> {
  digestId: string;
}
export interface MassPayload extends DigestPayload {
  /** Bumped by a retry after a send that never went out (refused or unconfirmed): a new clientmsgid. */
  round: number;
}
export interface RemovePayload extends DigestPayload {
  channel: 'publish' | 'mass';
  /** The digest article's 1-based index. */
  index: number;
}

/** The draft holding the digest's live articles: the stored one when current, otherwise made now. */
async function currentDraft(
  db: Database,
  digest: DigestDoc,
  now: Date,
): Promise<{ mediaId: string; indexes: number[]; articles: DraftArticle[] } | null> {
  const live = liveArticles(digest);
  if (live.length === 0) return null;
  const cover = await ensureCover(db);
  const articles = live.map(({ article }) => ({
    title: article.title,
    digest: article.digest,
    content: article.content,
    author: AUTHOR,
    thumbMediaId: cover,
  }));
  if (digest.mediaId && digest.draftVersion === digest.version) {
    return { mediaId: digest.mediaId, indexes: digest.draftIndexes, articles };
  }
  const mediaId = await addDraft(db, articles);
  const indexes = live.map((l) => l.index);
  await db
    .collection(DIGESTS_COLLECTION)
    .where({ _id: digest._id, version: digest.version })
    .update({
      mediaId,
      draftVersion: digest.version,
      draftIndexes: db.command.set(indexes),
      status: digest.status === 'drafting' ? 'ready' : digest.status,
      updatedAt: now,
    });
  return { mediaId, indexes, articles };
}

async function digestOf(db: Database, payload: DigestPayload): Promise<DigestDoc | DeliveryOutcome> {
  const digest = await getDigest(db, payload.digestId);
  return digest ?? { status: 'failed', code: 'digestMissing' };
}
const isOutcome = (x: DigestDoc | DeliveryOutcome): x is DeliveryOutcome => 'status' in x && !('_id' in x);

export const oaDraftHandler: OutboxHandler = {
  kind: 'oaDraft',
  async deliver({ db, now, record }) {
    const digest = await digestOf(db, record.payload as DigestPayload);
    if (isOutcome(digest)) return digest;
    const draft = await currentDraft(db, digest, now);
    if (!draft) return { status: 'skipped', code: 'nothingLeft' };
    return { status: 'sent', result: { mediaId: draft.mediaId } };
  },
};

interface PublishProgress {
  mediaId?: string;
  indexes?: number[];
  firstTitle?: string;
  cover?: string;
  publishId?: string;
  submitStartedAt?: number;
}

export const oaPublishHandler: OutboxHandler = {
  kind: 'oaPublish',
  async deliver({ db, now, record, saveProgress }) {
    const payload = record.payload as DigestPayload;
    const progress = record.progress as PublishProgress;
    const done = async (outcome: DeliveryOutcome): Promise<DeliveryOutcome> => {
      if (outcome.status === 'sent') {
        const r = outcome.result ?? {};
        await db
          .collection(DIGESTS_COLLECTION)
          .doc(payload.digestId)
          .update({
            status: 'published',
            publish: db.command.set({
              outboxId: record._id,
              indexes: progress.indexes ?? [],
              articleId: (r.articleId as string | undefined) ?? null,
              url: (r.url as string | undefined) ?? null,
            }),
            updatedAt: now,
          });
      }
      return outcome;
    };
    if (progress.publishId) return done(await statusOf(db, progress.publishId));
    if (progress.submitStartedAt !== undefined && progress.firstTitle) {
      const found = await findPublished(
        db,
        { title: progress.firstTitle, thumbMediaId: progress.cover ?? '', content: '' },
        progress.submitStartedAt,
      );
      if (found) return done({ status: 'sent', result: { articleId: found.articleId } });
      if (now.getTime() - progress.submitStartedAt < RECONCILE_WAIT_MS) {
        return { status: 'wait', code: 'reconciling', delayMs: POLL_DELAY_MS };
      }
    }
    const digest = await digestOf(db, payload);
    if (isOutcome(digest)) return digest;
    const draft = await currentDraft(db, digest, now);
    if (!draft) return { status: 'skipped', code: 'nothingLeft' };
    // The token first: a token answer lost (or the instance gone while asking) must not count as a submit that
    // may have happened, which would hold the publication back for the whole reconciliation wait.
    await accessToken(db, 'oa');
    await saveProgress({
      mediaId: draft.mediaId,
      indexes: draft.indexes,
      firstTitle: draft.articles[0]!.title,
      cover: draft.articles[0]!.thumbMediaId,
      submitStartedAt: now.getTime(),
    });
    progress.indexes = draft.indexes;
    const publishId = await submitPublish(db, draft.mediaId);
    await saveProgress({ publishId });
    return done(await statusOf(db, publishId));
  },
};

interface MassProgress {
  mediaId?: string;
  indexes?: number[];
  msgId?: string | null;
}

export const clientMsgIdOf = (payload: MassPayload) => `${payload.digestId}-${payload.round}`;

export const oaMassSendHandler: OutboxHandler = {
  kind: 'oaMassSend',
  async deliver({ db, now, record, saveProgress }) {
    const payload = record.payload as MassPayload;
    const progress = record.progress as MassProgress;
    const settle = async (msgId: string | null): Promise<DeliveryOutcome> => {
      if (msgId !== null) {
        const status = await getMassStatus(db, msgId);
        if (status === 'SENDING')
          return { status: 'wait', code: 'awaitingConfirmation', delayMs: POLL_DELAY_MS };
        // Refused by the administrator, or not confirmed within 30 minutes: nothing went out.
        if (status === 'SEND_FAIL') return { status: 'failed', code: 'massNotConfirmed' };
      }
      await db
        .collection(DIGESTS_COLLECTION)
        .doc(payload.digestId)
        .update({
          status: 'massSent',
          mass: db.command.set({ outboxId: record._id, indexes: progress.indexes ?? [], msgId }),
          updatedAt: now,
        });
      return { status: 'sent', result: { msgId } };
    };
    if (progress.msgId !== undefined) return settle(progress.msgId);
    const digest = await digestOf(db, payload);
    if (isOutcome(digest)) return digest;
    const draft = progress.mediaId
      ? { mediaId: progress.mediaId, indexes: progress.indexes ?? [] }
      : await currentDraft(db, digest, now);
    if (!draft) return { status: 'skipped', code: 'nothingLeft' };
    if (!progress.mediaId) await saveProgress({ mediaId: draft.mediaId, indexes: draft.indexes });
    progress.indexes = draft.indexes;
    let sent: { msgId: string | null };
    try {
      sent = await massSendToAll(db, draft.mediaId, clientMsgIdOf(payload));
    } catch (err) {
      if (err instanceof WechatApiError && err.errcode === MASS_NO_QUOTA) {
        return { status: 'wait', code: err.code, delayMs: nextQuotaDay(now).getTime() - now.getTime() };
      }
      throw err; // a lost answer is retried: the same clientmsgid cannot send twice
    }
    await saveProgress({ msgId: sent.msgId });
    return settle(sent.msgId);
  },
};

/** WeChat's answers for something already gone: an unknown article_id (40097 here) or msg_id (40059). */
const GONE: readonly number[] = [40097, 40059, 40007];

export const oaRemoveHandler: OutboxHandler = {
  kind: 'oaRemove',
  async deliver({ db, record }) {
    const payload = record.payload as RemovePayload;
    const digest = await digestOf(db, payload);
    if (isOutcome(digest)) return digest;
    const sent = payload.channel === 'publish' ? digest.publish : digest.mass;
    const position = (sent?.indexes ?? []).indexOf(payload.index) + 1;
    if (!sent || position === 0) return { status: 'skipped', code: 'notInIt' };
    try {
      if (payload.channel === 'publish') {
        if (!sent.articleId) return { status: 'failed', code: 'noArticleId' };
        await deletePublished(db, sent.articleId, position);
      } else {
        if (!sent.msgId) return { status: 'failed', code: 'noMsgId' };
        await deleteMass(db, sent.msgId, position);
      }
    } catch (err) {
      if (err instanceof WechatApiError && GONE.includes(err.errcode)) {
        return { status: 'sent', result: { position, alreadyGone: true } };
      }
      throw err;
    }
    return { status: 'sent', result: { position } };
  },
};

export const OFFICIAL_ACCOUNT_HANDLERS: readonly OutboxHandler[] = [
  oaDraftHandler,
  oaPublishHandler,
  oaMassSendHandler,
  oaRemoveHandler,
];
