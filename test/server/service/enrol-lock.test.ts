/**
 * Wrong codes and identity details (docs/service.md; 行政处罚法 Art. 61): five wrong tries lock the enrolment, taken
 * one after another even when they arrive at once, so no sixth try is ever counted; the officer can revoke a
 * locked enrolment and invite again. Another identity never sees an enrolment whose code was entered.
 */
import { randomUUID } from 'node:crypto';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { caseWithOrganisation, invite, newPartyOpenid, partyConsents, wrongCodeFor } from './enrol-helpers';

const t = useSeededEmulator();

/** A resident ID number with its check character (GB 11643-1999). */
function residentId(base17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base17].reduce((s, ch, i) => s + Number(ch) * weights[i]!, 0);
  return base17 + '10X98765432'[sum % 11];
}

it('locks after five wrong codes sent at once, and the right code no longer opens it', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const wrong = wrongCodeFor(inv.code);
  const tries = await Promise.all(
    Array.from({ length: 8 }, () =>
      t.call.citizen(newPartyOpenid(), 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: wrong }),
    ),
  );
  // Every try ends with a clear refusal: never INTERNAL.
  const codes = tries.map((r) => r.error?.code);
  expect(codes.every((c) => c === 'INVALID_INPUT' || c === 'PRECONDITION_FAILED')).toBe(true);
  expect(codes.filter((c) => c === 'INVALID_INPUT')).toHaveLength(4);

  const seen = await t.call.staff(OFFICER, 'service.enrolment', { enrolmentId: inv.enrolmentId });
  expect(seen.data).toMatchObject({ status: 'locked', wrongTries: 5, triesLeft: 0 });
  expect(seen.data.timeline.filter((l: { step: string }) => l.step === 'wrongCode')).toHaveLength(5);

  const right = await t.call.citizen(newPartyOpenid(), 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: inv.code,
  });
  expect(right).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(right.error.message).toContain('锁定');

  // The officer revokes it and invites again.
  const revoked = await t.call.staff(OFFICER, 'service.revoke', {
    enrolmentId: inv.enrolmentId,
    reason: '验证码多次输错，重新邀请',
  });
  expect(revoked).toMatchObject({ ok: true, data: { status: 'revoked' } });
  const again = await invite(t.call, kase.id);
  const ok = await t.call.citizen(newPartyOpenid(), 'service.enrolCode', {
    enrolmentId: again.enrolmentId,
    code: again.code,
  });
  expect(ok).toMatchObject({ ok: true, data: { status: 'codeEntered', triesLeft: 5 } });
});

it('tells the party how many tries are left, naming the code field', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const res = await t.call.citizen(newPartyOpenid(), 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: wrongCodeFor(inv.code),
  });
  expect(res).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.code': '验证码不正确，还可以尝试 4 次' } },
  });
  const malformed = await t.call.citizen(newPartyOpenid(), 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: '12ab',
  });
  expect(malformed).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'payload.code': '请填写执法人员告知的 6 位数字验证码' } },
  });
});

it('counts identity details that do not match the register, and hides the enrolment from other identities', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const party = newPartyOpenid();
  await t.call.citizen(party, 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: inv.code });
  const stranger = await t.call.citizen(newPartyOpenid(), 'service.enrolStart', {
    enrolmentId: inv.enrolmentId,
  });
  expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  const mismatch = await t.call.citizen(party, 'service.enrolIdentify', {
    enrolmentId: inv.enrolmentId,
    name: kase.party.name,
    creditCode: kase.party.idNo,
    actingAs: 'representative',
    actingName: '李某某',
  });
  expect(mismatch).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(mismatch.error.message).toContain('还可以尝试 4 次');

  const agentWithoutPaper = await t.call.citizen(party, 'service.enrolIdentify', {
    enrolmentId: inv.enrolmentId,
    name: kase.party.name,
    creditCode: kase.party.idNo,
    actingAs: 'agent',
    actingName: '赵某',
  });
  expect(agentWithoutPaper).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      fields: { 'payload.authorisation': expect.stringContaining('授权委托书') },
    },
  });
});

it('checks a person by name and the last four of the sealed ID number', async () => {
  const idNo = residentId(`50010119900101${String(Math.floor(Math.random() * 1e3)).padStart(3, '0')}`);
  const person = { kind: 'person', name: '欧阳某某', idKind: 'resident', idNo };
  const res = await t.call.staff(OFFICER, 'case.open', {
    kind: 'penalty',
    caseNo: `万卫罚立〔2026〕${randomUUID().slice(0, 6)}号`,
    cause: '未取得医师执业证书从事医师执业活动',
    officers: ['50010120230001', '50010120240021'],
    party: person,
  });
  expect(res).toMatchObject({ ok: true });
  const inv = await invite(t.call, res.data.id);
  const party = newPartyOpenid();
  await t.call.citizen(party, 'service.enrolCode', { enrolmentId: inv.enrolmentId, code: inv.code });
  const wrong = await t.call.citizen(party, 'service.enrolIdentify', {
    enrolmentId: inv.enrolmentId,
    name: person.name,
    idLast4: idNo.slice(-4) === '0000' ? '0001' : '0000',
  });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  const right = await t.call.citizen(party, 'service.enrolIdentify', {
    enrolmentId: inv.enrolmentId,
    name: person.name,
    idLast4: idNo.slice(-4).toLowerCase(),
  });
  expect(right).toMatchObject({ ok: true, data: { status: 'identified', identityForm: 'person' } });
  expect(right.data.consentTexts.case[1]).toContain('仅适用于');
});

it('lets a party who entered the code see where it stands on a retry, without counting a try', async () => {
  const kase = await caseWithOrganisation(t.call);
  const inv = await invite(t.call, kase.id);
  const party = newPartyOpenid();
  await partyConsents(t.call, party, inv.enrolmentId, inv.code, kase.party);
  const again = await t.call.citizen(party, 'service.enrolCode', {
    enrolmentId: inv.enrolmentId,
    code: inv.code,
  });
  expect(again).toMatchObject({ ok: true, data: { status: 'consented', triesLeft: 5 } });
});
