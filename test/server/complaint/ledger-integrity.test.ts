/**
 * Every write action of the complaint feature, once each through the functions, leaves a ledger that
 * `ledger.verify` passes (REC-16) (security issue item 4: a split hashed its copied dates as `{}` on the emulator, so the
 * auditor's check reported tampering that never happened). The list of actions is checked against the action
 * tables, so a new write action must be added here.
 */
import { verifyAllVia } from '../ledger/helpers';
import { CITIZEN_API, STAFF_API } from '../../../core/contract/api';
import { jpegWithGps } from './images';
import { newOpenid, submission, uploadPhoto, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const HEAD = 'demo-unit-head';
const OFFICER = 'demo-officer-1';

async function submit(openid: string, overrides: Record<string, unknown> = {}) {
  const res = await t.call.citizen(openid, 'complaint.submit', submission(overrides));
  expect(res.ok).toBe(true);
  const queue = await t.call.staff(HEAD, 'complaint.queue', { pageSize: 50 });
  return queue.data.items.find((i: any) => i.trackingNo === res.data.trackingNo).id as string;
}

it('passes ledger.verify after each write action of the complaint feature has run', async () => {
  const exercised = new Set<string>();
  const ok = async (res: Promise<any>, action: string) => {
    const answer = await res;
    expect({ action, answer }).toMatchObject({ action, answer: { ok: true } });
    exercised.add(action);
    return answer;
  };

  const openid = newOpenid();
  const photo = await uploadPhoto(t.emu, openid, jpegWithGps());
  const report = await submit(openid, { kind: 'report', photos: [photo] });
  exercised.add('complaint.submit');
  await ok(
    t.call.staff(HEAD, 'complaint.assign', { id: report, handlerIds: ['stf_officer_1'] }),
    'complaint.assign',
  );
  await ok(t.call.staff(OFFICER, 'complaint.get', { id: report }), 'complaint.get'); // ledgers the identity view
  await ok(
    t.call.staff(OFFICER, 'complaint.split', {
      id: report,
      description: '本人另有个人权益受损，需要投诉处理。',
    }),
    'complaint.split',
  );
  await ok(t.call.staff(OFFICER, 'complaint.accept', { id: report }), 'complaint.accept');
  await ok(
    t.call.staff(OFFICER, 'complaint.decideCase', { id: report, caseOpened: true }),
    'complaint.decideCase',
  );
  await ok(
    t.call.staff(OFFICER, 'complaint.reply', { id: report, text: '经核查，已立案调查。' }),
    'complaint.reply',
  );
  await ok(
    t.call.staff(OFFICER, 'complaint.close', { id: report, result: '已依法作出行政处罚。' }),
    'complaint.close',
  );

  const otherOwner = newOpenid();
  const other = await submit(otherOwner);
  const otherNo = (await t.call.staff(HEAD, 'complaint.get', { id: other })).data.trackingNo;
  await ok(
    t.call.citizen(otherOwner, 'complaint.addMaterial', {
      trackingNo: otherNo,
      text: '补充：今天仍在营业。',
    }),
    'complaint.addMaterial',
  );
  await ok(
    t.call.staff(HEAD, 'complaint.linkDuplicate', { id: other, duplicateOf: report }),
    'complaint.linkDuplicate',
  );
  await ok(t.call.staff(HEAD, 'complaint.reject', { id: other, reason: 'civilDispute' }), 'complaint.reject');
  await ok(t.call.citizen(otherOwner, 'complaint.rate', { trackingNo: otherNo, score: 3 }), 'complaint.rate');
  const thirdOwner = newOpenid();
  const third = await submit(thirdOwner);
  const thirdNo = (await t.call.staff(HEAD, 'complaint.get', { id: third })).data.trackingNo;
  await ok(t.call.citizen(thirdOwner, 'complaint.withdraw', { trackingNo: thirdNo }), 'complaint.withdraw');
  await ok(
    t.call.staff(HEAD, 'complaint.record', { ...submission(), source: 'hotline12345', sourceRef: 'GD1' }),
    'complaint.record',
  );

  // A petition recorded by staff: the 立案 and petition extensions (leader's approval) and the acceptance notice.
  const petition = await ok(
    t.call.staff(HEAD, 'complaint.record', {
      ...submission({ kind: 'report' }),
      source: 'petition',
      sourceRef: 'XF1',
    }),
    'complaint.record',
  );
  await ok(
    t.call.staff(HEAD, 'complaint.extendCaseDecision', {
      id: petition.data.id,
      reason: '案情复杂，需进一步核查',
    }),
    'complaint.extendCaseDecision',
  );
  await ok(t.call.staff(HEAD, 'complaint.accept', { id: petition.data.id }), 'complaint.accept');
  await ok(
    t.call.staff(HEAD, 'complaint.recordNotice', {
      id: petition.data.id,
      notice: { method: 'phone', at: new Date().toISOString() },
    }),
    'complaint.recordNotice',
  );
  await ok(
    t.call.staff(HEAD, 'complaint.extendPetition', {
      id: petition.data.id,
      days: 30,
      reason: '需会同有关部门核查',
    }),
    'complaint.extendPetition',
  );

  const writes = [...Object.values(CITIZEN_API), ...Object.values(STAFF_API)]
    .filter((d) => d.idempotent && d.name.startsWith('complaint.'))
    .map((d) => d.name);
  expect(writes.filter((name) => !exercised.has(name))).toEqual([]);

  expect(await verifyAllVia(t.emu)).toMatchObject({ ok: true, breaks: [] });
});
