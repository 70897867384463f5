/**
 * Complaints about enforcement conduct (REC-14: no unauthorised viewing; the benchmark rules: never
 * disclose a reporter to the party concerned): routed to the commission's oversight section (法规与综合监督科), not
 * to the enforcement unit; the officer concerned, matched by certificate number or name, is never assigned, never
 * sees the record, its listing or the complainant's identity. Each through the actions.
 */
import { newOpenid, REAL_NAME, storedComplaint, submission, useSeededEmulator } from './helpers';

const t = useSeededEmulator();

const CONDUCT = '执法行为（执法人员或执法机构）';
const PRINCIPAL = 'demo-principal'; // head of the commission
const LEADER_1 = 'demo-leader-1'; // supervises 法规与综合监督科 (sec_legal)
const UNIT_HEAD = 'demo-unit-head'; // head of the enforcement unit
const OFFICER_3 = 'demo-officer-3'; // 周敏, commission officer, certificate 50010120220015

async function conductComplaint(officer: Record<string, string>) {
  const res = await t.call.citizen(
    newOpenid(),
    'complaint.submit',
    submission({
      category: CONDUCT,
      officer,
      description: '执法人员检查时态度粗暴，并索要财物，请求调查处理。',
    }),
  );
  expect(res.ok).toBe(true);
  const stored = await storedComplaint(res.data.trackingNo);
  return { id: stored._id as string, trackingNo: res.data.trackingNo as string, stored };
}

describe('routing', () => {
  it('sends a conduct complaint to the commission oversight section, never to the enforcement unit', async () => {
    const { id, stored } = await conductComplaint({ name: '张伟' });
    expect(stored).toMatchObject({ unitId: 'unit_commission', sectionIds: ['sec_legal'] });
    // 张伟 is stf_officer_1 of the enforcement unit: matched by name.
    expect(stored.conduct).toEqual({ officerGiven: { name: '张伟' }, concernedStaffIds: ['stf_officer_1'] });
    expect((await t.call.staff(UNIT_HEAD, 'complaint.get', { id })).error.code).toBe('NOT_FOUND');
    const shown = await t.call.staff(PRINCIPAL, 'complaint.get', { id });
    expect(shown.data.conduct).toEqual({ officerGiven: { name: '张伟' }, matched: true });
  });

  it('refuses officer details on a complaint that is not about enforcement conduct', async () => {
    const res = await t.call.citizen(
      newOpenid(),
      'complaint.submit',
      submission({ officer: { name: '张伟' } }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields['payload.officer']).toBe('只有反映执法行为时才填写被投诉的执法人员');
  });

  it('is recorded by the commission only, when it comes in by phone', async () => {
    const input = {
      ...submission({ category: CONDUCT, officer: { certNo: '50010120230001' } }),
      source: 'phone',
    };
    const byUnit = await t.call.staff(UNIT_HEAD, 'complaint.record', input);
    expect(byUnit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byCommission = await t.call.staff(PRINCIPAL, 'complaint.record', input);
    expect(byCommission.ok).toBe(true);
  });
});

describe('the officer concerned', () => {
  it('matched by certificate number, is refused as handler by the kernel', async () => {
    const { id, stored } = await conductComplaint({ certNo: '50010120220015' });
    expect(stored.conduct.concernedStaffIds).toEqual(['stf_officer_3']);
    // Not offered for assignment, and refused when named anyway.
    const offered = await t.call.staff(PRINCIPAL, 'complaint.handlers', { id });
    expect(offered.data.items.map((h: any) => h.staffId)).not.toContain('stf_officer_3');
    const res = await t.call.staff(PRINCIPAL, 'complaint.assign', { id, handlerIds: ['stf_officer_3'] });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '被投诉的执法人员不能承办对其本人的投诉' },
    });
    expect((await t.call.staff(PRINCIPAL, 'complaint.get', { id })).data.handlerIds).toEqual([]);
  });

  it('never sees the record, its queue row or who complained; the oversight leader does', async () => {
    const { id, trackingNo } = await conductComplaint({ certNo: '50010120220015', name: '周敏' });
    const get = await t.call.staff(OFFICER_3, 'complaint.get', { id });
    expect(get).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const queue = await t.call.staff(OFFICER_3, 'complaint.queue', { pageSize: 50 });
    expect(queue.ok).toBe(true);
    expect(queue.data.items.map((i: any) => i.trackingNo)).not.toContain(trackingNo);
    const accept = await t.call.staff(OFFICER_3, 'complaint.accept', { id });
    expect(accept).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(get)).not.toContain(REAL_NAME);

    // The leader supervising the oversight section sees the identity (REC-14: the handling side only).
    const leader = await t.call.staff(LEADER_1, 'complaint.get', { id });
    expect(leader.data).toMatchObject({ identityVisible: true, contact: { name: REAL_NAME } });
  });
});

describe('a leader complained about', () => {
  afterEach(() => t.emu.post('/_emulator/clock', { now: null }));

  it('neither reads the complaint nor finds it among the deadlines on the dashboard', async () => {
    await t.emu.post('/_emulator/clock', { now: '2026-11-27T10:00:00+08:00' });
    const { id, trackingNo, stored } = await conductComplaint({ name: '王建国' }); // the commission's head
    expect(stored.conduct.concernedStaffIds).toEqual(['stf_principal']);
    expect((await t.call.staff(PRINCIPAL, 'complaint.get', { id })).error.code).toBe('NOT_FOUND');
    await t.emu.post('/_emulator/clock', { now: '2026-12-08T10:00:00+08:00' }); // the 7th working day
    const dueItems = async (openid: string) => {
      const res = await t.call.staff(openid, 'dashboard');
      expect(res.ok).toBe(true);
      return res.data.sections
        .flatMap((s: any) => s.people.flatMap((p: any) => p.items))
        .filter((i: any) => i.item.startsWith(trackingNo));
    };
    expect(await dueItems(PRINCIPAL)).toEqual([]);
    expect((await dueItems(LEADER_1)).map((i: any) => i.provider)).toEqual(['complaint.acceptance']);
  });
});
