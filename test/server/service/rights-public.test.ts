/**
 * `rights.get` through the emulator (PUB-5): anyone, with no WeChat identity, reads the rights
 * notice of a document type with the articles, periods, review body and court of the legal settings in force
 * (行政复议法 2023 Art. 24: the district government; 行政诉讼法 Art. 46), the hearing right's conditions with
 * Chongqing's thresholds (行政处罚法 Art. 63), and the dates from a receipt date across the Dragon Boat holiday.
 * A new settings version (address and phone of the bodies) shows at once; bad input gets Chinese field messages.
 */
import { randomUUID } from 'node:crypto';
import type { TestEmulator } from '../../helpers/emulator';
import { caller, startWithSdk } from '../ledger/helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof caller>;

/** As the mini-program's public pages call: no identity needed. */
const rights = (payload: unknown, openid?: string) =>
  emu.call('public', { action: 'rights.get', payload, requestId: randomUUID() }, openid);

beforeAll(async () => {
  ({ emu } = await startWithSdk(true));
  staff = caller(emu, 'staff');
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

const ids = (res: any) => res.data.items.map((i: any) => i.id);

it('answers anyone, without identity, the 事先告知书 notice under settings version 1', async () => {
  const res = await rights({ docType: 'priorNotice' });
  expect(res.ok).toBe(true);
  expect(res.data).toMatchObject({ docName: '行政处罚事先告知书', generic: true, settingsVersion: 1 });
  expect(ids(res)).toEqual(['statement', 'hearing', 'recusal']);
  const hearing = res.data.items[1];
  expect(hearing.article).toBe('《中华人民共和国行政处罚法》第六十三条、第六十四条');
  expect(hearing.text).toContain('对公民5000元以上、对法人或者其他组织5万元以上'); // 市政府令第354号
  expect(hearing.periodText).toBe('5个工作日（自收到文书之日的次日起算）');
  // The same answer for a WeChat user: nothing depends on who asks.
  const signedIn = await rights({ docType: 'priorNotice' }, 'o-rights-reader');
  expect(signedIn.data).toEqual(res.data);
});

it('a penalty decision names the district government and the configured court, with the duties of a fine', async () => {
  const res = await rights({ docType: 'penaltyDecision' });
  expect(ids(res)).toEqual(['review', 'litigation', 'payment', 'surcharge', 'deferment', 'noSuspension']);
  expect(res.data.items[0].text).toContain('60日内向重庆市万州区人民政府申请行政复议');
  expect(res.data.bodies.map((b: any) => [b.label, b.name, b.phone])).toEqual([
    ['行政复议机关', '重庆市万州区人民政府', null],
    ['人民法院', '依重庆市行政案件集中管辖规定确定的人民法院', null],
  ]);
  const onSpot = await rights({ docType: 'penaltyDecision', onSpot: true });
  expect(ids(onSpot).slice(0, 2)).toEqual(['review', 'litigationAfterReview']); // 行政复议法 Art. 23
  const demand = await rights({ docType: 'demandNotice' });
  expect(demand.data.items[0].article).toBe('《中华人民共和国行政强制法》第三十五条、第三十六条');
});

it('counts the dates from the receipt date: hearing by 2026-06-26, payment by 2026-07-03', async () => {
  await emu.post('/_emulator/clock', { now: '2026-06-20T10:00:00+08:00' });
  const notice = await rights({ docType: 'priorNotice', servedOn: '2026-06-18' });
  expect(notice.data.today).toBe('2026-06-20');
  expect(notice.data.items.find((i: any) => i.id === 'hearing').due).toEqual({
    date: '2026-06-26',
    provisional: false,
  });
  const decision = await rights({
    docType: 'penaltyDecision',
    servedOn: '2026-06-18',
    partyKind: 'organisation',
    penalties: [{ kind: 'fine', amountYuan: 3000 }],
  });
  const byId = Object.fromEntries(decision.data.items.map((i: any) => [i.id, i]));
  expect(byId.payment.due.date).toBe('2026-07-03');
  expect(byId.payment.text).toContain('缴纳罚款3000元');
  expect(byId.surcharge.from.date).toBe('2026-07-04');
});

it('shows a new settings version at once: the bodies’ address and phone, for tap-to-call', async () => {
  const published = await staff('demo-admin-1', 'settings.publish', {
    values: {
      reviewBody: {
        name: '重庆市万州区人民政府',
        basis: '《中华人民共和国行政复议法》第二十四条',
        address: '重庆市万州区行政复议接待窗口',
        phone: '023-00000000',
      },
    },
  });
  expect(published.ok).toBe(true);
  const res = await rights({ docType: 'sealSeizeDecision' });
  expect(res.data.settingsVersion).toBe(published.data.version);
  expect(res.data.bodies[0]).toMatchObject({
    address: '重庆市万州区行政复议接待窗口',
    phone: '023-00000000',
  });

  const bad = await staff('demo-admin-1', 'settings.publish', {
    values: { court: { name: '某法院', basis: '', phone: 'call me' } },
  });
  expect(bad.error.code).toBe('INVALID_INPUT');
  expect(JSON.stringify(bad.error)).not.toContain('call me');
});

it('refuses bad input with a Chinese message naming the field, echoing nothing', async () => {
  const cases: Array<[unknown, string, RegExp]> = [
    [{}, 'payload.docType', /请选择文书类型/],
    [{ docType: 'inquiryRecord' }, 'payload.docType', /请选择文书类型/],
    [{ docType: 'priorNotice', servedOn: '2026-02-30' }, 'payload.servedOn', /收到文书日期/],
    [{ docType: 'priorNotice', penalties: [{ kind: 'flogging' }] }, 'payload.penalties.0.kind', /处罚种类/],
    [
      { docType: 'priorNotice', penalties: [{ kind: 'fine', amountYuan: -1 }] },
      'payload.penalties.0.amountYuan',
      /金额/,
    ],
    [{ docType: 'priorNotice', partyKind: 'alien' }, 'payload.partyKind', /当事人类别/],
  ];
  for (const [payload, field, message] of cases) {
    const res = await rights(payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields[field]).toMatch(message);
    expect(JSON.stringify(res)).not.toMatch(/inquiryRecord|flogging|alien|2026-02-30/);
  }
  const extra = await rights({ docType: 'priorNotice', secret: 'x' });
  expect(extra.error.code).toBe('INVALID_INPUT');
});
