/**
 * The case declaration (core/case/workflow.ts; REC-1, REC-10, REC-14): each kind's stages in the law's order (an
 * optional stage may be skipped), a coercive measure before its approval only in an emergency (行政强制法 Art. 19),
 * who sees a case, and that the custodian who receives records is never an investigator of the case.
 */
import { CASE_WORKFLOW, nextStagesOf, seesCase, type CaseForWorkflow } from '../../../core/case/workflow';
import { allowedSteps, emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';
import type { RoleGrant } from '../../../core/org/roles';

const U = 'unit_enforcement';
const kase = (over: Partial<CaseForWorkflow> = {}): CaseForWorkflow => ({
  _wf: emptyWorkflow(),
  kind: 'penalty',
  stage: 'opened',
  unitId: U,
  sectionId: 'sec_1',
  officerStaffIds: ['stf_a', 'stf_b'],
  emergency: false,
  ...over,
});
const actor = (staffId: string, roles: RoleGrant[]): WorkflowActor => ({
  kind: 'staff',
  ref: `r:${staffId}`,
  staffId,
  roles,
});
const officer = (id: string) => actor(id, [{ role: 'officer', unitId: U }]);
const head = actor('stf_head', [{ role: 'principal', unitId: U }]);

describe('stages', () => {
  it('follows the penalty order, the collective discussion optional (行政处罚法 Art. 57)', () => {
    expect(nextStagesOf(kase())).toEqual(['investigation']);
    expect(nextStagesOf(kase({ stage: 'legalReview' }))).toEqual(['collectiveDiscussion', 'decision']);
    expect(nextStagesOf(kase({ stage: 'closed' }))).toEqual([]);
  });

  it('lets an inspection skip its follow-up', () => {
    expect(nextStagesOf(kase({ kind: 'inspection', stage: 'departure' }))).toEqual(['followUp', 'closed']);
  });

  it('takes a coercive measure before approval only in an emergency (行政强制法 Art. 18, 19)', () => {
    expect(nextStagesOf(kase({ kind: 'coercion' }))).toEqual(['approval']);
    expect(nextStagesOf(kase({ kind: 'coercion', emergency: true }))).toEqual(['approval', 'measure']);
    const measured = kase({ kind: 'coercion', emergency: true, stage: 'measure' });
    expect(nextStagesOf(measured)).toEqual(['approval']);
  });

  it('refuses a stage of another kind', () => {
    expect(
      refusalOf(
        CASE_WORKFLOW,
        officer('stf_a'),
        kase({ kind: 'inspection', stage: 'arrival' }),
        'investigation',
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});

describe('who', () => {
  it('shows a case to its officers and leaders, not to another officer of the unit (REC-14)', () => {
    expect(seesCase(officer('stf_a'), kase())).toBe(true);
    expect(seesCase(head, kase())).toBe(true);
    expect(seesCase(officer('stf_c'), kase())).toBe(false);
    expect(seesCase(actor('stf_r', [{ role: 'reviewer', unitId: U, sectionId: 'sec_2' }]), kase())).toBe(
      false,
    );
  });

  it('lets the custodian receive records, unless the custodian is on the case (细则第二十一条)', () => {
    const custodian = actor('stf_k', [{ role: 'custodian', unitId: U }]);
    expect(allowedSteps(CASE_WORKFLOW, custodian, kase())).toContain('receiveRecord');
    const investigating = actor('stf_a', [
      { role: 'officer', unitId: U },
      { role: 'custodian', unitId: U },
    ]);
    expect(refusalOf(CASE_WORKFLOW, investigating, kase(), 'receiveRecord')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('leaves the decision to the leaders', () => {
    const c = kase({ stage: 'legalReview' });
    expect(refusalOf(CASE_WORKFLOW, officer('stf_a'), c, 'decision')).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusalOf(CASE_WORKFLOW, head, c, 'decision')).toBeNull();
  });
});
