/**
 * Reminders that keep reaching staff. A one-time subscribe grant carries one message and is then
 * used up (WeChat answers 43101 after it); so each staff member's channels are kept (`staff_reminder_channels`,
 * the openid and work mobile SEALED: server/privacy) and each reminder takes, in order: the long-term subscribe
 * template where the account's category allows it (settings `officialAccount.longTermSubscribe`) and the person
 * accepted it; a one-time grant left (taken with a conditional update, so two reminders never spend one grant);
 * an SMS to the work mobile through the outbox; or nothing but the to-do on the staff pages, which always stands.
 * Used for the digest waiting for the Party committee office and for each working day's reminder of overdue and
 * due-soon work (daily-reminders.ts).
 */
import * as decl from '../../../core/contract/official-account';
import type { ReminderChannelsView } from '../../../core/contract/official-account';
import { addOutboxOnce, getOutboxRecord } from '../../outbox';
import type { Database } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { openPersonalData, sealPersonalData, type SealedPersonalData } from '../../privacy/personal-data';
import { handle } from '../../router/types';
import { currentSettings } from '../../settings';

export const CHANNELS_COLLECTION = 'staff_reminder_channels';

interface ChannelsDoc {
  _id: string;
  oneTimeGrants: number;
  longTerm: boolean;
  /** { openid, phone } sealed under this document's reference. */
  contact: SealedPersonalData | null;
  updatedAt: Date;
}
interface Contact {
  openid: string | null;
  phone: string | null;
}

const recordRef = (staffId: string) => `${CHANNELS_COLLECTION}/${staffId}`;
const mask = (phone: string | null) => (phone ? `${phone.slice(0, 3)}****${phone.slice(7)}` : null);

async function longTermAllowed(db: Database, now: Date): Promise<boolean> {
  return (await currentSettings(db, now)).values.officialAccount?.longTermSubscribe ?? false;
}

function nextChannel(doc: ChannelsDoc | null, contact: Contact | null, allowed: boolean) {
  if (doc && contact?.openid && allowed && doc.longTerm) return 'longTerm' as const;
  if (doc && contact?.openid && doc.oneTimeGrants > 0) return 'oneTime' as const;
  if (contact?.phone) return 'sms' as const;
  return 'none' as const;
}

async function readChannels(db: Database, staffId: string) {
  const doc = await getDoc<ChannelsDoc>(db, CHANNELS_COLLECTION, staffId);
  const contact = doc?.contact ? await openPersonalData<Contact>(db, recordRef(staffId), doc.contact) : null;
  return { doc, contact };
}

async function channelsView(db: Database, staffId: string, now: Date): Promise<ReminderChannelsView> {
  const { doc, contact } = await readChannels(db, staffId);
  const allowed = await longTermAllowed(db, now);
  return {
    oneTimeGrants: doc?.oneTimeGrants ?? 0,
    longTerm: doc?.longTerm ?? false,
    longTermAllowed: allowed,
    phone: mask(contact?.phone ?? null),
    next: nextChannel(doc, contact, allowed),
  };
}

export interface Reminder {
  /** Deterministic per reminder and person: the same reminder is never queued twice. */
  key: string;
  /** What it is about, at most 20 characters (a subscribe message `thing`). */
  subject: string;
  /** The mini-program page it opens. */
  page: string;
  /**
   * The subscribe message's second line (at most 20 characters), e.g. the first items due; absent: "open the staff
   * pages". Not in the SMS, whose one template has one parameter.
   */
  detail?: string;
}

/**
 * Queues `reminder` for each staff member on the channel that reaches them (see the file's comment); answers how
 * many were queued per channel. Repeat-safe: the record id is the reminder's key and the person's.
 */
export async function queueReminders(
  db: Database,
  staffIds: readonly string[],
  reminder: Reminder,
  now: Date,
): Promise<Record<'longTerm' | 'oneTime' | 'sms' | 'none', number>> {
  const counts = { longTerm: 0, oneTime: 0, sms: 0, none: 0 };
  const allowed = await longTermAllowed(db, now);
  for (const staffId of staffIds) {
    const id = `rm_${reminder.key}_${staffId}`;
    if (await getOutboxRecord(db, id)) continue;
    const { doc, contact } = await readChannels(db, staffId);
    let channel = nextChannel(doc, contact, allowed);
    if (channel === 'oneTime') {
      // Spend one grant; a concurrent reminder that spent it first leaves us the next channel.
      const res = await db
        .collection(CHANNELS_COLLECTION)
        .where({ _id: staffId, oneTimeGrants: doc!.oneTimeGrants })
        .update({ oneTimeGrants: doc!.oneTimeGrants - 1, updatedAt: now });
      if (Number(res.updated ?? 0) !== 1) channel = contact?.phone ? 'sms' : 'none';
    }
    counts[channel] += 1;
    if (channel === 'none') continue;
    await (channel === 'sms'
      ? addOutboxOnce(db, {
          kind: 'sms',
          at: now,
          id,
          payload: {
            phone: contact!.phone!,
            templateId: process.env.STAFF_REMINDER_SMS_TEMPLATE_ID || 'staff-reminder',
            // One parameter for every reminder: the SMS template is one; the detail stays in the app.
            params: [reminder.subject],
          },
        })
      : addOutboxOnce(db, {
          kind: 'subscribeMessage',
          at: now,
          id,
          payload: {
            touser: contact!.openid!,
            templateId:
              (channel === 'longTerm'
                ? process.env.STAFF_REMINDER_TEMPLATE_ID
                : process.env.STAFF_REMINDER_ONE_TIME_TEMPLATE_ID) || `staff-reminder-${channel}`,
            page: reminder.page,
            data: {
              thing1: { value: reminder.subject },
              thing2: { value: reminder.detail ?? '请打开工作台办理' },
            },
          },
        }));
  }
  return counts;
}

export const reminderStaffActions = {
  'reminders.channels': handle(decl.remindersChannels, async (_input, call) =>
    channelsView(call.db, call.staff!.staffId, call.now),
  ),
  'reminders.setChannels': handle(decl.remindersSetChannels, async (input, call) => {
    const staffId = call.staff!.staffId;
    const { doc, contact } = await readChannels(call.db, staffId);
    // The openid comes from the WeChat context of this call, never from the payload.
    const next: Contact = {
      openid: call.caller.openid ?? contact?.openid ?? null,
      phone: input.phone === undefined ? (contact?.phone ?? null) : input.phone,
    };
    const fields = {
      oneTimeGrants: (doc?.oneTimeGrants ?? 0) + (input.oneTimeAccepted ? 1 : 0),
      longTerm: input.longTerm ?? doc?.longTerm ?? false,
      contact: await sealPersonalData(call.db, recordRef(staffId), { ...next }, call.now),
      updatedAt: call.now,
    };
    if (doc)
      await call.db
        .collection(CHANNELS_COLLECTION)
        .doc(staffId)
        .update({ ...fields, contact: call.db.command.set(fields.contact) });
    else await call.db.collection(CHANNELS_COLLECTION).doc(staffId).set(fields);
    return channelsView(call.db, staffId, call.now);
  }),
};
