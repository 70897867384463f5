/** Answers of the served-document actions as the backend gives them (core/contract/service-documents.ts). */
import type {
  DeadlineView,
  PartyServiceRow,
  PartyServiceView,
  ReceiptView,
  StaffServiceView,
} from '../../core/contract/service-documents';

export const SERVICE_ID = 'svc_0123456789abcdef01234567';

export function serviceRowOf(overrides: Partial<PartyServiceRow> = {}): PartyServiceRow {
  return {
    id: SERVICE_ID,
    caseNo: '万卫罚立〔2026〕1号',
    docTypeLabel: '行政处罚事先告知书',
    docNo: '万卫罚告〔2026〕7号',
    title: '行政处罚事先告知书',
    state: 'served',
    issuedAt: '2026-06-18T02:30:00.000Z',
    serviceDate: null,
    ...overrides,
  };
}

const right = (over: Partial<DeadlineView> & Pick<DeadlineView, 'id' | 'title'>): DeadlineView => ({
  kind: 'right',
  text: '您有权……',
  article: '《中华人民共和国行政处罚法》第六十三条、第六十四条',
  due: null,
  from: null,
  untilDecision: false,
  provisional: false,
  kept: false,
  ...over,
});

export function documentOf(overrides: Partial<PartyServiceView> = {}): PartyServiceView {
  return {
    ...serviceRowOf({ state: 'opened', serviceDate: '2026-06-18' }),
    receiptNo: 'SD20260618ABCDEF01',
    fileSha256: 'ab'.repeat(32),
    fileFormat: 'pdf',
    times: {
      issuedAt: '2026-06-18T02:30:00.000Z',
      arrivedAt: '2026-06-18T02:30:00.000Z',
      firstOpenedAt: '2026-06-18T02:40:00.000Z',
      acknowledgedAt: null,
    },
    deadlines: [
      right({ id: 'statement', title: '陈述和申辩', due: '2026-06-26' }),
      right({ id: 'hearing', title: '要求听证', due: '2026-06-26' }),
      right({ id: 'recusal', title: '申请回避', untilDecision: true }),
    ],
    submissions: [],
    allows: { statement: true, hearing: true, recusal: true },
    ...overrides,
  };
}

export function receiptOf(): ReceiptView {
  const d = documentOf();
  return {
    receiptNo: d.receiptNo,
    caseNo: d.caseNo,
    docType: 'priorNotice',
    docTypeLabel: d.docTypeLabel,
    docNo: d.docNo,
    title: d.title,
    fileSha256: d.fileSha256,
    signerSubject: 'C=CN, CN=重庆市万州区卫生健康委员会',
    partyName: '某某口腔诊所有限公司',
    dateRule: 'firstOpenOrAcknowledge',
    serviceDate: { date: '2026-06-18', at: '2026-06-18T02:40:00.000Z', by: 'firstOpen' },
    times: d.times,
    deadlines: d.deadlines,
  };
}

export function staffServiceOf(overrides: Partial<StaffServiceView> = {}): StaffServiceView {
  return {
    ...serviceRowOf(),
    caseId: 'case_0123456789abcdef01234567',
    recordId: 'rec_0123456789abcdef01234567',
    partyName: '某某口腔诊所有限公司',
    receiptNo: 'SD20260618ABCDEF01',
    fileSha256: 'ab'.repeat(32),
    fileFormat: 'pdf',
    signerSubject: 'C=CN, CN=重庆市万州区卫生健康委员会',
    certSha256: 'cd'.repeat(32),
    sealRegisteredAs: '万州区卫生健康委员会行政执法专用章',
    dateRule: 'firstOpenOrAcknowledge',
    times: {
      issuedAt: '2026-06-18T02:30:00.000Z',
      arrivedAt: '2026-06-18T02:30:00.000Z',
      firstOpenedAt: null,
      acknowledgedAt: null,
    },
    paper: { openBy: '2026-06-23', flagOn: '2026-06-24', paperBy: '2026-06-30', fits: true, flagged: true },
    hearing: null,
    submissions: [],
    ...overrides,
  };
}
