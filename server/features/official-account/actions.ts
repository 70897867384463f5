/**
 * The Party committee office's actions on the digest (role `partyOffice`; admin and audit read): read it, publish
 * it or mass-send it, and retry a failed delivery. Publishing and mass-sending write ONE outbox record each, with
 * an id derived from the digest, so asking twice (a double tap, a retried request, two staff at once) still makes
 * one post; what WeChat answered is followed by the scheduler (handlers.ts).
 */
import * as decl from '../../../core/contract/official-account';
import type { DeliveryView, DigestSummary, DigestView } from '../../../core/contract/official-account';
import { AppError } from '../../errors';
import { addOutboxOnce, getOutboxRecord, requeueFailed, type OutboxRecord } from '../../outbox';
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { DIGESTS_COLLECTION, getDigest, liveArticles, type DigestDoc } from './model';
import { draftRecordId, prepareDigest } from './prepare';
import { remindDaily } from './daily-reminders';
import { reminderStaffActions } from './reminders';
import { sweepDigests } from './sweep';

export const publishRecordId = (digestId: string) => `oapub_${digestId}`;
export const massRecordId = (digestId: string) => `oamass_${digestId}`;

const KIND_LABELS: Record<string, string> = {
  oaDraft: '生成草稿',
  oaPublish: '发布（永久链接）',
  oaMassSend: '群发',
  oaRemove: '撤下文章',
  officialAccountArticle: '公众号文章发布',
};

/** Plain Chinese for the codes the outbox records (never a message that could quote data). */
export function errorText(code: string | null): string | null {
  if (!code) return null;
  const known: Record<string, string> = {
    'errcode:45009': '今日接口调用次数已用完，次日自动继续',
    'errcode:45028': '今日群发次数已用完，次日自动群发',
    'errcode:45065': '这次群发已经发出过',
    tokenRefreshCapped: '今日刷新接口凭证的次数已用完，次日自动继续',
    awaitingConfirmation: '等待公众号管理员在手机上确认群发（30 分钟内）',
    massNotConfirmed: '管理员拒绝或未在 30 分钟内确认，群发没有发出；可重试',
    reconciling: '发布结果待向微信核对',
    publishing: '微信正在发布',
    claimExpired: '上次投递中断，已重新排队',
    nothingLeft: '本期内容已全部撤下，无需发送',
  };
  if (known[code]) return known[code]!;
  if (code.startsWith('noAnswer:')) return '微信没有应答，稍后自动重试';
  if (code.startsWith('publishStatus:')) return '微信未通过发布（审核或原创校验），请在公众平台查看';
  if (code.startsWith('errcode:')) return `微信返回错误码 ${code.slice(8)}，稍后自动重试`;
  return '投递出错，稍后自动重试';
}

export function deliveryView(r: OutboxRecord): DeliveryView {
  return {
    id: r._id,
    kind: r.kind,
    label: KIND_LABELS[r.kind] ?? r.kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    lastErrorText: errorText(r.lastError),
    nextAttemptAt: r.status === 'pending' ? new Date(r.nextAttemptAt).toISOString() : null,
    retryable: r.status === 'failed',
  };
}

function summary(d: DigestDoc): DigestSummary {
  return {
    id: d._id,
    date: d.date,
    status: d.status,
    articles: liveArticles(d).length,
    results: liveArticles(d).reduce((n, { article }) => n + article.results.length, 0),
    removed: d.articles.filter((a) => a.removedAt !== null).length,
    createdAt: new Date(d.createdAt).toISOString(),
  };
}

async function view(db: Database, d: DigestDoc): Promise<DigestView> {
  const ids = [draftRecordId(d._id), publishRecordId(d._id), massRecordId(d._id), ...d.removals];
  const records: OutboxRecord[] = [];
  for (const id of ids) {
    const r = await getOutboxRecord(db, id);
    if (r) records.push(r);
  }
  const requested = !!records.find((r) => r.kind === 'oaPublish' || r.kind === 'oaMassSend');
  const hasLive = liveArticles(d).length > 0;
  return {
    ...summary(d),
    articleList: d.articles.map((a, i) => ({
      index: i + 1,
      title: a.title,
      digest: a.digest,
      content: a.content,
      results: a.results.map((r) => ({ publicId: r.publicId, docNo: r.docNo })),
      removedAt: a.removedAt,
    })),
    ledgerHead: d.ledgerHead,
    url: d.publish?.url ?? null,
    deliveries: records.map(deliveryView),
    canPublish: hasLive && !requested && d.mediaId !== null,
    canMassSend: hasLive && !requested && d.mediaId !== null,
  };
}

async function digestOrThrow(db: Database, id: string): Promise<DigestDoc> {
  const d = await getDigest(db, id);
  if (!d) throw new AppError('NOT_FOUND', '没有这一期公众号摘要');
  return d;
}

/** Writes the one record of `kind` for the digest (or finds it), after the checks both sends share. */
async function requestSend(db: Database, id: string, kind: 'oaPublish' | 'oaMassSend', now: Date) {
  const d = await digestOrThrow(db, id);
  const recordId = kind === 'oaPublish' ? publishRecordId(id) : massRecordId(id);
  const other = kind === 'oaPublish' ? massRecordId(id) : publishRecordId(id);
  if (await getOutboxRecord(db, other)) {
    throw new AppError(
      'CONFLICT',
      kind === 'oaPublish' ? '这一期已经群发，不再另行发布' : '这一期已经发布，不再另行群发',
    );
  }
  if (!(await getOutboxRecord(db, recordId))) {
    if (liveArticles(d).length === 0)
      throw new AppError('PRECONDITION_FAILED', '这一期的结果已全部撤回，无需发送');
    if (d.mediaId === null) throw new AppError('PRECONDITION_FAILED', '草稿还在生成，请稍后再试');
    const payload = kind === 'oaPublish' ? { digestId: id } : { digestId: id, round: 0 };
    if (await addOutboxOnce(db, { kind, payload, at: now, id: recordId })) {
      await db
        .collection(DIGESTS_COLLECTION)
        .where({ _id: id, status: 'ready' })
        .update({ status: kind === 'oaPublish' ? 'publishing' : 'massSending', updatedAt: now });
    }
  }
  return view(db, await digestOrThrow(db, id));
}

const OA_KINDS = ['oaDraft', 'oaPublish', 'oaMassSend', 'oaRemove', 'officialAccountArticle'];

export const officialAccountStaffActions = {
  ...reminderStaffActions,
  'officialAccount.digests': handle(decl.officialAccountDigests, async (_input, call) => ({
    items: rowsOf<DigestDoc>(
      await call.db.collection(DIGESTS_COLLECTION).orderBy('createdAt', 'desc').limit(30).get(),
    ).map(summary),
  })),
  'officialAccount.digest': handle(decl.officialAccountDigest, async (input, call) =>
    view(call.db, await digestOrThrow(call.db, input.id)),
  ),
  'officialAccount.publish': handle(decl.officialAccountPublish, async (input, call) =>
    requestSend(call.db, input.id, 'oaPublish', call.now),
  ),
  'officialAccount.massSend': handle(decl.officialAccountMassSend, async (input, call) =>
    requestSend(call.db, input.id, 'oaMassSend', call.now),
  ),
  'outbox.retry': handle(decl.outboxRetry, async (input, call) => {
    const r = await getOutboxRecord(call.db, input.id);
    const admin = call.staff!.roles.some((g) => g.role === 'admin');
    if (!r || (!admin && !OA_KINDS.includes(r.kind))) throw new AppError('NOT_FOUND', '没有这条投递记录');
    if (r.status !== 'failed') throw new AppError('PRECONDITION_FAILED', '只有发送失败的投递可以重试');
    // A mass send that never went out (refused or unconfirmed) is a new send: a new clientmsgid.
    const fresh = r.kind === 'oaMassSend' && r.lastError === 'massNotConfirmed';
    const payload = fresh ? { ...r.payload, round: Number(r.payload.round ?? 0) + 1 } : r.payload;
    const queued = await requeueFailed(call.db, r, call.now, fresh ? { payload } : null);
    return deliveryView(queued!);
  }),
};

export const officialAccountSchedulerActions = {
  'officialAccount.prepare': handle(decl.officialAccountPrepare, async (_input, call) =>
    prepareDigest(call.db, call.now),
  ),
  'officialAccount.sweep': handle(decl.officialAccountSweep, async (_input, call) =>
    sweepDigests(call.db, call.now),
  ),
  'reminders.daily': handle(decl.remindersDaily, async (_input, call) =>
    remindDaily(call.db, call.plugins.deadlineProviders, call.now),
  ),
};
