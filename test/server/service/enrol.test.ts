/**
 * Enrolment in electronic service through the emulator (docs/service.md; 行政处罚法 Art. 61; REC-7, REC-16): an
 * officer invites, the party enrols with the right code and consents, the officer confirms with the signed
 * 送达地址确认书 and the AV of its signing registered in the case register; only then is the identity bound.
 */
import { sdk } from '../../emulator/storage/helpers';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindingFor } from '../../../server/features/service/bindings';
import type { Database } from '../../../server/platform/cloudbase';
import {
  caseWithOrganisation,
  invite,
  newPartyOpenid,
  partyConsents,
  registerConfirmation,
} from './enrol-helpers';

const t = useSeededEmulator();
const db = () => sdk().database() as unknown as Database;

it('binds the party only after the officer confirms the match with the signed 确认书 (Art. 61)', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  expect(inv.code).toMatch(/^\d{6}$/);
  expect(inv.page).toBe('pages/service/enrol/index');
  expect(inv.scene).toBe('e' + inv.enrolmentId.slice(4));

  const party = newPartyOpenid();
  // Before the code: only the authority and what electronic service covers.
  const start = await t.call.citizen(party, 'service.enrolStart', { enrolmentId: inv.enrolmentId });
  expect(start).toMatchObject({
    ok: true,
    data: { status: 'invited', caseNo: null, partyName: null, triesLeft: 5, identityForm: 'organisation' },
  });
  expect(start.data.authority).toContain('执法');

  await partyConsents(t.call, party, inv.enrolmentId, inv.code, kase.party);
  expect(await bindingFor(db(), party, kase.partyId, kase.id)).toBeNull();

  // The officer sees what the party typed, to compare with the documents shown.
  const seen = await t.call.staff(OFFICER, 'service.enrolment', { enrolmentId: inv.enrolmentId });
  expect(seen).toMatchObject({
    ok: true,
    data: {
      status: 'consented',
      scope: 'party',
      phoneMasked: '138****8000',
      identity: { form: 'organisation', actingAs: 'representative', actingName: '王某某' },
      allowedSteps: ['confirm', 'revoke'],
    },
  });

  const records = await registerConfirmation(t.call, kase.id);
  const confirmed = await t.call.staff(OFFICER, 'service.confirm', {
    enrolmentId: inv.enrolmentId,
    ...records,
  });
  expect(confirmed).toMatchObject({
    ok: true,
    data: { status: 'active', confirmation: { recordId: records.confirmationRecordId } },
  });
  const binding = await bindingFor(db(), party, kase.partyId, kase.id);
  expect(binding).toMatchObject({ status: 'active', scope: 'party', enrolmentId: inv.enrolmentId });
  // Scope `party`: later matters of the party are covered too; another identity is not.
  expect(await bindingFor(db(), party, kase.partyId, 'case_000000000000000000000000')).not.toBeNull();
  expect(await bindingFor(db(), newPartyOpenid(), kase.partyId, kase.id)).toBeNull();
});

it('refuses to confirm without a registered 确认书 of the case, naming the field', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  await partyConsents(t.call, newPartyOpenid(), inv.enrolmentId, inv.code, kase.party);
  const records = await registerConfirmation(t.call, kase.id);
  const swapped = await t.call.staff(OFFICER, 'service.confirm', {
    enrolmentId: inv.enrolmentId,
    confirmationRecordId: records.avRecordId,
    avRecordId: records.avRecordId,
  });
  expect(swapped).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(Object.keys(swapped.error.fields)).toEqual(['payload.confirmationRecordId']);
});

it('puts every step on the enrolment chain and in the case, and never logs or stores the code (REC-7, REC-16)', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const party = newPartyOpenid();
  const wrong = inv.code === '000000' ? '111111' : '000000';
  await t.call.citizen(party, 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: wrong });
  await partyConsents(t.call, party, inv.enrolmentId, inv.code, kase.party);

  const listed = await t.call.staff(OFFICER, 'service.enrolments', { caseId: kase.id });
  expect(listed.ok).toBe(true);
  const lines = listed.data.items[0].timeline.map((l: { step: string }) => l.step);
  expect(lines).toEqual(['invite', 'wrongCode', 'enterCode', 'identify', 'consent']);

  const events = (
    await sdk()
      .database()
      .collection('sys_events')
      .where({ entity: `serviceEnrolments/${inv.enrolmentId}` })
      .get()
  ).data as Array<{ action: string }>;
  expect(events.map((e) => e.action).sort()).toEqual(
    [
      'serviceEnrolment.create',
      'serviceEnrolment.wrongCode',
      'serviceEnrolment.enterCode',
      'serviceEnrolment.identify',
      'serviceEnrolment.consent',
    ].sort(),
  );
  const stored = (await sdk().database().collection('serviceEnrolments').doc(inv.enrolmentId).get())
    .data[0] as Record<string, unknown>;
  const text = JSON.stringify(stored);
  expect(text).not.toContain(inv.code);
  expect(text).not.toContain('13800138000');
  expect(text).not.toContain(kase.party.idNo);
  expect(t.emu.logs.join('\n')).not.toContain(inv.code);
});

it('shows the code once: a replayed invitation is refused, not answered again', async () => {
  const kase = await caseWithOrganisation(t.call);
  const first = await t.call.staff(
    OFFICER,
    'service.invite',
    { caseId: kase.id },
    'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  );
  expect(first).toMatchObject({ ok: true });
  const again = await t.call.staff(
    OFFICER,
    'service.invite',
    { caseId: kase.id },
    'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  );
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(JSON.stringify(again)).not.toContain(first.data.code);
});
