/**
 * The publication workflow declaration (PUB-11, seed Art. 22-23; PUB-13, seed Art. 25): preparer →
 * 分管领导 → office → principal → published; rejection starts a new round; within a round nobody passes an entry at
 * two steps or after preparing it; a delegation covers the principal; a minor's entry never goes forward.
 * Through the pure `allowedSteps` / `refusalOf` of core/workflow/define.ts (the server's kernel uses the same).
 */
import type { RoleGrant } from '../../../core/org/roles';
import { PUBLICATION_WORKFLOW as DEF, type EntryForWorkflow } from '../../../core/publication/workflow';
import { allowedSteps, emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';
import { MINOR_ID, penaltyOfPerson } from './fixtures';

const U = 'unit-commission';
const staff = (id: string, ...roles: Array<[RoleGrant['role'], string?]>): WorkflowActor => ({
  kind: 'staff',
  ref: `ref-${id}`,
  staffId: id,
  roles: roles.map(([role, sectionId]) => ({ role, unitId: U, sectionId: sectionId ?? null })),
});
const preparer = staff('prep', ['officer']);
const officer2 = staff('off2', ['officer']);
const reviewer = staff('rev', ['reviewer']);
const otherLeader = staff('rev2', ['reviewer']);
const office = staff('office', ['publisher']);
const principal = staff('head', ['principal']);
const system: WorkflowActor = { kind: 'system', ref: 'system' };

function draft(over: Partial<EntryForWorkflow> = {}): EntryForWorkflow {
  return {
    _wf: emptyWorkflow(),
    status: 'draft',
    unitId: U,
    sectionId: 'sec-medical',
    preparedBy: preparer.ref,
    reviewerIds: ['rev'],
    entry: penaltyOfPerson(),
    correctionId: null,
    withdrawal: null,
    ...over,
  };
}

/** Takes a step as the kernel would (state, act, round), failing the test with the refusal if refused. */
function take(r: EntryForWorkflow, step: string, actor: WorkflowActor): EntryForWorkflow {
  const refusal = refusalOf(DEF, actor, r, step);
  if (refusal) throw new Error(`${step} refused: ${refusal.message}`);
  const s = DEF.steps[step]!;
  const round = r._wf.round + (s.newRound ? 1 : 0);
  const at = '2026-11-25T10:00:00+08:00';
  const act = { step, actor: actor.ref, round, actedAt: at, recordedAt: at, settingsVersion: null };
  return { ...r, status: s.to ?? r.status, _wf: { ...r._wf, round, acts: [...r._wf.acts, act] } };
}
const through = (r: EntryForWorkflow, steps: Array<[string, WorkflowActor]>) =>
  steps.reduce((acc, [step, who]) => take(acc, step, who), r);

const TO_FORWARDED: Array<[string, WorkflowActor]> = [
  ['submit', preparer],
  ['review', reviewer],
  ['forward', office],
];

describe('publication workflow', () => {
  it('passes preparer → reviewer → office → principal → published, four different people', () => {
    const r = through(draft(), [...TO_FORWARDED, ['approve', principal], ['publish', system]]);
    expect(r.status).toBe('published');
    expect(new Set(r._wf.acts.slice(0, 4).map((a) => a.actor)).size).toBe(4);
  });

  it('lets only the supervising leader of the section review', () => {
    const r = take(draft(), 'submit', preparer);
    expect(refusalOf(DEF, otherLeader, r, 'review')).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusalOf(DEF, office, r, 'review')).toMatchObject({ code: 'FORBIDDEN' });
    expect(allowedSteps(DEF, reviewer, r)).toEqual(['review', 'reject']);
    // A reviewer limited (by delegation) to another section does not reach it.
    const elsewhere = staff('rev', ['reviewer', 'sec-public']);
    expect(refusalOf(DEF, elsewhere, r, 'review')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses whoever prepared it or already passed it in the round at a later step', () => {
    const allRoles = staff('prep', ['officer'], ['reviewer'], ['publisher'], ['principal']);
    const r = take(draft({ reviewerIds: ['prep', 'rev'] }), 'submit', allRoles);
    expect(refusalOf(DEF, allRoles, r, 'review')).toMatchObject({ code: 'FORBIDDEN' });
    const leaderAndOffice = staff('rev', ['reviewer'], ['publisher'], ['principal']);
    const reviewed = take(r, 'review', leaderAndOffice);
    // The refusal names the step this person took in the round (审核), not the round's first (提交审核).
    expect(refusalOf(DEF, leaderAndOffice, reviewed, 'forward')).toEqual({
      code: 'FORBIDDEN',
      message: '同一人不能既审核又报送',
    });
    const forwarded = take(reviewed, 'forward', office);
    expect(refusalOf(DEF, leaderAndOffice, forwarded, 'approve')?.code).toBe('FORBIDDEN');
    expect(refusalOf(DEF, staff('office', ['publisher'], ['principal']), forwarded, 'approve')?.code).toBe(
      'FORBIDDEN',
    );
    expect(refusalOf(DEF, principal, forwarded, 'approve')).toBeNull();
  });

  it('sends a rejected entry back to draft for a new round, where the same reviewer may review again', () => {
    const rejected = take(take(draft(), 'submit', preparer), 'reject', reviewer);
    expect(rejected.status).toBe('draft');
    expect(rejected._wf.round).toBe(2);
    const again = through(rejected, [['edit', preparer], ...TO_FORWARDED, ['approve', principal]]);
    expect(again.status).toBe('approved');
    // At the principal's step only the principal may reject; the office may not.
    const forwarded = through(draft(), TO_FORWARDED);
    expect(refusalOf(DEF, office, forwarded, 'reject')?.code).toBe('FORBIDDEN');
    expect(take(forwarded, 'reject', principal).status).toBe('draft');
  });

  it('accepts a recorded delegation of the principal, limited to its section', () => {
    const forwarded = through(draft(), TO_FORWARDED);
    const delegate = staff('deputy', ['reviewer'], ['principal', 'sec-medical']);
    expect(refusalOf(DEF, delegate, forwarded, 'approve')).toBeNull();
    const otherSection = through(draft({ sectionId: 'sec-public' }), TO_FORWARDED);
    expect(refusalOf(DEF, delegate, otherSection, 'approve')?.code).toBe('FORBIDDEN');
  });

  it('never lets a minor entry go forward, and refuses approving a withheld one', () => {
    const e = penaltyOfPerson();
    const minor = draft({
      entry: { ...e, party: { ...e.party, personId: { kind: 'resident', number: MINOR_ID } } },
    });
    expect(refusalOf(DEF, preparer, minor, 'submit')).toEqual({
      code: 'PRECONDITION_FAILED',
      message: '当事人为未成年人，依法不予公开',
    });
    const forwarded = through(draft({ entry: { ...e, withhold: { privacy: true } } }), TO_FORWARDED);
    expect(refusalOf(DEF, principal, forwarded, 'approve')?.message).toContain('涉及个人隐私');
    // The timer may not publish a minor's entry either, whatever state it reached.
    expect(refusalOf(DEF, system, { ...minor, status: 'approved' }, 'publish')?.code).toBe(
      'PRECONDITION_FAILED',
    );
  });

  it('publishes only by the system (at once or at the set time), never by a person', () => {
    const approved = through(draft(), [...TO_FORWARDED, ['approve', principal]]);
    expect(refusalOf(DEF, principal, approved, 'publish')?.code).toBe('FORBIDDEN');
    expect(refusalOf(DEF, system, approved, 'publish')).toBeNull();
  });

  it('lets the section correct (once at a time) and withdraw a published entry, and review the reason', () => {
    const published = through(draft(), [...TO_FORWARDED, ['approve', principal], ['publish', system]]);
    expect(allowedSteps(DEF, officer2, published)).toEqual(['correct', 'noteChange', 'withdraw']);
    expect(refusalOf(DEF, officer2, { ...published, correctionId: 'v2' }, 'correct')?.message).toBe(
      '该条目已有正在办理的更正版本',
    );
    const outsider: WorkflowActor = {
      ...staff('x', ['officer']),
      roles: [{ role: 'officer', unitId: 'unit-enf' }],
    };
    expect(refusalOf(DEF, outsider, published, 'withdraw')?.code).toBe('NOT_FOUND');
    const withdrawn = take(published, 'withdraw', officer2);
    expect(refusalOf(DEF, reviewer, withdrawn, 'publishWithdrawalReason')?.message).toBe('请先填写撤回理由');
    const reasoned = {
      ...withdrawn,
      withdrawal: { reason: '经行政复议，原处罚决定被撤销', reasonPublished: false },
    };
    expect(refusalOf(DEF, officer2, reasoned, 'publishWithdrawalReason')?.code).toBe('FORBIDDEN');
    expect(refusalOf(DEF, reviewer, reasoned, 'publishWithdrawalReason')).toBeNull();
  });

  it('refuses submitting while the section has no supervising leader', () => {
    expect(refusalOf(DEF, preparer, draft({ reviewerIds: [] }), 'submit')?.message).toContain(
      '尚未设置分管领导',
    );
  });
});
