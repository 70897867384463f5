/**
 * Demo enrolment in electronic service (docs/service.md): the party of 万卫罚立〔2026〕1号 (某某口腔诊所有限公司)
 * enrolled by its legal representative 王某某 with the WeChat identity `demo-party-1`, through the same actions an
 * officer and a party use: invitation, code, identity, consent (scope: this and later matters), the signed
 * 送达地址确认书 and the AV of its signing registered in the case register, and the officer's confirmation. A second
 * invitation waits for the party (`demo-party-2` may scan it in develop).
 */
import type { SeedCaller } from './call';
import { DEMO_USCC } from './cases';

const OFFICER = 'demo-officer-1';
export const DEMO_PARTY_OPENID = 'demo-party-1';
const CASE_NO = '万卫罚立〔2026〕1号';

export async function seedService(call: SeedCaller): Promise<void> {
  const staff = <T>(action: string, payload: unknown) => call<T>('staff', OFFICER, action, payload);
  const citizen = <T>(action: string, payload: unknown) =>
    call<T>('citizen', DEMO_PARTY_OPENID, action, payload);
  const cases = await staff<{ items: Array<{ id: string; caseNo: string }> }>('case.list', {
    mine: true,
    pageSize: 50,
  });
  const kase = cases.items.find((c) => c.caseNo === CASE_NO);
  if (!kase) return;
  const inv = await staff<{ enrolmentId: string; code: string }>('service.invite', { caseId: kase.id });
  const enrolmentId = inv.enrolmentId;
  await citizen('service.enrolCode', { enrolmentId, code: inv.code });
  await citizen('service.enrolIdentify', {
    enrolmentId,
    name: '某某口腔诊所有限公司',
    creditCode: DEMO_USCC,
    actingAs: 'representative',
    actingName: '王某某',
  });
  await citizen('service.consent', {
    enrolmentId,
    scope: 'party',
    phone: '13800138000',
    agreed: true,
    subscribe: 'accept',
  });
  const end = new Date(Date.now() - 3_600_000);
  const start = new Date(end.getTime() - 15 * 60_000);
  const doc = await staff<{ id: string }>('record.register', {
    caseId: kase.id,
    type: 'document',
    title: '送达地址确认书（王某某签署）',
    workEndedAt: end.toISOString(),
    sha256: 'c3'.repeat(32),
    document: { docType: 'serviceAddressConfirmation', docTimes: [end.toISOString()], signed: true },
  });
  const av = await staff<{ id: string }>('record.register', {
    caseId: kase.id,
    type: 'av',
    title: '签署送达地址确认书录像',
    workEndedAt: end.toISOString(),
    sha256: 'c4'.repeat(32),
    av: {
      device: 'DSJ-0012',
      act: 'other',
      start: start.toISOString(),
      end: end.toISOString(),
      place: '万州区某某路 88 号',
      location: `执法记录仪管理平台/DSJ-0012/${start.toISOString().slice(0, 10)}`,
    },
  });
  await staff('service.confirm', { enrolmentId, confirmationRecordId: doc.id, avRecordId: av.id });
  // Handed over to the records custodian, as the case's other records are (no hand-over clock left running).
  for (const r of [doc, av]) await call('staff', 'demo-custodian', 'record.receive', { recordId: r.id });
  // An open invitation, for the party pages in develop.
  await staff('service.invite', { caseId: kase.id });
}
