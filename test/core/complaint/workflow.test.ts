/**
 * The complaint declaration's guards for conduct complaints (REC-14): the officer concerned is
 * refused every step as if the record did not exist, and an assignment naming them is refused; pure, no emulator.
 */
import {
  COMPLAINT_WORKFLOW,
  clocksAtReceipt,
  type ComplaintForWorkflow,
} from '../../../core/complaint/workflow';
import { allowedSteps, emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';

const UNIT = 'unit_commission';
const record = (over: Partial<ComplaintForWorkflow> = {}): ComplaintForWorkflow => ({
  _wf: emptyWorkflow(),
  trackingNo: 'TS20260302-ABCDEF',
  kind: 'complaint',
  category: '执法行为（执法人员或执法机构）',
  subject: { name: '某执法大队', address: '万州区某某路 1 号' },
  description: '执法人员检查时态度粗暴。',
  photos: [],
  status: 'submitted',
  receivedAt: '2026-03-02T02:00:00.000Z',
  acceptanceDueDate: '2026-03-11',
  anonymous: false,
  contactMasked: { name: '张**', phone: '139****4321' },
  timeline: [],
  result: null,
  unitId: UNIT,
  sectionIds: ['sec_legal'],
  handlerIds: [],
  caseDecision: null,
  splitFrom: null,
  ownerRef: 'owner',
  conduct: { concernedStaffIds: ['stf_concerned'] },
  ...over,
});
const staff = (staffId: string, role: 'officer' | 'principal'): WorkflowActor => ({
  kind: 'staff',
  ref: `ref-${staffId}`,
  staffId,
  roles: [{ role, unitId: UNIT }],
});

describe('conduct complaints in the declaration', () => {
  it('answers the officer concerned as if the record did not exist, even as leader or handler', () => {
    const r = record({ handlerIds: ['stf_concerned'] });
    for (const role of ['officer', 'principal'] as const) {
      const actor = staff('stf_concerned', role);
      expect(refusalOf(COMPLAINT_WORKFLOW, actor, r, 'accept')).toMatchObject({ code: 'NOT_FOUND' });
      expect(allowedSteps(COMPLAINT_WORKFLOW, actor, r)).toEqual([]);
    }
    expect(allowedSteps(COMPLAINT_WORKFLOW, staff('stf_other', 'principal'), r)).toContain('accept');
  });

  it('refuses an assignment naming the officer concerned', () => {
    const leader = staff('stf_leader', 'principal');
    expect(
      refusalOf(COMPLAINT_WORKFLOW, leader, record(), 'assign', { handlerIds: 'stf_a,stf_concerned' }),
    ).toEqual({ code: 'PRECONDITION_FAILED', message: '被投诉的执法人员不能承办对其本人的投诉' });
    expect(refusalOf(COMPLAINT_WORKFLOW, leader, record(), 'assign', { handlerIds: 'stf_a' })).toBeNull();
  });
});

describe('clocks at receipt', () => {
  it('starts the channel acceptance clock, and the 立案 clock for a report', () => {
    expect(clocksAtReceipt('complaint', 'regular')).toEqual(['acceptance']);
    expect(clocksAtReceipt('report', 'regular')).toEqual(['acceptance', 'caseDecision']);
    expect(clocksAtReceipt('report', 'petition')).toEqual(['petitionAcceptance', 'caseDecision']);
  });
});
