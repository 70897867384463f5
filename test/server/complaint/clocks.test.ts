/**
 * The complaint clocks through the actions (REC-14 handling, PUB-3 progress):
 * - a report's 立案 decision is due 15 working days after receipt (市场监督管理行政处罚程序规定 Art. 18), shows on the
 *   dashboard, is extended once by 15 working days only with a leader's approval, and stops at the case decision;
 * - a matter received as a petition (信访) runs on the petition clocks (信访工作条例 Art. 32, 35): accepted or not within
 *   15 days of receipt, finished within 60 days of acceptance, one extension of at most 30 days, told to the petitioner;
 * - a regular complaint's handling period is labelled an internal target (内部目标), not a legal limit.
 */
import { newOpenid, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();
afterEach(() => t.emu.post('/_emulator/clock', { now: null }));

const HEAD = 'demo-unit-head';
const OFFICER_1 = 'demo-officer-1';
const at = (iso: string) => t.emu.post('/_emulator/clock', { now: iso });

async function submitted(overrides: Record<string, unknown> = {}) {
  const res = await t.call.citizen(newOpenid(), 'complaint.submit', submission(overrides));
  expect(res.ok).toBe(true);
  const queue = await t.call.staff(HEAD, 'complaint.queue', { status: 'submitted', pageSize: 50 });
  return queue.data.items.find((i: any) => i.trackingNo === res.data.trackingNo).id as string;
}

const view = async (id: string) => (await t.call.staff(HEAD, 'complaint.get', { id })).data;
const clock = async (id: string, name: string) => (await view(id)).clocks.find((c: any) => c.name === name);

async function dashboardItems(provider: string) {
  const res = await t.call.staff(HEAD, 'dashboard');
  expect(res.ok).toBe(true);
  return res.data.sections
    .flatMap((s: any) => s.people.flatMap((p: any) => p.items))
    .filter((i: any) => i.provider === provider);
}

describe("a report's 立案 clock", () => {
  it('is due 15 working days after receipt and shows on the dashboard until the case decision stops it', async () => {
    await at('2026-03-02T10:00:00+08:00'); // a Monday
    const id = await submitted({ kind: 'report' });
    const started = await clock(id, 'caseDecision');
    expect(started).toMatchObject({
      label: '举报立案决定',
      legal: true,
      dueDate: '2026-03-23',
      stoppedOn: null,
    });
    expect((await view(id)).caseDecisionDueDate).toBe('2026-03-23');

    await at('2026-03-23T10:00:00+08:00');
    const { trackingNo } = await view(id);
    expect((await dashboardItems('complaint.caseDecision')).map((i: any) => i.item)).toContain(
      `${trackingNo} 待作出是否立案的决定`,
    );
    expect((await t.call.staff(HEAD, 'complaint.accept', { id })).ok).toBe(true);
    const decided = await t.call.staff(HEAD, 'complaint.decideCase', { id, caseOpened: true });
    expect(decided.ok).toBe(true);
    expect(await clock(id, 'caseDecision')).toMatchObject({ stoppedOn: '2026-03-23' });
    expect((await dashboardItems('complaint.caseDecision')).map((i: any) => i.item)).not.toContain(
      `${trackingNo} 待作出是否立案的决定`,
    );
  });

  it('is extended once, by the setting of 15 working days, and only by a leader', async () => {
    await at('2026-03-02T10:00:00+08:00');
    const id = await submitted({ kind: 'report' });
    await t.call.staff(HEAD, 'complaint.assign', { id, handlerIds: ['stf_officer_1'] });
    const byOfficer = await t.call.staff(OFFICER_1, 'complaint.extendCaseDecision', {
      id,
      reason: '案情复杂',
    });
    expect(byOfficer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const extended = await t.call.staff(HEAD, 'complaint.extendCaseDecision', { id, reason: '案情复杂' });
    expect(extended.ok).toBe(true);
    const after = await clock(id, 'caseDecision');
    expect(after.extendedDays).toBe(15);
    expect(after.dueDate > '2026-03-23').toBe(true);
    expect(extended.data.caseDecisionDueDate).toBe(after.dueDate);
    expect((await view(id)).allowedSteps).not.toContain('extendCaseDecision');
    const again = await t.call.staff(HEAD, 'complaint.extendCaseDecision', { id, reason: '仍需核查' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '立案决定期限只能延长一次' },
    });
  });

  it('is not kept for a complaint, nor once a report is not accepted', async () => {
    const complaint = await submitted();
    expect(await clock(complaint, 'caseDecision')).toBeUndefined();
    const refused = await t.call.staff(HEAD, 'complaint.extendCaseDecision', {
      id: complaint,
      reason: '案情复杂',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    const report = await submitted({ kind: 'report' });
    await t.call.staff(HEAD, 'complaint.reject', { id: report, reason: 'civilDispute' });
    expect((await clock(report, 'caseDecision')).stoppedOn).not.toBeNull();
  });
});

describe('the handling period', () => {
  it('is labelled an internal target (内部目标) for a regular complaint', async () => {
    const id = await submitted();
    await t.call.staff(HEAD, 'complaint.accept', { id });
    expect(await clock(id, 'handling')).toMatchObject({ label: '投诉举报办结（内部目标）', legal: false });
    expect((await view(id)).channel).toBe('regular');
  });
});

describe('a matter received as a petition (信访)', () => {
  async function petition() {
    const res = await t.call.staff(HEAD, 'complaint.record', {
      ...submission(),
      source: 'petition',
      sourceRef: 'XF2026-001',
    });
    expect(res.ok).toBe(true);
    return res.data as { id: string; acceptanceDueDate: string };
  }

  it('answers whether accepted within 15 days and finishes within 60 days of acceptance', async () => {
    await at('2026-03-02T10:00:00+08:00');
    const { id, acceptanceDueDate } = await petition();
    expect(acceptanceDueDate).toBe('2026-03-17');
    const received = await view(id);
    expect(received).toMatchObject({ channel: 'petition', channelLabel: '信访' });
    expect(await clock(id, 'petitionAcceptance')).toMatchObject({ label: '信访事项受理告知', legal: true });
    expect(await clock(id, 'acceptance')).toBeUndefined();

    await at('2026-03-05T10:00:00+08:00');
    expect((await t.call.staff(HEAD, 'complaint.accept', { id })).ok).toBe(true);
    // The 60th day, 2026-05-04, falls in the Labour Day holiday (05-01 to 05-05): due the next working day.
    expect(await clock(id, 'petitionHandling')).toMatchObject({ dueDate: '2026-05-06', legal: true });
    expect(await clock(id, 'handling')).toBeUndefined();
    expect((await view(id)).petitionDueDate).toBe('2026-05-06');
  });

  it('is extended once by at most 30 days with a leader approving, and the petitioner is told why', async () => {
    await at('2026-03-05T10:00:00+08:00');
    const { id } = await petition();
    await t.call.staff(HEAD, 'complaint.accept', { id });
    const tooLong = await t.call.staff(HEAD, 'complaint.extendPetition', {
      id,
      days: 31,
      reason: '情况复杂',
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(tooLong.error.fields).toHaveProperty(['payload.days']);

    const extended = await t.call.staff(HEAD, 'complaint.extendPetition', {
      id,
      days: 30,
      reason: '情况复杂',
    });
    expect(extended).toMatchObject({ ok: true, data: { petitionDueDate: '2026-06-03' } });
    const shown = await view(id);
    expect(shown.timeline.at(-1)).toMatchObject({ event: 'extended', label: '延长办理期限' });
    expect(shown.timeline.at(-1).text).toContain('情况复杂');
    const again = await t.call.staff(HEAD, 'complaint.extendPetition', { id, days: 5, reason: '仍需核查' });
    expect(again).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });

  it('is the only channel whose handling period can be extended', async () => {
    const id = await submitted();
    await t.call.staff(HEAD, 'complaint.accept', { id });
    const refused = await t.call.staff(HEAD, 'complaint.extendPetition', {
      id,
      days: 10,
      reason: '情况复杂',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '只有信访事项可以延长办理期限' },
    });
  });
});
