/**
 * The enrolment pages' view models (miniprogram/pages/service/enrol|officer/model.ts; docs/service.md; 行政处罚法 Art. 61):
 * the party's screen follows the enrolment's state, identity fields follow the party's kind, the 确认书 follows
 * the scope chosen; the officer sees what the party typed as rows and picks the registered 确认书 and AV.
 */
import { enrolmentIdOfScene } from '../../core/service/enrolment';
import {
  consentParagraphs,
  consentRow,
  enrolmentIdFromQuery,
  fieldErrors,
  identityFieldsOf,
  screenOf,
  stepText,
} from '../../miniprogram/pages/service/enrol/model';
import {
  confirmationOptions,
  enrolmentRow,
  identityRows,
  officerScreenOf,
  spokenCode,
} from '../../miniprogram/pages/service/officer/model';
import { CASE_RECORDS, ENROLMENT_ID, partyView, SCENE, staffView } from './service-enrol-fixtures';

describe('the party page', () => {
  it('shows the screen the state calls for, and the four steps in order', () => {
    expect(screenOf(partyView('invited'))).toBe('code');
    expect(screenOf(partyView('codeEntered'))).toBe('identity');
    expect(screenOf(partyView('identified'))).toBe('consent');
    expect(screenOf(partyView('consented'))).toBe('waiting');
    expect(screenOf(partyView('active'))).toBe('done');
    expect(screenOf(partyView('refused'))).toBe('refused');
    expect(screenOf(partyView('locked'))).toBe('locked');
    expect(screenOf(partyView('withdrawn'))).toBe('ended');
    expect(screenOf(partyView('identified', { expired: true }))).toBe('expired');
    expect(['code', 'identity', 'consent', 'waiting'].map((s) => stepText(s as 'code'))).toEqual([
      '第 1 步，共 4 步',
      '第 2 步，共 4 步',
      '第 3 步，共 4 步',
      '第 4 步，共 4 步',
    ]);
    expect(stepText('done')).toBe('');
  });

  it('asks a person for the last four of the ID number, an organisation for its code and who acts', () => {
    expect(identityFieldsOf('person')).toMatchObject({ idLast4: true, creditCode: false, acting: false });
    expect(identityFieldsOf('organisation')).toMatchObject({
      idLast4: false,
      creditCode: true,
      acting: true,
    });
    expect(identityFieldsOf('nameOnly')).toMatchObject({ idLast4: false, creditCode: false, acting: false });
  });

  it('shows the 确认书 of the scope chosen (this case only, or until withdrawn)', () => {
    const v = partyView('identified');
    expect(consentParagraphs(v, 'case')[1]).toContain('仅适用于万卫罚立〔2026〕1号案件');
    expect(consentParagraphs(v, 'party')[1]).toContain('直至本人书面或在小程序内撤回');
    expect(consentParagraphs(v, '')).toEqual(consentParagraphs(v, 'case'));
    expect(consentParagraphs(partyView('invited'), 'case')).toEqual([]);
  });

  it('reads the enrolment from the scene of the mini-program code, or an id link; nothing else', () => {
    expect(enrolmentIdFromQuery({ scene: SCENE }, enrolmentIdOfScene)).toBe(ENROLMENT_ID);
    expect(enrolmentIdFromQuery({ id: ENROLMENT_ID }, enrolmentIdOfScene)).toBe(ENROLMENT_ID);
    expect(enrolmentIdFromQuery({ scene: 'x123' }, enrolmentIdOfScene)).toBeNull();
    expect(enrolmentIdFromQuery({ id: 'enr_1' }, enrolmentIdOfScene)).toBeNull();
  });

  it('lists a consent in force by its case, authority and scope', () => {
    expect(consentRow(partyView('active'))).toEqual({
      id: ENROLMENT_ID,
      authority: '区卫生健康综合行政执法支队',
      caseNo: '万卫罚立〔2026〕1号',
      scope: '本案及今后其他执法事项（直至本人撤回）',
    });
  });

  it("puts the backend's field messages under their fields", () => {
    expect(fieldErrors({ 'payload.code': '验证码不正确，还可以尝试 4 次' })).toEqual({
      code: '验证码不正确，还可以尝试 4 次',
    });
  });
});

describe('the officer page', () => {
  it('follows the enrolment: invite, wait, review, in force, ended', () => {
    expect(officerScreenOf(null, null)).toBe('start');
    expect(officerScreenOf(staffView('codeEntered'), null)).toBe('invited');
    expect(officerScreenOf(staffView('consented'), null)).toBe('review');
    expect(officerScreenOf(staffView('active'), null)).toBe('done');
    expect(officerScreenOf(staffView('revoked'), null)).toBe('ended');
    expect(officerScreenOf(staffView('consented', { expired: true }), null)).toBe('ended');
  });

  it("lists what the party typed to compare with the documents shown, the agent's authorisation included", () => {
    expect(identityRows(staffView('consented'))).toEqual([
      { label: '当事人（登记）', value: '某某口腔诊所有限公司' },
      { label: '填写的名称', value: '某某口腔诊所有限公司' },
      { label: '办理人身份', value: '受委托的代理人（须有授权委托书）' },
      { label: '办理人姓名', value: '赵某某' },
      { label: '授权委托书', value: '授权委托书（2026年12月1日）' },
      { label: '同意范围', value: '本案及今后其他执法事项（直至本人撤回）' },
      { label: '提醒短信', value: '138****8000' },
    ]);
  });

  it('offers only registered 确认书 documents and AV records for the confirmation', () => {
    const options = confirmationOptions(CASE_RECORDS);
    expect(options.documents.map((d) => d.id)).toEqual(['rec_aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect(options.avs.map((d) => d.id)).toEqual(['rec_bbbbbbbbbbbbbbbbbbbbbbbb']);
  });

  it("lists the case's enrolments by who acts, their state and the last act in Beijing time", () => {
    expect(enrolmentRow(staffView('consented'))).toEqual({
      id: ENROLMENT_ID,
      title: '赵某某',
      statusLabel: '当事人已同意，待执法人员核对确认',
      last: '2026-12-01 10:02 当事人输入了正确的验证码',
    });
    expect(enrolmentRow(staffView('invited', { expired: true })).statusLabel).toBe(
      '待当事人扫码输入验证码（已过期）',
    );
  });

  it('groups the code as it is read out', () => {
    expect(spokenCode('042917')).toBe('042 917');
  });
});
