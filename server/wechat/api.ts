/**
 * Typed wrappers over the WeChat APIs the system uses (developers.weixin.qq.com): mini-program subscribe
 * messages and codes (mini-program token), official-account material, drafts, free publishing and mass send
 * (official-account token).
 */
import type { Database } from '../platform/cloudbase';
import { callJson, callWithToken } from './client';
import { WechatApiError } from './errors';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** 发送订阅消息 `POST /cgi-bin/message/subscribe/send`. */
export async function sendSubscribeMessage(db: Database, message: SubscribeMessage): Promise<void> {
  await callJson(db, 'mp', {
    path: '/cgi-bin/message/subscribe/send',
    json: {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: message.miniprogramState,
      lang: 'zh_CN',
    },
  });
}

export interface DraftArticle {
  title: string;
  content: string;
  thumbMediaId: string;
  author?: string;
  digest?: string;
  contentSourceUrl?: string;
}

export function toWechatArticle(a: DraftArticle): Record<string, unknown> {
  return {
    title: a.title,
    author: a.author,
    digest: a.digest,
    content: a.content,
    content_source_url: a.contentSourceUrl,
    thumb_media_id: a.thumbMediaId,
  };
}

/** 新建草稿 `POST /cgi-bin/draft/add` → media_id. */
export async function addDraft(db: Database, articles: DraftArticle[]): Promise<string> {
  const json = await callJson(db, 'oa', {
    path: '/cgi-bin/draft/add',
    json: { articles: articles.map(toWechatArticle) },
  });
  return requireString(json.media_id, 'media_id');
}

/** 上传永久素材 `POST /cgi-bin/material/add_material?type=` (multipart) → media_id (e.g. an article's cover). */
export async function addMaterial(
  db: Database,
  type: 'image' | 'thumb',
  file: { filename: string; contentType: string; bytes: Uint8Array },
): Promise<string> {
  const form = new FormData();
  form.append('media', new Blob([file.bytes], { type: file.contentType }), file.filename);
  const json = await callJson(db, 'oa', { path: '/cgi-bin/material/add_material', query: { type }, form });
  return requireString(json.media_id, 'media_id');
}

/** 发布 `POST /cgi-bin/freepublish/submit` → publish_id (publishing then runs asynchronously). */
export async function submitPublish(db: Database, mediaId: string): Promise<string> {
  const json = await callJson(db, 'oa', { path: '/cgi-bin/freepublish/submit', json: { media_id: mediaId } });
  return String(json.publish_id);
}

export interface PublishStatus {
  /** 0 success, 1 publishing, 2 original-content failure, 3 failure, 4 audit failure, 5 deleted, 6 banned. */
  status: number;
  articleId?: string;
  articleUrl?: string;
}

/** 发布状态轮询 `POST /cgi-bin/freepublish/get`. */
export async function getPublishStatus(db: Database, publishId: string): Promise<PublishStatus> {
  const json = await callJson(db, 'oa', {
    path: '/cgi-bin/freepublish/get',
    json: { publish_id: publishId },
  });
  const detail = json.article_detail as { item?: Array<{ article_url?: string }> } | undefined;
  return {
    status: Number(json.publish_status),
    articleId: typeof json.article_id === 'string' ? json.article_id : undefined,
    articleUrl: detail?.item?.[0]?.article_url,
  };
}

export interface PublishedItem {
  articleId: string;
  updateTime: number;
  articles: Array<{ title?: string; thumb_media_id?: string; content?: string }>;
}

/** 获取成功发布列表 `POST /cgi-bin/freepublish/batchget` (count at most 20). */
export async function listPublished(
  db: Database,
  offset: number,
  count = 20,
): Promise<{ total: number; items: PublishedItem[] }> {
  const json = await callJson(db, 'oa', {
    path: '/cgi-bin/freepublish/batchget',
    json: { offset, count, no_content: 1 },
  });
  const items =
    (json.item as Array<{ article_id: string; update_time: number; content?: { news_item?: [] } }>) ?? [];
  return {
    total: Number(json.total_count ?? 0),
    items: items.map((i) => ({
      articleId: i.article_id,
      updateTime: i.update_time,
      articles: i.content?.news_item ?? [],
    })),
  };
}

/**
 * 群发 `POST /cgi-bin/message/mass/sendall` of a draft to all followers → msg_id. `clientMsgId` (≤ 64 bytes) makes a
 * repeat refused with 45065 instead of sent twice; the answer to that repeat carries the original msg_id (when
 * WeChat gives it), answered here as `repeated: true`.
 */
export async function massSendToAll(
  db: Database,
  mediaId: string,
  clientMsgId: string,
): Promise<{ msgId: string | null; repeated: boolean }> {
  try {
    const json = await callJson(db, 'oa', {
      path: '/cgi-bin/message/mass/sendall',
      json: {
        filter: { is_to_all: true },
        mpnews: { media_id: mediaId },
        msgtype: 'mpnews',
        send_ignore_reprint: 0,
        clientmsgid: clientMsgId,
      },
    });
    return { msgId: String(json.msg_id), repeated: false };
  } catch (err) {
    if (!(err instanceof WechatApiError) || err.errcode !== MASS_REPEATED) throw err;
    const original = err.answer.msg_id;
    return { msgId: original === undefined || original === null ? null : String(original), repeated: true };
  }
}

/** 45065: a mass send with this clientmsgid was already made. */
export const MASS_REPEATED = 45065;
/** 45028: no mass-send quota left (订阅号 once a day; 服务号 four a month). */
export const MASS_NO_QUOTA = 45028;

export type MassStatus = 'SEND_SUCCESS' | 'SENDING' | 'SEND_FAIL' | 'DELETE';

/** 查询群发消息发送状态 `POST /cgi-bin/message/mass/get` (SENDING while an administrator has not confirmed). */
export async function getMassStatus(db: Database, msgId: string): Promise<MassStatus> {
  const json = await callJson(db, 'oa', { path: '/cgi-bin/message/mass/get', json: { msg_id: msgId } });
  return String(json.msg_status) as MassStatus;
}

/** 删除群发 `POST /cgi-bin/message/mass/delete`: one article by its 1-based `articleIdx`, or all with 0. */
export async function deleteMass(db: Database, msgId: string, articleIdx: number): Promise<void> {
  await callJson(db, 'oa', {
    path: '/cgi-bin/message/mass/delete',
    json: { msg_id: msgId, article_idx: articleIdx },
  });
}

/** 删除发布文章 `POST /cgi-bin/freepublish/delete`: one article by its 1-based `index`, or all with 0. */
export async function deletePublished(db: Database, articleId: string, index: number): Promise<void> {
  await callJson(db, 'oa', {
    path: '/cgi-bin/freepublish/delete',
    json: { article_id: articleId, index },
  });
}

/** 获取不限制的小程序码 `POST /wxa/getwxacodeunlimit` → PNG bytes. */
export async function getUnlimitedWxaCode(
  db: Database,
  request: {
    scene: string;
    page?: string;
    width?: number;
    checkPath?: boolean;
    envVersion?: 'release' | 'trial' | 'develop';
  },
): Promise<Buffer> {
  const answer = await callWithToken(db, 'mp', {
    path: '/wxa/getwxacodeunlimit',
    json: {
      scene: request.scene,
      page: request.page,
      width: request.width,
      check_path: request.checkPath,
      env_version: request.envVersion,
    },
  });
  if (answer.kind !== 'bytes') throw new Error('getwxacodeunlimit answered JSON without errcode');
  return answer.bytes;
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value) throw new Error(`WeChat answer lacks ${field}`);
  return value;
}
