/**
 * The official account: the scheduler prepares a digest of newly published results as a
 * draft; the Party committee office (党委办公室, role `partyOffice`) reads it and publishes it or mass-sends it.
 * Every delivery is an outbox record; a failed one is retried from the dashboard (`outbox.retry`).
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';

export type DigestStatus = 'drafting' | 'ready' | 'publishing' | 'published' | 'massSending' | 'massSent';
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

/** One outbox record as staff see it: what it does, how it stands, how often it was tried, the last error code. */
export interface DeliveryView {
  id: string;
  kind: string;
  label: string;
  status: DeliveryState;
  attempts: number;
  lastError: string | null;
  /** Plain Chinese for the last error, when there is one. */
  lastErrorText: string | null;
  nextAttemptAt: string | null;
  retryable: boolean;
}

export interface DigestArticleView {
  index: number;
  title: string;
  digest: string;
  /** The article's HTML as it goes to WeChat (public views only). */
  content: string;
  results: Array<{ publicId: string; docNo: string }>;
  /** Taken out (withdrawn or expired results) and when. */
  removedAt: string | null;
}

export interface DigestSummary {
  id: string;
  date: string;
  status: DigestStatus;
  articles: number;
  results: number;
  removed: number;
  createdAt: string;
}

export interface DigestView extends DigestSummary {
  articleList: DigestArticleView[];
  ledgerHead: { no: number; hash: string } | null;
  url: string | null;
  deliveries: DeliveryView[];
  /** What the office may do now. */
  canPublish: boolean;
  canMassSend: boolean;
}

const OA_ROLES = ['partyOffice'] as const;
const digestId = z.string().check(z.regex(/^dg_\d{4}-\d{2}-\d{2}$/));

export const officialAccountDigests = declareAction<{ items: DigestSummary[] }>()({
  fn: 'staff',
  name: 'officialAccount.digests',
  access: 'staff',
  roles: [...OA_ROLES, 'admin', 'auditor'],
  input: z.strictObject({}),
});
export const officialAccountDigest = declareAction<DigestView>()({
  fn: 'staff',
  name: 'officialAccount.digest',
  access: 'staff',
  roles: [...OA_ROLES, 'admin', 'auditor'],
  input: z.strictObject({ id: digestId }),
});
/** 发布 (freepublish): a permanent link; exactly one publication per digest however often it is asked. */
export const officialAccountPublish = declareAction<DigestView>()({
  fn: 'staff',
  name: 'officialAccount.publish',
  access: 'staff',
  roles: OA_ROLES,
  idempotent: true,
  input: z.strictObject({ id: digestId }),
});
/** 群发 to all followers within the account's quota; exactly one send per digest (clientmsgid). */
export const officialAccountMassSend = declareAction<DigestView>()({
  fn: 'staff',
  name: 'officialAccount.massSend',
  access: 'staff',
  roles: OA_ROLES,
  idempotent: true,
  input: z.strictObject({ id: digestId }),
});
/** A failed delivery tried again from the dashboard: admin any kind, the Party committee office its own. */
export const outboxRetry = declareAction<DeliveryView>()({
  fn: 'staff',
  name: 'outbox.retry',
  access: 'staff',
  roles: [...OA_ROLES, 'admin'],
  idempotent: true,
  input: z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(80)) }),
});

/** Timer: prepares the day's digest when the schedule in the settings says so and there is something new. */
export const officialAccountPrepare = declareAction<{ ran: boolean; digestId?: string; results?: number }>()({
  fn: 'scheduler',
  name: 'officialAccount.prepare',
  access: 'timer',
  input: z.strictObject({}),
});
/**
 * Timer: once per working day at the settings' time (`staffReminders.time`, default 09:00 Shanghai), ONE reminder
 * per staff member with overdue or due-soon work on the dashboard's deadline providers (counts and the first items,
 * never a party's personal data). Repeat-safe per day (a marker document; the reminder's key is the date).
 */
export const remindersDaily = declareAction<{
  ran: boolean;
  date?: string;
  people?: number;
  queued?: number;
  more?: boolean;
}>()({
  fn: 'scheduler',
  name: 'reminders.daily',
  access: 'timer',
  input: z.strictObject({}),
});
/** Timer: takes withdrawn or expired results out of every digest they went into (by index). */
export const officialAccountSweep = declareAction<{ removed: number; queued: number }>()({
  fn: 'scheduler',
  name: 'officialAccount.sweep',
  access: 'timer',
  input: z.strictObject({}),
});

/**
 * How reminders reach a staff member. A one-time subscribe grant carries ONE message and is
 * used up; a long-term grant keeps working where the account's service category allows it (the settings'
 * `officialAccount.longTermSubscribe`); otherwise an SMS to the work mobile given here. Whatever reaches them, the
 * to-do stands on the staff pages.
 */
export interface ReminderChannelsView {
  oneTimeGrants: number;
  longTerm: boolean;
  longTermAllowed: boolean;
  /** The work mobile, masked (138****5678), or null. */
  phone: string | null;
  /** What the next reminder would use. */
  next: 'longTerm' | 'oneTime' | 'sms' | 'none';
}

export const remindersChannels = declareAction<ReminderChannelsView>()({
  fn: 'staff',
  name: 'reminders.channels',
  access: 'staff',
  input: z.strictObject({}),
});
export const remindersSetChannels = declareAction<ReminderChannelsView>()({
  fn: 'staff',
  name: 'reminders.setChannels',
  access: 'staff',
  idempotent: true,
  input: z.strictObject({
    /** The page asked wx.requestSubscribeMessage and the one-time template was accepted: one more message. */
    oneTimeAccepted: z.optional(z.literal(true)),
    /** The long-term template was accepted (or, false, turned off in the settings page). */
    longTerm: z.optional(z.boolean()),
    /** A mainland mobile for SMS reminders; null removes it. */
    phone: z.optional(z.nullable(z.string().check(z.regex(/^1[3-9]\d{9}$/)))),
  }),
});
