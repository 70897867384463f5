/**
 * Each working day's reminder of overdue and due-soon work (the dashboard's clocks: REC-10, PUB-12, ...). The
 * scheduler's fan-out runs `reminders.daily` every minute; it acts once the settings' time (`staffReminders.time`,
 * default 09:00 Shanghai) has come on a working day (the working-day calendar decides: a cron cannot express
 * 调休). It reads the same deadline providers the dashboard reads (each index-served and capped), unit by unit over
 * the whole unit, keeps the items that name a person, and queues ONE reminder per person through `queueReminders`
 * (the channel that reaches them: long-term subscribe, a one-time grant, SMS, or nothing but the to-do on the
 * staff home).
 *
 * Once per day: a marker document (`staff_reminder_days/<date>`) is written `done` when every person was queued,
 * and the reminder's key carries the date, so a repeated or overlapping run, or one cut short and resumed, queues
 * nobody twice. The text has counts and the first items' short descriptions, which the providers keep free of
 * parties' personal data (registry.ts); nothing about a person is logged.
 */
import { formatShanghaiMinute } from '../../../core/calendar/civilDate';
import { loadCalendar } from '../../calendar';
import type { DashboardScope, DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import { activeAccounts } from '../../org/accounts';
import { listUnits } from '../../org/units';
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { currentSettings } from '../../settings';
import { budgetLeft } from '../scheduler/run';
import { queueReminders } from './reminders';

export const REMINDER_DAYS_COLLECTION = 'staff_reminder_days';
export const DEFAULT_REMINDER_TIME = '09:00';
/** The staff home (miniprogram/app.json, staff subpackage): its to-do list is where the work stands. */
export const STAFF_HOME_PAGE = 'pages/staff/home/index';
/** A subscribe message's `thing` holds at most 20 characters. */
const THING_MAX = 20;
/** Stop queuing with this much of the run left; the next run goes on (queued people are skipped). */
const RESERVE_MS = 2_000;

interface DayMarker {
  _id: string;
  status: 'done';
  people: number;
  queued: number;
  doneAt: Date;
}

export const dailyReminderKey = (date: string) => `due-${date}`;

function clip(text: string, max = THING_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The reminder's lines: counts (subject) and the first items, overdue first then the earliest due (detail). */
export function reminderText(items: readonly DeadlineItem[]): { subject: string; detail: string } {
  const overdue = items.filter((i) => i.status === 'overdue').length;
  const dueSoon = items.length - overdue;
  const subject = [overdue ? `逾期${overdue}项` : '', dueSoon ? `即将到期${dueSoon}项` : '']
    .filter(Boolean)
    .join('，');
  const first = [...items]
    .sort((a, b) =>
      a.status === b.status
        ? new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()
        : a.status === 'overdue'
          ? -1
          : 1,
    )
    .slice(0, 3)
    .map((i) => i.item);
  return { subject: clip(`待办：${subject}`), detail: clip(first.join('；')) };
}

/** Every person's items across units, read as the dashboard reads them (whole unit, per provider). */
async function itemsPerPerson(
  db: Database,
  providers: readonly DeadlineProvider[],
  now: Date,
): Promise<Map<string, DeadlineItem[]>> {
  const perPerson = new Map<string, DeadlineItem[]>();
  const seen = new Set<string>();
  for (const unit of await listUnits(db)) {
    // No one's own view: the whole unit, as the scheduler sees it (no role, so no role-limited provider lists).
    const scope: DashboardScope = {
      staff: { staffId: 'scheduler', unitId: unit._id, sectionId: null, roles: [], officerId: null },
      unitIds: [unit._id],
      reach: { [unit._id]: { wholeUnit: true, sectionIds: [] } },
    };
    for (const provider of providers) {
      for (const item of (await provider.list(db, scope, now)).items) {
        if (!item.person || item.unitId !== unit._id) continue;
        const once = `${provider.id}|${item.ref ?? item.item}|${item.person}`;
        if (seen.has(once)) continue;
        seen.add(once);
        const list = perPerson.get(item.person) ?? [];
        list.push(item);
        perPerson.set(item.person, list);
      }
    }
  }
  return perPerson;
}

export async function remindDaily(
  db: Database,
  providers: readonly DeadlineProvider[],
  now: Date,
): Promise<{ ran: boolean; date?: string; people?: number; queued?: number; more?: boolean }> {
  const settings = (await currentSettings(db, now)).values.staffReminders;
  const [date, time] = formatShanghaiMinute(now).split(' ') as [string, string];
  if (time < (settings?.time ?? DEFAULT_REMINDER_TIME)) return { ran: false };
  if (!(await loadCalendar(db)).isWorkingDay(date).value) return { ran: false };
  if (await getDoc<DayMarker>(db, REMINDER_DAYS_COLLECTION, date)) return { ran: false, date };

  const perPerson = await itemsPerPerson(db, providers, now);
  // Only people still active are reminded (a suspended or departed account's work shows on the dashboard).
  const active = new Set((await activeAccounts(db)).map((a) => a._id));
  const people = [...perPerson.keys()].filter((p) => active.has(p)).sort();
  let queued = 0;
  for (const person of people) {
    if (budgetLeft(Infinity) < RESERVE_MS)
      return { ran: true, date, people: people.length, queued, more: true };
    const { subject, detail } = reminderText(perPerson.get(person)!);
    const counts = await queueReminders(
      db,
      [person],
      { key: dailyReminderKey(date), subject, detail, page: STAFF_HOME_PAGE },
      now,
    );
    queued += counts.longTerm + counts.oneTime + counts.sms;
  }
  const marker: Omit<DayMarker, '_id'> = { status: 'done', people: people.length, queued, doneAt: now };
  // Two runs finishing together write the same marker: `set` by id, so the second changes nothing that matters.
  await db.collection(REMINDER_DAYS_COLLECTION).doc(date).set(marker);
  return { ran: true, date, people: people.length, queued };
}
