/**
 * The fake WeChat API's state, kept in `<dataDir>/wechat.json` so that drafts, publications, grants and the
 * outbox survive a restart (written whole, atomically, after every change: the volumes are test-sized).
 * The tokens here are the emulator's own random strings, never real credentials.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Article {
  title: string;
  content: string;
  thumb_media_id: string;
  [field: string]: unknown;
}

export interface OutboxRecord {
  seq: number;
  time: string;
  method: string;
  /** The path as on api.weixin.qq.com, e.g. `/cgi-bin/draft/add`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  answer: unknown;
  /** Set when a fault was injected: 'errcode', 'timeout' (no answer, not performed), 'lostAnswer' (performed). */
  fault?: 'errcode' | 'timeout' | 'lostAnswer';
}

export interface WechatData {
  seq: number;
  tokens: Record<string, { appid: string; expiresAt: number }>;
  currentToken: Record<string, string>;
  materials: Record<string, { type: string; filename: string; size: number; url: string; createdAt: string }>;
  drafts: Record<string, { articles: Article[]; createdAt: number; updatedAt: number }>;
  publishes: Record<
    string,
    {
      mediaId: string;
      articles: Article[];
      articleId: string;
      submittedAt: number;
      deletedAt?: number;
      /** 1-based indexes of articles deleted one by one (freepublish/delete with index). */
      deletedIdx?: number[];
    }
  >;
  /** Mass sends by msg_id (official-account.ts): the admin confirmation they wait for, deletions per article. */
  masses: Record<
    string,
    {
      clientMsgId: string | null;
      mediaId: string;
      articleCount: number;
      sentAt: number;
      status: 'SENDING' | 'SEND_SUCCESS' | 'SEND_FAIL' | 'DELETE';
      deletedIdx: number[];
    }
  >;
  /** How the fake account behaves (POST /_emulator/official-account): 群发保护, mass quota, daily API quotas. */
  oaConfig: { massProtection: boolean; massQuotaPerDay: number; apiQuota: Record<string, number> };
  /** `${shanghai day} ${fault key}` → calls answered that day (the 45009 quota). */
  apiCalls: Record<string, number>;
  /** `${openid} ${templateId}` → sends left; absent means unlimited. */
  grants: Record<string, number>;
  /** Phone-number codes issued by `POST /_emulator/phone-codes` (phone-number.ts), single-use, by code. */
  phoneCodes: Record<
    string,
    { purePhoneNumber: string; countryCode: string; expiresAt: number; openid?: string }
  >;
  outbox: OutboxRecord[];
}

const empty = (): WechatData => ({
  seq: 0,
  tokens: {},
  currentToken: {},
  materials: {},
  drafts: {},
  publishes: {},
  masses: {},
  oaConfig: { massProtection: false, massQuotaPerDay: 1, apiQuota: {} },
  apiCalls: {},
  grants: {},
  phoneCodes: {},
  outbox: [],
});

export class WechatState {
  data: WechatData;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'wechat.json');
    this.data = existsSync(this.file)
      ? { ...empty(), ...JSON.parse(readFileSync(this.file, 'utf8')) }
      : empty();
  }

  /** A fresh id with a readable prefix; ids are opaque to callers, as WeChat's are. */
  nextId(prefix: string): string {
    this.data.seq += 1;
    return `${prefix}${this.data.seq}_${randomBytes(6).toString('hex')}`;
  }

  save(): void {
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data));
    renameSync(temporary, this.file);
  }

  reset(): void {
    this.data = empty();
    this.save();
  }
}
