/**
 * Electronic service in the case register (REC-7, REC-16; 行政处罚法 Art. 61-62): after an invitation, a wrong code,
 * the right code, identity, consent, the officer's confirmation, a service, its opening, acknowledgement and a
 * statement, `case.get` lists each event in order, each naming the ledger event that committed it (its id, hash
 * and the revision of its record), and nothing in the answer is a code, an openid, an ID or phone number. An
 * officer of another section still gets NOT_FOUND for the case (REC-14).
 */
import { newOpenid, sdkApp, useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from './helpers';
import {
  caseWithOrganisation,
  invite,
  newPartyOpenid,
  partyConsents,
  registerConfirmation,
  wrongCodeFor,
} from '../service/enrol-helpers';
import { documentOnCase } from '../service/serving-helpers';

const t = useSeededEmulator();
const PHONE = '13800138000'; // what partyConsents gives as the service phone

async function storedEvent(id: string) {
  const got = await sdkApp().database().collection('sys_events').doc(id).get();
  return (got.data as any[])[0] ?? null;
}

it('lists every service event of the case in order, each with its ledger event, and no secret (REC-7, REC-16)', async () => {
  const kase = await caseWithOrganisation(t.call);
  const openid = newPartyOpenid();
  const inv = await invite(t.call, kase.id);
  const wrong = await t.call.citizen(openid, 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: wrongCodeFor(inv.code),
  });
  expect(wrong).toMatchObject({ ok: false });
  await partyConsents(t.call, openid, inv.enrolmentId, inv.code, kase.party);
  const records = await registerConfirmation(t.call, kase.id);
  expect(
    await t.call.staff(OFFICER, 'service.confirm', { enrolmentId: inv.enrolmentId, ...records }),
  ).toMatchObject({ ok: true, data: { status: 'active' } });

  const recordId = await documentOnCase(t, kase.id, 'priorNotice');
  const issued = await t.call.staff(OFFICER, 'service.issue', {
    recordId,
    penalties: [{ kind: 'suspendBusiness' }],
  });
  expect(issued).toMatchObject({ ok: true });
  const serviceId = issued.data.id as string;
  expect(await t.call.citizen(openid, 'service.open', { serviceId })).toMatchObject({ ok: true });
  expect(await t.call.citizen(openid, 'service.acknowledge', { serviceId })).toMatchObject({ ok: true });
  expect(
    await t.call.citizen(openid, 'service.state', {
      serviceId,
      text: '我方已停止相关诊疗活动，请求从轻处罚。',
    }),
  ).toMatchObject({ ok: true });

  const got = await t.call.staff(OFFICER, 'case.get', { id: kase.id });
  expect(got).toMatchObject({ ok: true });
  const { items, more } = got.data.services;
  expect(more).toBe(false);
  expect(items.map((e: any) => [e.kind, e.detail])).toEqual([
    ['invite', '执法人员生成电子送达确认邀请'],
    ['attempt', '验证码错误，累计失败 1 次'],
    ['attempt', '验证码正确'],
    ['attempt', '身份信息核对一致'],
    ['consent', '当事人同意电子送达并确认送达地址'],
    ['confirm', '执法人员核对一致，电子送达生效'],
    ['serve', expect.stringContaining('电子送达')],
    ['open', '首次打开（已阅知）'],
    ['acknowledge', '确认收悉'],
    ['statement', '提交陈述、申辩'],
  ]);
  expect(items.map((e: any) => e.by)).toEqual([
    'staff',
    'party',
    'party',
    'party',
    'party',
    'staff',
    'staff',
    'party',
    'party',
    'party',
  ]);
  const times = items.map((e: any) => Date.parse(e.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(items.every((e: any) => e.partyName === kase.party.name)).toBe(true);
  expect(items[1].failures).toBe(1);
  const serve = items.find((e: any) => e.kind === 'serve');
  expect(serve.document).toEqual({ docNo: expect.stringMatching(/^万卫罚告/), title: '行政处罚事先告知书' });

  // Each names its record's ledger event: the enrolment's revisions 1-6, the service's 1-4, as stored.
  const expected = [
    ...[1, 2, 3, 4, 5, 6].map((rev) => `serviceEnrolments/${inv.enrolmentId}/${rev}`),
    ...[1, 2, 3, 4].map((rev) => `services/${serviceId}/${rev}`),
  ];
  expect(items.map((e: any) => e.ledger?.event)).toEqual(expected);
  for (const e of items) {
    const stored = await storedEvent(e.ledger.event);
    expect(stored).toMatchObject({ hash: e.ledger.hash });
    expect(Date.parse(stored.actedAt)).toBe(Date.parse(e.at));
  }

  // Nothing the register must not show: the code, the openid, the credit code, the phone, salted references.
  const json = JSON.stringify(got.data.services);
  for (const secret of [inv.code, openid, kase.party.idNo, PHONE, 'openid:', 'staff:'])
    expect({ secret, found: json.includes(secret) }).toEqual({ secret, found: false });
});

it('shows an act written behind the ledger’s back without a ledger event (REC-16)', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  await partyConsents(t.call, newPartyOpenid(), inv.enrolmentId, inv.code, kase.party);
  // A direct database write adds a consent the party never gave through the system: no revision, no event.
  const coll = sdkApp().database().collection('serviceEnrolments');
  const doc = ((await coll.doc(inv.enrolmentId).get()).data as any[])[0];
  const forged = { ...doc._wf.acts.at(-1), actedAt: new Date(Date.now() + 1000).toISOString() };
  await coll.doc(inv.enrolmentId).update({ '_wf.acts': [...doc._wf.acts, forged] });

  const got = await t.call.staff(OFFICER, 'case.get', { id: kase.id });
  const items = got.data.services.items;
  expect(items.map((e: any) => e.kind)).toEqual(['invite', 'attempt', 'attempt', 'consent', 'consent']);
  expect(items.slice(0, 4).map((e: any) => e.ledger?.event)).toEqual(
    [1, 2, 3, 4].map((rev) => `serviceEnrolments/${inv.enrolmentId}/${rev}`),
  );
  expect(items[4].ledger).toBeNull();
});

it('answers an officer of another section NOT_FOUND for the case, as before (REC-14)', async () => {
  const inv = await t.call.staff('demo-admin-1', 'staff.invite', {
    name: '二大队队员',
    unitId: 'unit_enforcement',
    sectionId: 'sec_dept_2',
    roles: ['officer'],
  });
  const other = newOpenid();
  expect(await t.call.staff(other, 'staff.bind', { inviteCode: inv.data.inviteCode })).toMatchObject({
    ok: true,
  });
  const kase = await caseWithOrganisation(t.call);
  await invite(t.call, kase.id);
  const got = await t.call.staff(other, 'case.get', { id: kase.id });
  expect(got).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  expect(JSON.stringify(got)).not.toContain(kase.party.name);
});

it('shows an empty list for a case with no electronic service yet', async () => {
  const kase = await caseWithOrganisation(t.call);
  const got = await t.call.staff(OFFICER, 'case.get', { id: kase.id });
  expect(got.data.services).toEqual({ items: [], more: false });
});
