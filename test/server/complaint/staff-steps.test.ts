/**
 * Staff see and act on complaints only as their role, unit and section allow (REC-14). What the case page builds on: `complaint.handlers` (whom a leader may assign), the steps `complaint.get`
 * says the caller may take, linking a duplicate by its tracking number, and the case decision in the view.
 */
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { callers, newOpenid, submission } from './helpers';

let emu: TestEmulator;
let call: ReturnType<typeof callers>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  call = callers(emu);
});
afterAll(() => emu.stop());

const HEAD = 'demo-unit-head';
const OFFICER_1 = 'demo-officer-1';

async function submit(overrides: Record<string, unknown> = {}) {
  const res = await call.citizen(newOpenid(), 'complaint.submit', submission(overrides));
  const queue = await call.staff(HEAD, 'complaint.queue', { pageSize: 50 });
  return {
    trackingNo: res.data.trackingNo as string,
    id: queue.data.items.find((i: any) => i.trackingNo === res.data.trackingNo).id as string,
  };
}

const stepsOf = async (openid: string, id: string) => {
  const res = await call.staff(openid, 'complaint.get', { id });
  if (!res.ok) throw new Error(`${openid}: ${JSON.stringify(res.error)}`);
  return res.data.allowedSteps as string[];
};

describe('complaint.handlers', () => {
  it('lists the active officers of the complaint’s unit to a leader, and nothing to an officer', async () => {
    const { id } = await submit();
    const res = await call.staff(HEAD, 'complaint.handlers', { id });
    expect(res.ok).toBe(true);
    // 周敏 is an officer of the commission, 孙丽 a custodian of the unit, 刘洋's certificate is suspended
    // (emulator/seed/officers.ts): none of them may handle it.
    expect(res.data.items).toEqual([{ staffId: 'stf_officer_1', name: '张伟' }]);
    const refused = await call.staff(HEAD, 'complaint.assign', { id, handlerIds: ['stf_officer_2'] });
    expect(refused.error.fields).toEqual({ 'payload.handlerIds.0': '承办人须为本单位在岗的执法人员' });
    const officer = await call.staff(OFFICER_1, 'complaint.handlers', { id });
    expect(officer.error.code).toBe('FORBIDDEN');
    const outsider = await call.staff('demo-officer-3', 'complaint.handlers', { id });
    expect(outsider.error.code).toBe('NOT_FOUND');
  });

  it('leaves out a suspended account', async () => {
    const { id } = await submit();
    const suspended = await call.staff('demo-admin-1', 'staff.suspend', { staffId: 'stf_officer_1' });
    expect(suspended.ok).toBe(true);
    try {
      const res = await call.staff(HEAD, 'complaint.handlers', { id });
      expect(res.data.items).toEqual([]);
    } finally {
      const back = await call.staff('demo-admin-1', 'staff.reinstate', { staffId: 'stf_officer_1' });
      expect(back.ok).toBe(true);
    }
  });
});

describe('allowedSteps in complaint.get', () => {
  it('gives a leader every step the status allows, an assigned officer all but assigning, others none', async () => {
    const { id } = await submit({ kind: 'report' });
    // A report's 立案 period may be extended once, by a leader only.
    expect(await stepsOf(HEAD, id)).toEqual([
      'accept',
      'reject',
      'assign',
      'linkDuplicate',
      'split',
      'extendCaseDecision',
    ]);
    // An officer of the unit who is not assigned sees the case but may take no step.
    expect(await stepsOf(OFFICER_1, id)).toEqual([]);
    await call.staff(HEAD, 'complaint.assign', { id, handlerIds: ['stf_officer_1'] });
    expect(await stepsOf(OFFICER_1, id)).toEqual(['accept', 'reject', 'linkDuplicate', 'split']);
    await call.staff(OFFICER_1, 'complaint.accept', { id });
    expect(await stepsOf(OFFICER_1, id)).toEqual(['reply', 'close', 'linkDuplicate', 'split', 'decideCase']);
  });

  it('offers no case decision for a complaint, and no split of an anonymous report', async () => {
    const complaint = await submit();
    expect(await stepsOf(HEAD, complaint.id)).toContain('split');
    const anonymous = await submit({ kind: 'report', contact: { anonymous: true } });
    expect(await stepsOf(HEAD, anonymous.id)).not.toContain('split');
    await call.staff(HEAD, 'complaint.accept', { id: complaint.id });
    expect(await stepsOf(HEAD, complaint.id)).not.toContain('decideCase');
  });

  it('shows a recorded case decision and offers it no more', async () => {
    const { id } = await submit({ kind: 'report' });
    await call.staff(HEAD, 'complaint.accept', { id });
    const decided = await call.staff(HEAD, 'complaint.decideCase', {
      id,
      caseOpened: false,
      note: '经核查不属于本机关管辖',
    });
    expect(decided.ok).toBe(true);
    const view = (await call.staff(HEAD, 'complaint.get', { id })).data;
    expect(view.caseDecision).toMatchObject({ caseOpened: false, note: '经核查不属于本机关管辖' });
    expect(view.allowedSteps).not.toContain('decideCase');
  });
});

describe('complaint.linkDuplicate by tracking number', () => {
  it('links to the complaint with that tracking number and shows it on the case', async () => {
    const first = await submit();
    const second = await submit();
    const res = await call.staff(HEAD, 'complaint.linkDuplicate', {
      id: second.id,
      duplicateOf: ` ${first.trackingNo.toLowerCase()} `,
    });
    expect(res).toMatchObject({ ok: true, data: { duplicateOf: first.id } });
    const view = (await call.staff(HEAD, 'complaint.get', { id: second.id })).data;
    expect(view).toMatchObject({ duplicateOf: first.id, duplicateOfTrackingNo: first.trackingNo });
  });

  it('answers field errors for itself, an unknown number and a malformed one', async () => {
    const { id, trackingNo } = await submit();
    const self = await call.staff(HEAD, 'complaint.linkDuplicate', { id, duplicateOf: trackingNo });
    expect(self.error.fields).toEqual({ 'payload.duplicateOf': '不能与自身关联' });
    const unknown = await call.staff(HEAD, 'complaint.linkDuplicate', {
      id,
      duplicateOf: 'TS20200101-AAAAAA',
    });
    expect(unknown.error.fields).toEqual({ 'payload.duplicateOf': '未找到该受理编号的投诉举报' });
    const malformed = await call.staff(HEAD, 'complaint.linkDuplicate', { id, duplicateOf: '12345' });
    expect(malformed.error.fields).toEqual({ 'payload.duplicateOf': '请填写正确的受理编号' });
  });
});
