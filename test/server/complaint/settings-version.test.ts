/**
 * Each complaint act records the legal-settings version it was made under (PUB-5: what a party was told is never
 * rewritten): the acceptance deadline under the version in force at receipt, the acceptance act and its handling
 * clock under the one in force at acceptance. A later settings change never rewrites either.
 */
import { newOpenid, storedComplaint, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();

it('stamps receipt and acceptance with the settings versions their deadlines came from', async () => {
  const openid = newOpenid();
  const submitted = await t.call.citizen(openid, 'complaint.submit', submission());
  expect(submitted.ok).toBe(true);
  const trackingNo = submitted.data.trackingNo as string;
  const atReceipt = await storedComplaint(trackingNo);
  expect(atReceipt.settingsVersion).toBe(1);

  // The legal section shortens the handling period; it applies to acts from now on.
  const settings = await t.call.staff('demo-admin-1', 'settings.get', {});
  const published = await t.call.staff('demo-admin-1', 'settings.publish', {
    values: { complaintHandlingDays: { ...settings.data.values.complaintHandlingDays, handlingDays: 30 } },
  });
  expect(published).toMatchObject({ ok: true, data: { version: 2 } });

  const id = atReceipt._id as string;
  await t.call.staff('demo-unit-head', 'complaint.assign', { id, handlerIds: ['stf_officer_1'] });
  const accepted = await t.call.staff('demo-officer-1', 'complaint.accept', { id });
  expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted' } });

  const after = await storedComplaint(trackingNo);
  expect(after.settingsVersion).toBe(1); // the acceptance deadline's version is unchanged
  expect(after.acceptanceDueDate).toBe(atReceipt.acceptanceDueDate);
  // The acceptance act is stamped with the version it was made under, and its clock ran with that period.
  const acceptAct = after._wf.acts.find((a: { step: string }) => a.step === 'accept');
  expect(acceptAct).toMatchObject({ settingsVersion: 2 });
  expect(after._wf.clocks.handling.dueDate).toBe(after.handlingDueDate);
  expect(after._wf.clocks.acceptance.stoppedOn).toBeTruthy();
  const days = (Date.parse(after.handlingDueDate) - Date.parse(after.decidedAt)) / 86_400_000;
  expect(days).toBeGreaterThanOrEqual(29);
  expect(days).toBeLessThan(40); // 30 calendar days, extended past a rest day at most a few days — not 60
});
