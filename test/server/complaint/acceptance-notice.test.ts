/**
 * How and when a staff-recorded complainant was told of the acceptance decision (PUB-3; the benchmark
 * rules: decide on acceptance within 7 working days and tell the complainant). A complaint from the mini-program is
 * told by subscribe message, so the fields are refused there; an anonymous report is told nothing.
 */
import { newOpenid, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
const HEAD = 'demo-unit-head';

async function recordedByPhone(overrides: Record<string, unknown> = {}) {
  const res = await t.call.staff(HEAD, 'complaint.record', {
    ...submission(overrides),
    source: 'phone',
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  expect(res.ok).toBe(true);
  return res.data.id as string;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

it('refuses a notice before the complaint was received', async () => {
  const id = await recordedByPhone();
  const res = await t.call.staff(HEAD, 'complaint.accept', {
    id,
    notice: { method: 'phone', at: minutesAgo(120) },
  });
  expect(res.error.fields['payload.notice.at']).toBe('告知时间不能早于收到时间');
});

it('records the method and time given with the acceptance, and shows them on the case', async () => {
  const id = await recordedByPhone();
  const at = minutesAgo(5);
  const res = await t.call.staff(HEAD, 'complaint.accept', { id, notice: { method: 'sms', at } });
  expect(res.ok).toBe(true);
  const view = (await t.call.staff(HEAD, 'complaint.get', { id })).data;
  expect(view.acceptanceNotice).toEqual({
    method: 'sms',
    methodLabel: '短信',
    at: new Date(at).toISOString(),
    note: null,
  });
  expect(view.allowedSteps).not.toContain('recordNotice');
});

it('records it afterwards, once, also after a rejection', async () => {
  const id = await recordedByPhone();
  await t.call.staff(HEAD, 'complaint.reject', { id, reason: 'civilDispute' });
  expect((await t.call.staff(HEAD, 'complaint.get', { id })).data.allowedSteps).toContain('recordNotice');
  const notice = { method: 'written', at: minutesAgo(1), note: '邮寄不予受理告知书' };
  expect((await t.call.staff(HEAD, 'complaint.recordNotice', { id, notice })).ok).toBe(true);
  const again = await t.call.staff(HEAD, 'complaint.recordNotice', { id, notice });
  expect(again).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', message: '已记录过受理告知' },
  });
});

it('refuses a time in the future, an unknown method, and a complaint the citizen submitted', async () => {
  const id = await recordedByPhone();
  const future = await t.call.staff(HEAD, 'complaint.accept', {
    id,
    notice: { method: 'phone', at: new Date(Date.now() + 3600_000).toISOString() },
  });
  expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(future.error.fields['payload.notice.at']).toBe('告知时间不能晚于现在');
  const unknown = await t.call.staff(HEAD, 'complaint.accept', {
    id,
    notice: { method: 'fax', at: minutesAgo(1) },
  });
  expect(unknown.error.fields['payload.notice.method']).toBe('请选择告知方式');

  const submitted = await t.call.citizen(newOpenid(), 'complaint.submit', submission());
  const queue = await t.call.staff(HEAD, 'complaint.queue', { status: 'submitted', pageSize: 50 });
  const own = queue.data.items.find((i: any) => i.trackingNo === submitted.data.trackingNo).id;
  const refused = await t.call.staff(HEAD, 'complaint.accept', {
    id: own,
    notice: { method: 'phone', at: minutesAgo(1) },
  });
  expect(refused.error.fields['payload.notice']).toBe('小程序提交的投诉举报已通过消息告知');
  // Nothing was written: the complaint is still waiting for its decision.
  expect((await t.call.staff(HEAD, 'complaint.get', { id: own })).data.status).toBe('submitted');
});
