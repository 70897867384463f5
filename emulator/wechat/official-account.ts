/**
 * Official-account endpoints: permanent material, article images, drafts, free publishing and mass send
 * (https://developers.weixin.qq.com/doc/offiaccount/ : 素材管理, 草稿箱, 发布能力, 群发). Publishing is
 * asynchronous as on WeChat: `freepublish/get` answers publish_status 1 (publishing) until PUBLISH_DELAY_MS
 * have passed on the emulator clock, then 0 with article_id and article_detail; after `freepublish/delete` 5.
 * Mass sends as on WeChat where it matters: a repeated `clientmsgid` answers 45065 (with the original msg_id),
 * `massQuotaPerDay` sends per Shanghai day (default 1, a 订阅号) then 45028, and with 群发保护 on a send stays
 * SENDING until `POST /_emulator/mass-confirm` or fails after MASS_CONFIRM_MS (control.ts).
 */
import { invalidArgs, nonEmptyString, ok, wxError, type Endpoint, type WechatCall } from './api';
import type { Article } from './state';

export const PUBLISH_DELAY_MS = 1000;
const MATERIAL_TYPES = new Set(['image', 'voice', 'video', 'thumb']);
const MAX_ARTICLES = 8;
const MAX_UPLOADIMG_BYTES = 1024 * 1024;

const invalidMediaId = () => wxError(40007, 'invalid media_id');

function mediaFile(call: WechatCall) {
  return call.files.find((file) => file.name === 'media');
}

const addMaterial: Endpoint = {
  token: 'oa',
  handle(call) {
    const type = call.query.get('type') ?? '';
    if (!MATERIAL_TYPES.has(type)) return wxError(40004, 'invalid media type');
    const media = mediaFile(call);
    if (!media || media.data.length === 0) return wxError(41005, 'media data missing');
    const mediaId = call.state.nextId('emu_material_');
    const url = `https://mmbiz.qpic.cn/emulator/${mediaId}/0`;
    call.state.data.materials[mediaId] = {
      type,
      filename: media.filename ?? '',
      size: media.data.length,
      url,
      createdAt: new Date(call.now).toISOString(),
    };
    call.state.save();
    return { json: type === 'image' ? { media_id: mediaId, url } : { media_id: mediaId } };
  },
};

const uploadImg: Endpoint = {
  token: 'oa',
  handle(call) {
    const media = mediaFile(call);
    if (!media || media.data.length === 0) return wxError(41005, 'media data missing');
    if (media.data.length > MAX_UPLOADIMG_BYTES) return wxError(40009, 'invalid image size');
    return { json: { url: `https://mmbiz.qpic.cn/emulator/${call.state.nextId('emu_img_')}/0` } };
  },
};

function validArticles(call: WechatCall): Article[] | string {
  const articles = call.body.articles;
  if (!Array.isArray(articles) || articles.length === 0) return 'articles 须为非空数组';
  if (articles.length > MAX_ARTICLES) return `articles 最多 ${MAX_ARTICLES} 篇`;
  for (const [index, article] of articles.entries()) {
    const a = article as Partial<Article>;
    if (!nonEmptyString(a.title)) return `articles[${index}].title 必填`;
    if (!nonEmptyString(a.content)) return `articles[${index}].content 必填`;
    if (!nonEmptyString(a.thumb_media_id) || !call.state.data.materials[a.thumb_media_id]) {
      return `articles[${index}].thumb_media_id 须为已上传的永久素材`;
    }
  }
  return articles as Article[];
}

const draftAdd: Endpoint = {
  token: 'oa',
  handle(call) {
    const articles = validArticles(call);
    if (typeof articles === 'string') return invalidArgs(articles);
    const mediaId = call.state.nextId('emu_draft_');
    call.state.data.drafts[mediaId] = { articles, createdAt: call.now, updatedAt: call.now };
    call.state.save();
    return { json: { media_id: mediaId } };
  },
};

const draftGet: Endpoint = {
  token: 'oa',
  handle(call) {
    const draft = call.state.data.drafts[String(call.body.media_id)];
    return draft ? { json: { news_item: draft.articles } } : invalidMediaId();
  },
};

const draftDelete: Endpoint = {
  token: 'oa',
  handle(call) {
    const id = String(call.body.media_id);
    if (!call.state.data.drafts[id]) return invalidMediaId();
    delete call.state.data.drafts[id];
    call.state.save();
    return ok();
  },
};

const publishSubmit: Endpoint = {
  token: 'oa',
  handle(call) {
    const mediaId = String(call.body.media_id);
    const draft = call.state.data.drafts[mediaId];
    if (!draft) return invalidMediaId();
    const publishId = call.state.nextId('');
    call.state.data.publishes[publishId] = {
      mediaId,
      articles: draft.articles,
      articleId: call.state.nextId('emu_article_'),
      submittedAt: call.now,
    };
    call.state.save();
    return ok({ publish_id: publishId });
  },
};

function publicationView(publishId: string, call: WechatCall) {
  const publication = call.state.data.publishes[publishId];
  if (!publication) return undefined;
  if (call.now - publication.submittedAt < PUBLISH_DELAY_MS)
    return { publish_id: publishId, publish_status: 1 };
  return {
    publish_id: publishId,
    publish_status: publication.deletedAt === undefined ? 0 : 5,
    article_id: publication.articleId,
    article_detail: {
      count: publication.articles.length,
      item: publication.articles.map((_, index) => ({
        idx: index + 1,
        article_url: `https://mp.weixin.qq.com/s/${publication.articleId}_${index + 1}`,
        is_deleted: publication.deletedIdx?.includes(index + 1) ?? false,
      })),
    },
    fail_idx: [],
  };
}

const publishGet: Endpoint = {
  token: 'oa',
  handle(call) {
    const view = publicationView(String(call.body.publish_id), call);
    return view ? ok(view) : invalidArgs('publish_id 不存在');
  },
};

const publishBatchGet: Endpoint = {
  token: 'oa',
  handle(call) {
    const offset = Number(call.body.offset ?? 0);
    const count = Number(call.body.count ?? 20);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20) {
      return invalidArgs('offset 须为非负整数，count 须为 1 到 20');
    }
    const published = Object.values(call.state.data.publishes)
      .filter((p) => p.deletedAt === undefined && call.now - p.submittedAt >= PUBLISH_DELAY_MS)
      .sort((a, b) => b.submittedAt - a.submittedAt);
    const page = published.slice(offset, offset + count).map((p) => ({
      article_id: p.articleId,
      content: {
        news_item:
          call.body.no_content === 1 ? p.articles.map(({ content: _c, ...rest }) => rest) : p.articles,
      },
      update_time: Math.floor(p.submittedAt / 1000),
    }));
    return { json: { total_count: published.length, item_count: page.length, item: page } };
  },
};

/** `index` 1-based deletes one article of the publication; 0 or absent deletes it whole. */
const publishDelete: Endpoint = {
  token: 'oa',
  handle(call) {
    const publication = Object.values(call.state.data.publishes).find(
      (p) => p.articleId === call.body.article_id,
    );
    if (!publication || publication.deletedAt !== undefined) return invalidArgs('article_id 不存在');
    const index = Number(call.body.index ?? 0);
    if (!Number.isInteger(index) || index < 0 || index > publication.articles.length) {
      return invalidArgs('index 须为 0 到文章篇数之间的整数');
    }
    if (index === 0) publication.deletedAt = call.now;
    else {
      const deleted = new Set([...(publication.deletedIdx ?? []), index]);
      publication.deletedIdx = [...deleted].sort((a, b) => a - b);
      if (deleted.size === publication.articles.length) publication.deletedAt = call.now;
    }
    call.state.save();
    return ok();
  },
};

/** API 群发保护: an administrator must confirm within 30 minutes, or the send fails. */
export const MASS_CONFIRM_MS = 30 * 60_000;
const SHANGHAI_MS = 8 * 3600_000;
const dayOf = (ms: number) => Math.floor((ms + SHANGHAI_MS) / 86_400_000);

/** A mass send's status now: one waiting for confirmation fails once the confirmation time is over. */
export function massStatus(call: { now: number; state: WechatCall['state'] }, msgId: string) {
  const mass = call.state.data.masses[msgId];
  if (mass && mass.status === 'SENDING' && call.now - mass.sentAt > MASS_CONFIRM_MS) {
    mass.status = 'SEND_FAIL';
    call.state.save();
  }
  return mass;
}

const massSendAll: Endpoint = {
  token: 'oa',
  handle(call) {
    const { filter, msgtype } = call.body as {
      filter?: { is_to_all?: unknown; tag_id?: unknown };
      msgtype?: unknown;
    };
    if (!filter || (filter.is_to_all !== true && filter.tag_id === undefined)) {
      return invalidArgs('filter 须含 is_to_all: true 或 tag_id');
    }
    let mediaId = '';
    let articleCount = 1;
    if (msgtype === 'mpnews') {
      const id = (call.body.mpnews as { media_id?: unknown } | undefined)?.media_id;
      if (typeof id !== 'string' || !call.state.data.drafts[id]) return invalidMediaId();
      mediaId = id;
      articleCount = call.state.data.drafts[id]!.articles.length;
    } else if (msgtype === 'text') {
      if (!nonEmptyString((call.body.text as { content?: unknown } | undefined)?.content)) {
        return invalidArgs('text.content 必填');
      }
    } else {
      return wxError(40008, 'invalid message type');
    }
    const clientMsgId = typeof call.body.clientmsgid === 'string' ? call.body.clientmsgid : null;
    if (clientMsgId !== null) {
      const original = Object.entries(call.state.data.masses).find(([, m]) => m.clientMsgId === clientMsgId);
      // The repeat is refused; its answer names the original send.
      if (original)
        return { json: { errcode: 45065, errmsg: 'clientmsgid exist', msg_id: Number(original[0]) } };
    }
    const today = dayOf(call.now);
    const sentToday = Object.values(call.state.data.masses).filter(
      (m) => dayOf(m.sentAt) === today && m.status !== 'SEND_FAIL',
    ).length;
    if (sentToday >= call.state.data.oaConfig.massQuotaPerDay) return wxError(45028, 'has no masssend quota');
    const msgId = call.state.data.seq + 1000;
    call.state.nextId('');
    call.state.data.masses[String(msgId)] = {
      clientMsgId,
      mediaId,
      articleCount,
      sentAt: call.now,
      status: call.state.data.oaConfig.massProtection ? 'SENDING' : 'SEND_SUCCESS',
      deletedIdx: [],
    };
    call.state.save();
    return {
      json: { errcode: 0, errmsg: 'send job submission success', msg_id: msgId, msg_data_id: msgId * 10 },
    };
  },
};

const massGet: Endpoint = {
  token: 'oa',
  handle(call) {
    const msgId = String(call.body.msg_id);
    const mass = massStatus(call, msgId);
    if (!mass) return wxError(40059, 'invalid msg id');
    return ok({ msg_id: Number(msgId), msg_status: mass.status });
  },
};

/** `article_idx` 1-based deletes one article of a sent mpnews; 0 or absent deletes them all. */
const massDelete: Endpoint = {
  token: 'oa',
  handle(call) {
    const msgId = String(call.body.msg_id);
    const mass = massStatus(call, msgId);
    if (!mass || mass.status !== 'SEND_SUCCESS') return wxError(40059, 'invalid msg id');
    const index = Number(call.body.article_idx ?? 0);
    if (!Number.isInteger(index) || index < 0 || index > mass.articleCount) {
      return invalidArgs('article_idx 须为 0 到文章篇数之间的整数');
    }
    if (index === 0) mass.status = 'DELETE';
    else mass.deletedIdx = [...new Set([...mass.deletedIdx, index])].sort((a, b) => a - b);
    if (mass.deletedIdx.length === mass.articleCount) mass.status = 'DELETE';
    call.state.save();
    return ok();
  },
};

/** Keyed by the path after `/cgi-bin/`. */
export const officialAccountEndpoints: Record<string, Endpoint> = {
  'material/add_material': addMaterial,
  'media/uploadimg': uploadImg,
  'draft/add': draftAdd,
  'draft/get': draftGet,
  'draft/delete': draftDelete,
  'freepublish/submit': publishSubmit,
  'freepublish/get': publishGet,
  'freepublish/batchget': publishBatchGet,
  'freepublish/delete': publishDelete,
  'message/mass/sendall': massSendAll,
  'message/mass/get': massGet,
  'message/mass/delete': massDelete,
};
