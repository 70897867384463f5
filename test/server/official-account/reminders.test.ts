/**
 * Reminders that keep reaching staff: the Party committee office is reminded of each day's
 * digest on the first channel that reaches them: a one-time subscribe grant is spent once and then not used again,
 * then SMS to the work mobile (through the outbox, delivered to the fake SMS provider), and the long-term template
 * once the settings say the account's category allows it. The openid and mobile are stored sealed (PIPL Art. 51).
 */
import { docOf } from '../ledger/helpers';
import { deliver, readyDigest, staff, useOfficialAccountEmulator } from './helpers';

const ctx = useOfficialAccountEmulator();
const OFFICE_ID = 'stf_party_office';
const reminderOf = (digestId: string) => docOf(ctx.db, 'sys_outbox', `rm_${digestId}_${OFFICE_ID}`);

it('spends a one-time grant once, then falls back to SMS, then uses the long-term template where allowed', async () => {
  const set = await staff(ctx, 'reminders.setChannels', { oneTimeAccepted: true });
  expect(set).toMatchObject({ ok: true, data: { oneTimeGrants: 1, next: 'oneTime', phone: null } });

  const first = await readyDigest(ctx, 1);
  expect(await reminderOf(first.id)).toMatchObject({
    kind: 'subscribeMessage',
    payload: {
      templateId: 'staff-reminder-oneTime',
      page: `pages/staff/official-account/index?id=${first.id}`,
    },
  });
  expect((await staff(ctx, 'reminders.channels')).data).toMatchObject({ oneTimeGrants: 0, next: 'none' });

  // No grant left and no mobile: nothing is queued; the digest stands on the staff page.
  const second = await readyDigest(ctx, 1);
  expect(await reminderOf(second.id)).toBeNull();

  const withPhone = await staff(ctx, 'reminders.setChannels', { phone: '13812345678' });
  expect(withPhone.data).toMatchObject({ phone: '138****5678', next: 'sms' });
  const stored = JSON.stringify(await docOf(ctx.db, 'staff_reminder_channels', OFFICE_ID));
  expect(stored).not.toContain('13812345678');
  expect(stored).not.toContain('demo-party-office');

  const third = await readyDigest(ctx, 1);
  expect(await reminderOf(third.id)).toMatchObject({
    kind: 'sms',
    payload: { params: ['今日公示摘要待核对发布'] },
  });
  await deliver(ctx);
  const sms = (await ctx.emu.get('/_emulator/sms')).body.items;
  expect(sms.length).toBeGreaterThanOrEqual(1);
  expect((await reminderOf(third.id)).status).toBe('sent');

  const published = await ctx.call.staff('demo-admin-1', 'settings.publish', {
    values: { officialAccount: { digestTime: '17:00', everyDay: false, longTermSubscribe: true } },
  });
  expect(published.ok).toBe(true);
  expect((await staff(ctx, 'reminders.setChannels', { longTerm: true })).data).toMatchObject({
    longTermAllowed: true,
    next: 'longTerm',
  });
  const fourth = await readyDigest(ctx, 1);
  expect(await reminderOf(fourth.id)).toMatchObject({
    kind: 'subscribeMessage',
    payload: { templateId: 'staff-reminder-longTerm' },
  });
});

it('refuses a mobile that is not a mainland number, naming the field', async () => {
  const res = await staff(ctx, 'reminders.setChannels', { phone: '12345' });
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.phone': '联系电话格式不正确' } },
  });
  expect(JSON.stringify(res)).not.toContain('12345');
});
