/**
 * After enrolment (docs/service.md; 行政处罚法 Art. 61; REC-7): an organisation designates another recipient (the
 * old identity loses access at once), the party withdraws consent, a refusal is recorded and means paper service,
 * the officer revokes an active enrolment, and an officer of another section cannot invite (NOT_FOUND, REC-14).
 */
import { sdk } from '../../emulator/storage/helpers';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindingFor, recipientsFor } from '../../../server/features/service/bindings';
import type { Database } from '../../../server/platform/cloudbase';
import {
  caseWithOrganisation,
  enrolled,
  invite,
  newPartyOpenid,
  partyConsents,
  registerConfirmation,
} from './enrol-helpers';

const t = useSeededEmulator();
const db = () => sdk().database() as unknown as Database;
/** Officers of the same unit, not on the case: one of another section (执法二大队), one of the case's own. */
const OTHER_SECTION_OFFICER = newPartyOpenid();
const SAME_SECTION_OFFICER = newPartyOpenid();

async function bindOfficer(openid: string, sectionId: string) {
  const inv = await t.call.staff('demo-admin-1', 'staff.invite', {
    name: '执法人员',
    unitId: 'unit_enforcement',
    sectionId,
    roles: ['officer'],
  });
  expect(inv).toMatchObject({ ok: true });
  const bound = await t.call.staff(openid, 'staff.bind', { inviteCode: inv.data.inviteCode });
  expect(bound).toMatchObject({ ok: true });
}

beforeAll(async () => {
  await bindOfficer(OTHER_SECTION_OFFICER, 'sec_dept_2');
  await bindOfficer(SAME_SECTION_OFFICER, 'sec_dept_1');
});

it('replaces the old recipient when an organisation designates an agent: the old identity gets nothing at once', async () => {
  const first = await enrolled(t.call);
  const { kase } = first;
  expect(await bindingFor(db(), first.openid, kase.partyId, kase.id)).not.toBeNull();

  const agent = newPartyOpenid();
  const inv = await invite(t.call, kase.id);
  await partyConsents(t.call, agent, inv.enrolmentId, inv.code, kase.party, {
    actingAs: 'agent',
    actingName: '赵某某',
    authorisation: '授权委托书（2026年12月1日，委托赵某某接收送达）',
  });
  const records = await registerConfirmation(t.call, kase.id);
  const confirmed = await t.call.staff(OFFICER, 'service.confirm', {
    enrolmentId: inv.enrolmentId,
    ...records,
  });
  expect(confirmed).toMatchObject({ ok: true, data: { status: 'active' } });

  expect(await bindingFor(db(), first.openid, kase.partyId, kase.id)).toBeNull();
  expect(await bindingFor(db(), agent, kase.partyId, kase.id)).toMatchObject({ actingAs: 'agent' });
  expect((await recipientsFor(db(), kase.partyId, kase.id)).length).toBe(1);

  const old = await t.call.staff(OFFICER, 'service.enrolment', { enrolmentId: first.inv.enrolmentId });
  expect(old.data.status).toBe('replaced');
  expect(old.data.timeline.at(-1)).toMatchObject({ step: 'replace', label: '已由新指定的受送达人代替' });
  // The old identity no longer has a consent in force.
  const mine = await t.call.citizen(first.openid, 'service.myEnrolments', {});
  expect(mine).toMatchObject({ ok: true, data: { items: [] } });
});

it('ends the binding when the party withdraws consent, and records it', async () => {
  const { kase, inv, openid } = await enrolled(t.call);
  const mine = await t.call.citizen(openid, 'service.myEnrolments', {});
  expect(mine.data.items.map((i: { id: string }) => i.id)).toEqual([inv.enrolmentId]);
  const withdrawn = await t.call.citizen(openid, 'service.withdrawConsent', { enrolmentId: inv.enrolmentId });
  expect(withdrawn).toMatchObject({ ok: true, data: { status: 'withdrawn' } });
  expect(withdrawn.data.timeline.at(-1)).toMatchObject({ step: 'withdraw', by: 'party' });
  expect(await bindingFor(db(), openid, kase.partyId, kase.id)).toBeNull();
});

it('records a refusal, which means paper service: nothing is bound', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const party = newPartyOpenid();
  await t.call.citizen(party, 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: inv.code });
  const refused = await t.call.citizen(party, 'service.refuse', { enrolmentId: inv.enrolmentId });
  expect(refused).toMatchObject({ ok: true, data: { status: 'refused' } });
  const seen = await t.call.staff(OFFICER, 'service.enrolments', { caseId: kase.id });
  expect(seen.data.items[0]).toMatchObject({
    status: 'refused',
    statusLabel: '当事人不同意电子送达（改用纸质送达）',
    allowedSteps: [],
  });
  expect(await bindingFor(db(), party, kase.partyId, kase.id)).toBeNull();
  const consent = await t.call.citizen(party, 'service.consent', {
    enrolmentId: inv.enrolmentId,
    scope: 'case',
    phone: '13800138000',
    agreed: true,
  });
  expect(consent).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
});

it('lets the officer revoke an active enrolment: the binding ends at once', async () => {
  const { kase, inv, openid } = await enrolled(t.call);
  const revoked = await t.call.staff(OFFICER, 'service.revoke', {
    enrolmentId: inv.enrolmentId,
    reason: '当事人更换了微信账号',
  });
  expect(revoked).toMatchObject({ ok: true, data: { status: 'revoked' } });
  expect(await bindingFor(db(), openid, kase.partyId, kase.id)).toBeNull();
});

it("answers NOT_FOUND to another section's officer, for the case and for its enrolments (REC-14)", async () => {
  const kase = await caseWithOrganisation(t.call);
  const refused = await t.call.staff(OTHER_SECTION_OFFICER, 'service.invite', { caseId: kase.id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const inv = await invite(t.call, kase.id);
  for (const [action, payload] of [
    ['service.enrolment', { enrolmentId: inv.enrolmentId }],
    ['service.enrolments', { caseId: kase.id }],
    ['service.revoke', { enrolmentId: inv.enrolmentId, reason: '试图撤销' }],
  ] as const) {
    const res = await t.call.staff(OTHER_SECTION_OFFICER, action, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }
  // An officer of the case's own section may, though not on the case.
  await invite(t.call, kase.id, SAME_SECTION_OFFICER);
});

it('refuses the party after the invitation expired (30 minutes)', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  await t.emu.post('/_emulator/clock', { now: new Date(Date.now() + 31 * 60_000).toISOString() });
  const late = await t.call.citizen(newPartyOpenid(), 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: inv.code,
  });
  expect(late).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(late.error.message).toContain('过期');
});

it('lets the same identity enrol again after withdrawing, and replaces its own earlier enrolment while in force', async () => {
  const { kase, inv, openid } = await enrolled(t.call);
  await t.call.citizen(openid, 'service.withdrawConsent', { enrolmentId: inv.enrolmentId });
  const again = await invite(t.call, kase.id);
  await partyConsents(t.call, openid, again.enrolmentId, again.code, kase.party);
  const records = await registerConfirmation(t.call, kase.id);
  const confirmed = await t.call.staff(OFFICER, 'service.confirm', {
    enrolmentId: again.enrolmentId,
    ...records,
  });
  expect(confirmed).toMatchObject({ ok: true, data: { status: 'active' } });
  expect(await bindingFor(db(), openid, kase.partyId, kase.id)).toMatchObject({
    enrolmentId: again.enrolmentId,
  });

  // Enrolling once more while in force: the binding moves to the newest enrolment, the earlier one is replaced.
  const third = await invite(t.call, kase.id);
  await partyConsents(t.call, openid, third.enrolmentId, third.code, kase.party);
  await t.call.staff(OFFICER, 'service.confirm', { enrolmentId: third.enrolmentId, ...records });
  expect(await bindingFor(db(), openid, kase.partyId, kase.id)).toMatchObject({
    enrolmentId: third.enrolmentId,
  });
  const second = await t.call.staff(OFFICER, 'service.enrolment', { enrolmentId: again.enrolmentId });
  expect(second.data.status).toBe('replaced');
  const mine = await t.call.citizen(openid, 'service.myEnrolments', {});
  expect(mine.data.items.map((i: { id: string }) => i.id)).toEqual([third.enrolmentId]);
});
