/** Answers of the enrolment actions as the pages receive them (docs/service.md), for model and page tests. */
import type { EnrolmentPartyView, EnrolmentStaffView } from '../../core/contract/service';
import { consentText } from '../../core/service/enrolment';

export const ENROLMENT_ID = 'enr_0123456789abcdef01234567';
export const SCENE = 'e0123456789abcdef01234567';
export const CASE_ID = 'case_0123456789abcdef01234567';
const AUTHORITY = '区卫生健康综合行政执法支队';
const CASE_NO = '万卫罚立〔2026〕1号';
const PARTY = '某某口腔诊所有限公司';

const texts = {
  case: consentText({ authority: AUTHORITY, caseNo: CASE_NO, partyName: PARTY, scope: 'case' }),
  party: consentText({ authority: AUTHORITY, caseNo: CASE_NO, partyName: PARTY, scope: 'party' }),
};

const LABELS: Record<string, string> = {
  invited: '待当事人扫码输入验证码',
  codeEntered: '待当事人核对身份',
  identified: '待当事人阅读并确认送达地址确认书',
  consented: '当事人已同意，待执法人员核对确认',
  refused: '当事人不同意电子送达（改用纸质送达）',
  active: '电子送达已生效',
  locked: '验证码错误次数过多，已锁定',
  revoked: '已被执法人员撤销',
};

export function partyView(
  status: EnrolmentPartyView['status'],
  over: Partial<EnrolmentPartyView> = {},
): EnrolmentPartyView {
  const known = status !== 'invited';
  const read = known && status !== 'codeEntered' && status !== 'refused';
  return {
    id: ENROLMENT_ID,
    status,
    statusLabel: LABELS[status] ?? status,
    authority: AUTHORITY,
    documentScope:
      '行政执法过程中依法应当送达的法律文书，包括但不限于：行政处罚事先告知书、行政处罚决定书等。',
    expiresAt: '2026-12-01T02:30:00.000Z',
    expired: false,
    triesLeft: 5,
    identityForm: 'organisation',
    caseNo: known ? CASE_NO : null,
    partyName: known ? PARTY : null,
    consentTexts: read ? texts : null,
    scope: status === 'consented' || status === 'active' ? 'party' : null,
    phoneMasked: status === 'consented' || status === 'active' ? '138****8000' : null,
    timeline: [],
    ...over,
  };
}

export function staffView(
  status: EnrolmentStaffView['status'],
  over: Partial<EnrolmentStaffView> = {},
): EnrolmentStaffView {
  const consented = status === 'consented' || status === 'active';
  return {
    id: ENROLMENT_ID,
    caseId: CASE_ID,
    caseNo: CASE_NO,
    partyId: 'pty_0123456789abcdef01234567',
    partyName: PARTY,
    partyKind: 'organisation',
    status,
    statusLabel: LABELS[status] ?? status,
    expiresAt: '2026-12-01T02:30:00.000Z',
    expired: false,
    wrongTries: 1,
    triesLeft: 4,
    identity: consented
      ? {
          form: 'organisation',
          name: PARTY,
          actingAs: 'agent',
          actingName: '赵某某',
          authorisation: '授权委托书（2026年12月1日）',
        }
      : null,
    scope: consented ? 'party' : null,
    phoneMasked: consented ? '138****8000' : null,
    confirmation: null,
    timeline: [
      { step: 'invite', label: '执法人员生成电子送达确认邀请', at: '2026-12-01T02:00:00.000Z', by: 'staff' },
      { step: 'wrongCode', label: '验证码错误', at: '2026-12-01T02:01:00.000Z', by: 'party' },
      { step: 'enterCode', label: '当事人输入了正确的验证码', at: '2026-12-01T02:02:00.000Z', by: 'party' },
    ],
    allowedSteps: status === 'consented' ? ['confirm', 'revoke'] : status === 'refused' ? [] : ['revoke'],
    ...over,
  };
}

export const CASE_RECORDS = [
  {
    id: 'rec_aaaaaaaaaaaaaaaaaaaaaaaa',
    type: 'document',
    title: '送达地址确认书（当事人签署）',
    registeredAt: '2026-12-01T02:10:00.000Z',
    document: { docType: 'serviceAddressConfirmation' },
  },
  {
    id: 'rec_bbbbbbbbbbbbbbbbbbbbbbbb',
    type: 'av',
    title: '签署送达地址确认书录像',
    registeredAt: '2026-12-01T02:11:00.000Z',
    document: null,
  },
  {
    id: 'rec_cccccccccccccccccccccccc',
    type: 'document',
    title: '现场笔录',
    registeredAt: '2026-12-01T01:00:00.000Z',
    document: { docType: 'siteRecord' },
  },
];
