/**
 * The enrolment's pure rules (core/service/enrolment.ts; docs/service.md; 行政处罚法 Art. 61): who may take which
 * step, the mini-program code's scene, expiry, the identity comparisons and the 确认书 text per scope.
 */
import {
  consentText,
  ENROLMENT_WORKFLOW,
  enrolmentIdOfScene,
  expiredFor,
  identityFormOf,
  maskPhone,
  sameLast4,
  sameName,
  sceneOfEnrolment,
  type EnrolmentForWorkflow,
} from '../../../core/service/enrolment';
import { emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';

const ID = 'enr_0123456789abcdef01234567';
const record = (over: Partial<EnrolmentForWorkflow> = {}): EnrolmentForWorkflow => ({
  _wf: emptyWorkflow(),
  status: 'invited',
  unitId: 'unit_enforcement',
  sectionId: 'sec_dept_1',
  officerStaffIds: ['stf_officer_1'],
  recipientRef: null,
  ...over,
});
const party = (ref: string): WorkflowActor => ({ kind: 'citizen', ref });
const officer = (staffId: string, sectionId: string | null): WorkflowActor => ({
  kind: 'staff',
  ref: `staff:${staffId}`,
  staffId,
  roles: [{ role: 'officer', unitId: 'unit_enforcement', sectionId }],
});

describe('who may act', () => {
  it('lets anyone with the code try it, then only that identity go on (others: NOT_FOUND)', () => {
    expect(refusalOf(ENROLMENT_WORKFLOW, party('a'), record(), 'enterCode')).toBeNull();
    const claimed = record({ status: 'codeEntered', recipientRef: 'a' });
    expect(refusalOf(ENROLMENT_WORKFLOW, party('a'), claimed, 'identify')).toBeNull();
    expect(refusalOf(ENROLMENT_WORKFLOW, party('b'), claimed, 'identify')?.code).toBe('NOT_FOUND');
  });

  it("lets the case's officers and its section's officers confirm, not another section's", () => {
    const consented = record({ status: 'consented', recipientRef: 'a' });
    expect(refusalOf(ENROLMENT_WORKFLOW, officer('stf_officer_1', null), consented, 'confirm')).toBeNull();
    expect(refusalOf(ENROLMENT_WORKFLOW, officer('stf_x', 'sec_dept_1'), consented, 'confirm')).toBeNull();
    expect(refusalOf(ENROLMENT_WORKFLOW, officer('stf_y', 'sec_dept_2'), consented, 'confirm')?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('never lets the party confirm, nor the officer consent for the party', () => {
    const identified = record({ status: 'identified', recipientRef: 'a' });
    expect(refusalOf(ENROLMENT_WORKFLOW, officer('stf_officer_1', null), identified, 'consent')?.code).toBe(
      'FORBIDDEN',
    );
    const consented = record({ status: 'consented', recipientRef: 'a' });
    expect(refusalOf(ENROLMENT_WORKFLOW, party('a'), consented, 'confirm')?.code).toBe('FORBIDDEN');
    expect(refusalOf(ENROLMENT_WORKFLOW, party('a'), record({ status: 'locked' }), 'enterCode')?.code).toBe(
      'PRECONDITION_FAILED',
    );
  });
});

it('maps the enrolment to a scene of at most 32 visible characters and back', () => {
  const scene = sceneOfEnrolment(ID);
  expect(scene.length).toBeLessThanOrEqual(32);
  expect(enrolmentIdOfScene(scene)).toBe(ID);
  expect(enrolmentIdOfScene(encodeURIComponent(scene))).toBe(ID);
  expect(enrolmentIdOfScene('e0123')).toBeNull();
});

it('expires the party steps after 30 minutes and the confirmation after a day', () => {
  const base = { createdAt: '2026-12-01T02:00:00.000Z', expiresAt: '2026-12-01T02:30:00.000Z' };
  expect(expiredFor({ ...base, status: 'invited' }, new Date('2026-12-01T02:29:00Z'))).toBeNull();
  expect(expiredFor({ ...base, status: 'identified' }, new Date('2026-12-01T02:31:00Z'))).toBe('party');
  expect(expiredFor({ ...base, status: 'consented' }, new Date('2026-12-01T20:00:00Z'))).toBeNull();
  expect(expiredFor({ ...base, status: 'consented' }, new Date('2026-12-02T02:01:00Z'))).toBe('confirm');
  expect(expiredFor({ ...base, status: 'active' }, new Date('2027-12-01T00:00:00Z'))).toBeNull();
});

it('compares identity details as typed: names without spaces or bracket widths, the last four with X', () => {
  expect(sameName(' 某某口腔诊所（普通合伙） ', '某某口腔诊所(普通合伙)')).toBe(true);
  expect(sameName('某某口腔诊所', '某某口腔门诊部')).toBe(false);
  expect(sameLast4('50010119900101123X', '123x')).toBe(true);
  expect(sameLast4('500101199001011231', '1232')).toBe(false);
  expect(identityFormOf('organisation', 'uscc')).toBe('organisation');
  expect(identityFormOf('individualBusiness', 'resident')).toBe('person');
  expect(identityFormOf('unregistered', 'none')).toBe('nameOnly');
  expect(maskPhone('13800138000')).toBe('138****8000');
});

it('states the scope the party chose in the 确认书, and that the signed paper is what counts', () => {
  const input = {
    authority: '区卫生健康综合行政执法支队',
    caseNo: '万卫罚立〔2026〕1号',
    partyName: '张某某',
  };
  const one = consentText({ ...input, scope: 'case' });
  const all = consentText({ ...input, scope: 'party' });
  expect(one[1]).toBe('二、本确认书仅适用于万卫罚立〔2026〕1号案件。');
  expect(all[1]).toContain('今后对张某某办理的其他执法事项，直至本人书面或在小程序内撤回');
  expect(one.join('')).toContain('以本人首次打开文书或点击“确认收悉”之日（以先发生者为准）为送达日期');
  // The rule in force when invited is the one stated (the legal section's setting).
  expect(consentText({ ...input, scope: 'case', rule: 'acknowledge' })[3]).toContain(
    '以本人点击“确认收悉”之日为送达日期',
  );
  expect(one.at(-1)).toContain('纸质或执法终端电子签名确认书为准');
});
