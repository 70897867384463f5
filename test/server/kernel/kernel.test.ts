/**
 * The workflow kernel drives two record types declared with its declaration API and core/ only: one shaped like
 * a publication entry (four steps by four roles, separation of duty, a send-back round, a batch approval with a
 * result per item, a delegated principal, a pending version beside the live one) and one shaped like a case
 * (stages, a clock paused for an excluded period and extended by an approval step, a back-dated act). Every
 * step is on the record's chain: the trail verifies at the end (REC-11, PUB-11 shapes the entry, REC-10 the
 * hand-over clock).
 */
import { createCalendar } from '../../../core/calendar';
import { allowedSteps, type WorkflowActor } from '../../../core/workflow/define';
import { applyStep, createRecord, loadRecord, type StepRequest } from '../../../server/kernel/apply';
import { clockDeadlineProvider } from '../../../server/kernel/deadlines';
import { fanOut } from '../../../server/kernel/fan-out';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { startWithSdk, verifyAll } from '../ledger/helpers';
import { CASE, type CaseFile } from './types/case';
import { ENTRY, type Entry } from './types/entry';

let emu: TestEmulator;
let db: Database;
beforeAll(async () => {
  ({ emu, db } = await startWithSdk(false));
});
afterAll(() => emu.stop());

const U = 'unit_c';
const actor = (ref: string, ...roles: Array<[string, string?]>): WorkflowActor => ({
  kind: 'staff',
  ref: `staff:${ref}`,
  staffId: ref,
  roles: roles.map(([role, sectionId]) => ({
    role: role as never,
    unitId: U,
    ...(sectionId ? { sectionId } : {}),
  })),
});
const preparer = actor('prep', ['officer']);
const reviewer = actor('rev', ['reviewer', 'sec_a']);
const office = actor('off', ['publisher']);
const principal = actor('pri', ['principal']);
const both = actor('both', ['officer'], ['reviewer']);

let n = 0;
async function newEntry(effectiveFrom = '2026-01-01'): Promise<string> {
  const id = `entry_${++n}`;
  await createRecord(db, {
    def: ENTRY,
    id,
    actor: preparer,
    now: new Date(),
    initialState: 'draft',
    state: { unitId: U, sectionId: 'sec_a', live: null, pending: { text: `第${n}条`, effectiveFrom } },
  });
  return id;
}
const step = (
  id: string,
  name: string,
  who: WorkflowActor,
  extra: Partial<StepRequest<Entry & Record<string, unknown>>> = {},
) =>
  applyStep<Entry & Record<string, unknown>>(db, {
    def: ENTRY as never,
    id,
    step: name,
    actor: who,
    now: new Date(),
    settingsVersion: async () => 3,
    // Approval makes the pending version live on its date; a future one waits beside the live one.
    effect: (s) => {
      if (
        name === 'approve' &&
        s.pending &&
        (s.pending as { effectiveFrom: string }).effectiveFrom <= '2026-12-31'
      ) {
        s.live = s.pending;
        s.pending = null;
      }
    },
    ...extra,
  });
const entry = async (id: string) => (await loadRecord<Entry & Record<string, unknown>>(db, ENTRY, id))!;

describe('an entry-shaped record', () => {
  it('goes through four steps by four roles, each act stamped with the settings version', async () => {
    const id = await newEntry();
    await step(id, 'submit', preparer);
    await step(id, 'review', reviewer);
    await step(id, 'forward', office);
    await step(id, 'approve', principal);
    const e = await entry(id);
    expect(e.state).toBe('approved');
    expect(e.live).toMatchObject({ text: expect.any(String) });
    expect(e._wf.acts.map((a) => [a.step, a.settingsVersion])).toEqual([
      ['submit', 3],
      ['review', 3],
      ['forward', 3],
      ['approve', 3],
    ]);
  });

  it('refuses the wrong role, the wrong state, and someone reviewing what they prepared', async () => {
    const id = await newEntry();
    await expect(step(id, 'review', reviewer)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await step(id, 'submit', both);
    await expect(step(id, 'forward', office)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(step(id, 'review', both)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: /同一人不能既提交又审核/,
    });
    await expect(step(id, 'review', office)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(allowedSteps(ENTRY, reviewer, await entry(id))).toEqual(['review', 'sendBack']);
    expect(allowedSteps(ENTRY, both, await entry(id))).toEqual(['sendBack']);
    // A reviewer limited to another section does not see the steps, and an outsider learns nothing.
    await expect(step(id, 'review', actor('rev2', ['reviewer', 'sec_b']))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const outsider: WorkflowActor = {
      kind: 'staff',
      ref: 'staff:x',
      roles: [{ role: 'principal', unitId: 'other' }],
    };
    await expect(step(id, 'review', outsider)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends back to the preparer in a new round, where the same reviewer may review the corrected entry', async () => {
    const id = await newEntry();
    await step(id, 'submit', preparer);
    await step(id, 'review', reviewer);
    await step(id, 'sendBack', office);
    expect((await entry(id)).state).toBe('draft');
    await step(id, 'submit', preparer);
    await step(id, 'review', reviewer);
    const e = await entry(id);
    expect(e._wf.round).toBe(2);
    expect(e.state).toBe('forwarding');
  });

  it('approves a batch with one result per item, through a delegated principal', async () => {
    const ids = [await newEntry(), await newEntry(), await newEntry()];
    for (const id of ids.slice(0, 2)) {
      await step(id, 'submit', preparer);
      await step(id, 'review', reviewer);
      await step(id, 'forward', office);
    }
    // The principal is away: the deputy holds `principal` by an approved delegation (roles in force).
    const deputy = actor('deputy', ['principal']);
    const batch = await fanOut([...ids, ids[0]!], (id) => step(id, 'approve', deputy));
    expect(batch.remaining).toEqual([]);
    expect(batch.results).toEqual([
      { id: ids[0], ok: true },
      { id: ids[1], ok: true },
      { id: ids[2], ok: false, code: 'PRECONDITION_FAILED', message: expect.any(String) },
    ]);
    // Approving again (a retried batch) changes nothing: each item is refused on its own state.
    const again = await fanOut(ids.slice(0, 1), (id) => step(id, 'approve', deputy));
    expect(again.results[0]).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
  });

  it('keeps a future version pending beside the live one', async () => {
    const id = await newEntry('2027-06-01');
    for (const [s, who] of [
      ['submit', preparer],
      ['review', reviewer],
      ['forward', office],
      ['approve', principal],
    ] as const) {
      await step(id, s, who);
    }
    const e = await entry(id);
    expect(e.state).toBe('approved');
    expect(e.live).toBeNull();
    expect(e.pending).toMatchObject({ effectiveFrom: '2027-06-01' });
  });
});

describe('a case-shaped record', () => {
  const calendar = createCalendar();
  const officer = actor('off1', ['officer']);
  const head = actor('head', ['principal']);
  const caseStep = (id: string, name: string, who: WorkflowActor, now: string, actedAt?: string) =>
    applyStep<CaseFile & Record<string, unknown>>(db, {
      def: CASE as never,
      id,
      step: name,
      actor: who,
      now: new Date(now),
      actedAt: actedAt ? new Date(actedAt) : undefined,
      calendar,
    });

  it('runs its time limit from the back-dated registration, paused for an excluded period and extended by approval', async () => {
    await createRecord(db, {
      def: CASE,
      id: 'case_1',
      actor: officer,
      now: new Date('2026-03-05T09:00:00+08:00'),
      initialState: 'registered',
      settingsVersion: 2,
      state: { unitId: U },
    });
    // Entered on 5 March, approved on 2 March: the 90 days run from the act.
    await caseStep('case_1', 'register', head, '2026-03-05T09:00:00+08:00', '2026-03-02T09:00:00+08:00');
    let c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_1'))!;
    const due = calendar.addCalendarDays('2026-03-02', 90).date;
    expect(c._wf.clocks.handling).toMatchObject({ startedOn: '2026-03-02', dueDate: due });
    expect(c._wf.nextDue).toBe(due);
    expect(c._wf.acts[0]).toMatchObject({ actedAt: '2026-03-02T01:00:00.000Z', settingsVersion: 2 });

    await caseStep('case_1', 'suspend', officer, '2026-04-01T09:00:00+08:00');
    c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_1'))!;
    expect(c._wf.clocks.handling!.dueDate).toBeNull();
    expect(c._wf.nextDue).toBeNull();
    await caseStep('case_1', 'resume', officer, '2026-04-15T09:00:00+08:00');
    c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_1'))!;
    // A calendar-day limit leaves out the calendar days it was paused (14), not the working days.
    const paused = 14;
    expect(c._wf.clocks.handling).toMatchObject({
      pausedDays: paused,
      dueDate: calendar.addCalendarDays(due, paused).date,
    });

    await expect(caseStep('case_1', 'extend', officer, '2026-05-01T09:00:00+08:00')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await caseStep('case_1', 'extend', head, '2026-05-01T09:00:00+08:00');
    c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_1'))!;
    expect(c._wf.clocks.handling).toMatchObject({
      extendedDays: 30,
      dueDate: calendar.addCalendarDays('2026-03-02', 120 + paused).date,
    });
    await caseStep('case_1', 'propose', officer, '2026-05-02T09:00:00+08:00');
    await caseStep('case_1', 'close', head, '2026-05-03T09:00:00+08:00');
    c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_1'))!;
    expect(c.stage).toBe('closed');
    expect(c._wf.nextDue).toBeNull();
  });

  it('runs a clock per sub-item: each record collected has its own hand-over deadline', async () => {
    await createRecord(db, {
      def: CASE,
      id: 'case_4',
      actor: officer,
      now: new Date(),
      initialState: 'registered',
      state: { unitId: U },
    });
    await caseStep('case_4', 'register', head, '2026-03-02T09:00:00+08:00');
    const withItem = (name: string, item: string, now: string) =>
      applyStep<CaseFile & Record<string, unknown>>(db, {
        def: CASE as never,
        id: 'case_4',
        step: name,
        actor: officer,
        now: new Date(now),
        calendar,
        params: { item },
      });
    await withItem('collect', 'rec_1', '2026-03-03T09:00:00+08:00'); // Tuesday
    await withItem('collect', 'rec_2', '2026-03-05T09:00:00+08:00'); // Thursday
    let c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_4'))!;
    expect(c._wf.clocks['handover:rec_1']!.dueDate).toBe('2026-03-05');
    expect(c._wf.clocks['handover:rec_2']!.dueDate).toBe('2026-03-09'); // over the weekend
    expect(c._wf.nextDue).toBe('2026-03-05');
    await withItem('handOver', 'rec_1', '2026-03-04T09:00:00+08:00');
    c = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_4'))!;
    expect(c._wf.clocks['handover:rec_1']!.stoppedOn).toBe('2026-03-04');
    expect(c._wf.nextDue).toBe('2026-03-09');
  });

  it('refuses an act back-dated beyond its limit, or dated in the future, naming the field', async () => {
    await createRecord(db, {
      def: CASE,
      id: 'case_2',
      actor: officer,
      now: new Date(),
      initialState: 'registered',
      state: { unitId: U },
    });
    const now = new Date();
    const old = new Date(now.getTime() - 10 * 86_400_000).toISOString();
    await expect(caseStep('case_2', 'register', head, now.toISOString(), old)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'payload.actedAt': expect.stringContaining('7 天') },
    });
    const later = new Date(now.getTime() + 86_400_000).toISOString();
    await expect(caseStep('case_2', 'register', head, now.toISOString(), later)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

it('shows a record type’s clocks on the dashboard from its declaration, read by the indexed due date', async () => {
  const calendar = createCalendar();
  const provider = clockDeadlineProvider<CaseFile & Record<string, unknown>>(CASE as never, {
    label: '办案期限',
    calendar: async () => calendar,
    unitOf: (c) => c.unitId,
    sectionOf: () => 'cases',
    describe: (c) => `${c._id} 办案期限`,
  });
  await createRecord(db, {
    def: CASE,
    id: 'case_3',
    actor: actor('off1', ['officer']),
    now: new Date(),
    initialState: 'registered',
    state: { unitId: U },
  });
  await applyStep<CaseFile & Record<string, unknown>>(db, {
    def: CASE as never,
    id: 'case_3',
    step: 'register',
    actor: actor('head', ['principal']),
    now: new Date(),
    calendar,
  });
  const due = (await loadRecord<CaseFile & Record<string, unknown>>(db, CASE, 'case_3'))!._wf.nextDue!;
  const scope = {
    staff: { staffId: 's', unitId: U, sectionId: null, roles: [], officerId: null },
    unitIds: [U],
    reach: {},
  };
  const before = await provider.list(
    db,
    scope,
    new Date(Date.parse(`${due}T09:00:00+08:00`) - 30 * 86_400_000),
  );
  expect(before.items.map((i) => i.ref)).not.toContain('testCase:case_3');
  const after = await provider.list(
    db,
    scope,
    new Date(Date.parse(`${due}T09:00:00+08:00`) + 3 * 86_400_000),
  );
  expect(after.items).toContainEqual(expect.objectContaining({ ref: 'testCase:case_3', status: 'overdue' }));
});

it('puts every step on the records’ chains: the trail verifies', async () => {
  expect(await verifyAll(db)).toMatchObject({ ok: true, breaks: [] });
});
