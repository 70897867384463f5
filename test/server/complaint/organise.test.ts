/**
 * Splitting a mixed submission, recording one received by the 12345 hotline, linking a duplicate (never shown to
 * the citizen), and the real-name reporter's feedback clock on the dashboard.
 */
import { randomUUID } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { callers, newOpenid, submission } from './helpers';

let emu: TestEmulator;
let call: ReturnType<typeof callers>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  call = callers(emu);
});
afterAll(() => emu.stop());
afterEach(() => emu.post('/_emulator/clock', { now: null }));

const HEAD = 'demo-unit-head';

async function submit(openid: string, overrides: Record<string, unknown> = {}) {
  const res = await call.citizen(openid, 'complaint.submit', submission(overrides));
  const queue = await call.staff(HEAD, 'complaint.queue', { pageSize: 50 });
  return {
    trackingNo: res.data.trackingNo,
    id: queue.data.items.find((i: any) => i.trackingNo === res.data.trackingNo).id,
  };
}

it('splits a mixed complaint into a report the citizen also follows', async () => {
  const openid = newOpenid();
  const { id } = await submit(openid);
  const split = await call.staff(HEAD, 'complaint.split', {
    id,
    description: '该诊所还存在无证行医的违法行为，予以举报。',
  });
  expect(split.ok).toBe(true);
  const mine = await call.citizen(openid, 'complaint.mine');
  expect(mine.data.total).toBe(2);
  const report = await call.citizen(openid, 'complaint.get', { trackingNo: split.data.trackingNo });
  expect(report.data).toMatchObject({ kind: 'report', status: 'submitted', contact: { name: '欧**' } });
  const handler = await call.staff(HEAD, 'complaint.get', { id: split.data.id });
  expect(handler.data).toMatchObject({ splitFrom: id, identityVisible: false });
});

it('splits a record once: the same request answers again, any other split is refused and no longer offered', async () => {
  const openid = newOpenid();
  const { id } = await submit(openid);
  const payload = { id, description: '该诊所还存在无证行医的违法行为，予以举报。' };
  const requestId = randomUUID();
  const first = await call.staff(HEAD, 'complaint.split', payload, requestId);
  expect(first.ok).toBe(true);
  expect(await call.staff(HEAD, 'complaint.split', payload, requestId)).toEqual(first);

  const again = await call.staff(HEAD, 'complaint.split', payload);
  expect(again).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(again.error.message).toBe('该投诉举报已拆分过一次，不能再次拆分');
  const ofSplit = await call.staff(HEAD, 'complaint.split', { ...payload, id: first.data.id });
  expect(ofSplit.error).toMatchObject({ code: 'PRECONDITION_FAILED', message: '拆分出的记录不能再次拆分' });

  expect((await call.citizen(openid, 'complaint.mine')).data.total).toBe(2);
  for (const shown of [id, first.data.id]) {
    const view = await call.staff(HEAD, 'complaint.get', { id: shown });
    expect(view.data.allowedSteps).not.toContain('split');
  }
});

it('refuses to split an anonymous report into a complaint', async () => {
  const { id } = await submit(newOpenid(), { kind: 'report', contact: { anonymous: true } });
  const res = await call.staff(HEAD, 'complaint.split', {
    id,
    description: '另有个人权益受损需要投诉处理。',
  });
  expect(res.error.code).toBe('PRECONDITION_FAILED');
});

it('records a hotline complaint with its source, in the queue but in nobody’s mine', async () => {
  await emu.post('/_emulator/clock', { now: '2026-11-27T11:00:00+08:00' });
  const res = await call.staff(HEAD, 'complaint.record', {
    ...submission(),
    source: 'hotline12345',
    sourceRef: 'GD2026112700123',
    receivedAt: '2026-11-27T09:00:00+08:00',
  });
  expect(res).toMatchObject({ ok: true, data: { acceptanceDueDate: '2026-12-08' } });
  const view = await call.staff(HEAD, 'complaint.get', { id: res.data.id });
  expect(view.data).toMatchObject({
    source: 'hotline12345',
    sourceLabel: '12345热线',
    sourceRef: 'GD2026112700123',
  });
  const anyone = await call.citizen(newOpenid(), 'complaint.get', { trackingNo: res.data.trackingNo });
  expect(anyone.error.code).toBe('NOT_FOUND');
});

it('refuses a receipt dated more than a year back or in the future, naming the field', async () => {
  await emu.post('/_emulator/clock', { now: '2026-11-27T11:00:00+08:00' });
  const record = (receivedAt: string) =>
    call.staff(HEAD, 'complaint.record', { ...submission(), source: 'letter', receivedAt });
  for (const receivedAt of [
    '1900-01-01T00:00:00+08:00',
    '1901-06-01T00:00:00+08:00',
    '2025-11-20T09:00:00+08:00',
  ]) {
    const res = await record(receivedAt);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.receivedAt']).toBe('收到时间不能早于一年前，请核对后填写');
  }
  for (const receivedAt of ['2026-11-28T09:00:00+08:00', '9999-12-31T00:00:00+08:00']) {
    expect((await record(receivedAt)).error.fields['payload.receivedAt']).toBe('收到时间不能晚于现在');
  }
  expect((await record('2025-12-01T09:00:00+08:00')).ok).toBe(true);
});

it('links a duplicate for staff only', async () => {
  const first = await submit(newOpenid());
  const openid = newOpenid();
  const second = await submit(openid);
  expect(
    (await call.staff(HEAD, 'complaint.linkDuplicate', { id: second.id, duplicateOf: first.id })).ok,
  ).toBe(true);
  expect((await call.staff(HEAD, 'complaint.get', { id: second.id })).data.duplicateOf).toBe(first.id);
  const seen = await call.citizen(openid, 'complaint.get', { trackingNo: second.trackingNo });
  expect(JSON.stringify(seen.data)).not.toContain(first.trackingNo);
  expect(JSON.stringify(seen.data)).not.toContain(first.id);
});

it('puts a real-name report’s feedback on the dashboard 5 working days after the case decision', async () => {
  const { id } = await submit(newOpenid(), { kind: 'report' });
  await call.staff(HEAD, 'complaint.assign', { id, handlerIds: ['stf_officer_1'] });
  await emu.post('/_emulator/clock', { now: '2026-12-01T10:00:00+08:00' });
  await call.staff('demo-officer-1', 'complaint.accept', { id });
  const decided = await call.staff('demo-officer-1', 'complaint.decideCase', { id, caseOpened: true });
  expect(decided.data.feedbackDueDate).toBe('2026-12-08');
  const feedbackItems = async () => {
    const res = await call.staff(HEAD, 'dashboard');
    return res.data.sections
      .flatMap((s: any) => s.people.flatMap((p: any) => p.items))
      .filter((i: any) => i.provider === 'complaint.reporterFeedback' && i.ref === `complaint:${id}`);
  };
  await emu.post('/_emulator/clock', { now: '2026-12-09T10:00:00+08:00' });
  expect(await feedbackItems()).toMatchObject([
    { status: 'overdue', person: 'stf_officer_1', section: 'sec_dept_1' },
  ]);
  await call.staff('demo-officer-1', 'complaint.reply', { id, text: '经核查，已立案查处。' });
  expect(await feedbackItems()).toEqual([]);
});
