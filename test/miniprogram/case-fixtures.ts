/** Backend answers the case page tests share (core/contract/case.ts views). */
import { CASE_STAGE_LABELS } from '../../core/case/stages';
import type { CaseListItem, CaseRecordView, CaseServiceEventView, CaseView } from '../../core/contract/case';

export const CASE_ID = `case_${'a'.repeat(24)}`;
export const HASH = 'ab'.repeat(32);

export function listItem(over: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: CASE_ID,
    caseNo: '万卫罚〔2026〕12号',
    kind: 'penalty',
    kindLabel: '行政处罚',
    cause: '未取得卫生许可证经营公共场所',
    partyName: '某某游泳馆',
    stage: 'investigation',
    stageLabel: CASE_STAGE_LABELS.investigation,
    openedAt: '2026-11-02T02:00:00.000Z',
    nextDue: '2026-12-03',
    nextDueWorkingDaysLeft: 3,
    openFailures: 2,
    pendingHandovers: 1,
    ...over,
  };
}

export function record(over: Partial<CaseRecordView> = {}): CaseRecordView {
  return {
    id: `rec_${'1'.repeat(24)}`,
    caseId: CASE_ID,
    type: 'document',
    title: '现场笔录',
    sha256: HASH,
    storage: 'private',
    size: 1000,
    label: '',
    document: { docType: 'inquiryRecord', docTimes: [], signed: true },
    av: null,
    data: null,
    workEndedAt: '2026-11-26T03:00:00.000Z',
    registeredAt: '2026-11-26T05:00:00.000Z',
    registeredBy: 'stf_1',
    handoverDueDate: '2026-12-01',
    receivedAt: null,
    late: false,
    lateReason: null,
    lateApproved: false,
    stopApproval: null,
    ...over,
  } as CaseRecordView;
}

export function caseView(over: Partial<CaseView> = {}): CaseView {
  return {
    ...listItem(),
    unitId: 'u1',
    sectionId: 's1',
    party: {
      id: 'p',
      kind: 'organisation',
      name: '某某游泳馆',
      idKind: 'uscc',
      idMasked: '9****X',
      legalRepresentative: '李某',
    },
    officers: [{ certNo: '50000000001', name: '张伟' }],
    complaintId: null,
    emergency: false,
    stages: [
      {
        stage: 'opened',
        label: '立案',
        actedAt: '2026-11-02T02:00:00.000Z',
        recordedAt: '2026-11-05T02:00:00.000Z',
      },
    ],
    decisions: [],
    records: [record()],
    clocks: [
      {
        name: 'decision',
        label: '行政处罚决定期限（立案之日起90日）',
        startedOn: '2026-11-02',
        dueDate: '2027-01-31',
        stoppedOn: null,
        pausedOn: null,
        extendedDays: 0,
        workingDaysLeft: 40,
      },
      {
        name: `handover:rec_x`,
        label: '记录移交登记期限',
        startedOn: '2026-11-26',
        dueDate: '2026-12-01',
        stoppedOn: null,
        pausedOn: null,
        extendedDays: 0,
      },
    ],
    nextStages: [{ stage: 'priorNotice', label: '事先告知' }],
    services: { items: [], more: false },
    ...over,
  } as CaseView;
}

/** An electronic-service event of the case register (case.get `services`; REC-7). */
export function serviceEvent(over: Partial<CaseServiceEventView> = {}): CaseServiceEventView {
  return {
    kind: 'serve',
    label: '送达',
    detail: '文书已电子送达，到达受送达人的“我的送达文书”',
    at: '2026-06-18T02:30:00.000Z',
    by: 'staff',
    partyName: '某某游泳馆',
    document: { docNo: '万卫罚告〔2026〕12号', title: '行政处罚事先告知书' },
    failures: null,
    attention: false,
    ledger: { event: `services/svc_${'c'.repeat(24)}/1`, hash: 'cd'.repeat(32), batch: 12 },
    ...over,
  };
}
