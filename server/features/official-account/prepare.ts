/**
 * Preparing the day's digest: the scheduler's every-minute fan-out runs `officialAccount.prepare`,
 * which acts once the settings' digest time has come on a working day (the working-day calendar decides: a cron
 * cannot express 调休) and there is something new. It reads the results published since the last digest (and
 * those carried over from a deleted article), their PUBLIC VIEWS only, builds the articles (core) and writes the
 * digest with its draft's outbox record. Repeat-safe: the digest's id is its date, the record's id the digest's.
 */
import {
  digestArticles,
  MAX_RESULTS_PER_DIGEST,
  type DigestResult,
} from '../../../core/official-account/digest';
import { formatShanghaiMinute } from '../../../core/calendar/civilDate';
import { loadCalendar } from '../../calendar';
import { chainHead } from '../../ledger/sequencer';
import { outboxInsert } from '../../outbox/record';
import type { Database } from '../../platform/cloudbase';
import { addOnce, rowsOf } from '../../platform/docs';
import { currentSettings } from '../../settings';
import { entriesByIds, publicDocsByIds, publishedBetween } from '../publication/channel-reads';
import type { EntryRecord } from '../publication/model';
import { activeAccounts } from '../../org/accounts';
import { queueReminders } from './reminders';
import { CARRY_COLLECTION, DIGESTS_COLLECTION, digestIdOf, getDigest, type DigestDoc } from './model';

export const DEFAULT_OA_SETTINGS = { digestTime: '17:00', everyDay: false, longTermSubscribe: false };
/** The first digest looks back this far (not to the beginning of the record). */
const FIRST_LOOKBACK_MS = 7 * 86_400_000;

export const draftRecordId = (digestId: string) => `oadraft_${digestId}`;

export async function prepareDigest(
  db: Database,
  now: Date,
): Promise<{ ran: boolean; digestId?: string; results?: number }> {
  const settings = (await currentSettings(db, now)).values.officialAccount ?? DEFAULT_OA_SETTINGS;
  const [date, time] = formatShanghaiMinute(now).split(' ') as [string, string];
  if (time < settings.digestTime) return { ran: false };
  if (!settings.everyDay && !(await loadCalendar(db)).isWorkingDay(date).value) return { ran: false };
  const id = digestIdOf(date);
  const existing = await getDigest(db, id);
  if (existing) {
    // A run that stopped between the digest and its record: the record is added now (its id makes it once).
    if (existing.status === 'drafting') await addOnce(db, draftRecord(id, now));
    return { ran: false, digestId: id };
  }
  const last = rowsOf<DigestDoc>(
    await db.collection(DIGESTS_COLLECTION).orderBy('createdAt', 'desc').limit(1).get(),
  )[0];
  const from = last?.to ?? new Date(now.getTime() - FIRST_LOOKBACK_MS).toISOString();
  const carried = rowsOf<{ _id: string }>(
    await db.collection(CARRY_COLLECTION).limit(MAX_RESULTS_PER_DIGEST).get(),
  );
  const room = MAX_RESULTS_PER_DIGEST - carried.length;
  const fresh = (await publishedBetween(db, from, now.toISOString(), Math.max(room, 1))).slice(0, room);
  const carriedEntries = await entriesByIds(
    db,
    carried.map((c) => c._id),
  );
  const entries = [...carriedEntries.filter((e) => e.status === 'published'), ...fresh];
  const results = await publicResults(db, entries);
  if (results.length === 0) return { ran: false };
  // Where the next digest starts: after the last one taken when the batch was full, otherwise now.
  const to = fresh.length === room && room > 0 ? fresh[fresh.length - 1]!.publishedAt! : now.toISOString();
  const head = await chainHead(db, 'records');
  const digest: Omit<DigestDoc, '_id'> = {
    date,
    from,
    to,
    articles: digestArticles(results, date, head.no > 0 ? head : null).map((a) => ({
      ...a,
      removedAt: null,
    })),
    ledgerHead: head.no > 0 ? head : null,
    status: 'drafting',
    version: 1,
    mediaId: null,
    draftVersion: null,
    draftIndexes: [],
    publish: null,
    mass: null,
    removals: [],
    createdAt: now,
    updatedAt: now,
  };
  if (!(await addOnce(db, { collection: DIGESTS_COLLECTION, id, doc: digest })))
    return { ran: false, digestId: id };
  await addOnce(db, draftRecord(id, now));
  await remindPartyOffice(db, id, now);
  for (const c of carried) await db.collection(CARRY_COLLECTION).doc(c._id).remove();
  return { ran: true, digestId: id, results: results.length };
}

/** The Party committee office is reminded that the day's digest waits for it (reminders.ts picks the channel). */
async function remindPartyOffice(db: Database, digestId: string, now: Date): Promise<void> {
  const office = (await activeAccounts(db)).filter((a) => a.roles.some((g) => g.role === 'partyOffice'));
  await queueReminders(
    db,
    office.map((a) => a._id),
    { key: digestId, subject: '今日公示摘要待核对发布', page: `${OA_PAGE}?id=${digestId}` },
    now,
  );
}

/** The staff page of the digest (miniprogram/app.json, staff subpackage). */
export const OA_PAGE = 'pages/staff/official-account/index';

function draftRecord(digestId: string, now: Date) {
  return outboxInsert({ kind: 'oaDraft', payload: { digestId }, at: now, id: draftRecordId(digestId) });
}

/** The public views of the entries (only what publicationPublic holds), in the entries' order. */
async function publicResults(db: Database, entries: readonly EntryRecord[]): Promise<DigestResult[]> {
  const docs = await publicDocsByIds(
    db,
    entries.map((e) => e.publicId),
  );
  const byId = new Map(docs.map((d) => [d._id, d]));
  const out: DigestResult[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const doc = byId.get(e.publicId);
    if (!doc || doc.status !== 'published' || !doc.view || seen.has(e._id)) continue;
    seen.add(e._id);
    out.push({ entryId: e._id, publicId: e.publicId, view: doc.view });
  }
  return out;
}
