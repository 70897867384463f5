/**
 * Notices of a served document (REC-7; docs/service.md): the subscribe message and the SMS rows `serviceNotices` builds
 * (no party or case detail in them), and the SMS delivered through the outbox to the emulator's fake provider
 * (Tencent Cloud SendSms shape, TC3 signature checked): sent once, the number dropped afterwards; a provider
 * limit retried; a lost answer `unknown` and never resent.
 */
import { deliverOutbox, outboxRecord } from '../../../server/outbox';
import { serviceNotices } from '../../../server/features/service/notify';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { docOf, startWithSdk } from '../ledger/helpers';

let emu: TestEmulator;
let db: Database;

beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());
beforeEach(() => emu.post('/_emulator/reset', {}));

const SERVICE = 'svc_0123456789abcdef01234567';
const ISSUED = new Date('2026-06-18T02:30:00Z');

describe('serviceNotices', () => {
  it('builds a subscribe message to the document page and an SMS with a link, nothing about the case or party', () => {
    const rows = serviceNotices({
      serviceId: SERVICE,
      docTypeLabel: '行政处罚事先告知书',
      issuedAt: ISSUED,
      addresses: [
        { openid: 'o-party', phone: '13987654321', subscribe: 'oneTime' },
        { openid: 'o-agent', phone: null, subscribe: null },
      ],
    });
    expect(rows.map((r) => [r.id, r.doc.kind])).toEqual([
      [`ob_${SERVICE}_mp0`, 'subscribeMessage'],
      [`ob_${SERVICE}_sms0`, 'sms'],
    ]);
    expect(rows[0]!.doc.payload).toMatchObject({
      touser: 'o-party',
      page: `pages/service/document/index?id=${SERVICE}`,
      data: { thing1: { value: '行政处罚事先告知书' }, time2: { value: '2026-06-18 10:30' } },
    });
    expect(rows[1]!.doc.payload).toMatchObject({
      phone: '13987654321',
      params: ['行政处罚事先告知书', expect.any(String)],
    });
  });
});

async function enqueueSms(phone = '13987654321'): Promise<string> {
  const record = outboxRecord({
    kind: 'sms',
    payload: { phone, templateId: 'service-notice', params: ['行政处罚决定书', 'https://wxaurl.cn/x'] },
    at: new Date(),
  });
  await db.collection('sys_outbox').add(record);
  return record._id;
}
const sentSms = async () => (await emu.get('/_emulator/sms')).body.items as any[];

describe('SMS through the outbox', () => {
  it('is sent once to the fake provider, signed, and the number is dropped from the record', async () => {
    const id = await enqueueSms();
    expect(await deliverOutbox(db, new Date())).toMatchObject({ sent: 1 });
    expect(await sentSms()).toEqual([
      expect.objectContaining({
        phone: '13987654321',
        templateId: 'service-notice',
        params: ['行政处罚决定书', 'https://wxaurl.cn/x'],
      }),
    ]);
    const stored = await docOf(db, 'sys_outbox', id);
    expect(stored).toMatchObject({ status: 'sent', payload: { phone: null }, result: { serialNo: 'emu-1' } });
    expect(await deliverOutbox(db, new Date(Date.now() + 3600_000))).toMatchObject({ claimed: 0 });
  });

  it('retries a provider limit, and marks a lost answer unknown without resending', async () => {
    const limited = await enqueueSms();
    await emu.post('/_emulator/sms-faults', { code: 'LimitExceeded.PhoneNumberDailyLimit' });
    await deliverOutbox(db, new Date());
    expect(await docOf(db, 'sys_outbox', limited)).toMatchObject({
      status: 'pending',
      lastError: 'LimitExceeded.PhoneNumberDailyLimit',
    });
    await emu.post('/_emulator/reset', {});

    const lost = await enqueueSms('13512345678');
    await emu.post('/_emulator/sms-faults', { noAnswer: true });
    await deliverOutbox(db, new Date());
    expect(await docOf(db, 'sys_outbox', lost)).toMatchObject({
      status: 'unknown',
      payload: { phone: null },
    });
  });

  it('fails for good on a number the provider refuses', async () => {
    const id = await enqueueSms('12345');
    await deliverOutbox(db, new Date());
    expect(await docOf(db, 'sys_outbox', id)).toMatchObject({
      status: 'failed',
      lastError: 'InvalidParameterValue.IncorrectPhoneNumber',
    });
    expect(await sentSms()).toEqual([]);
  });
});
