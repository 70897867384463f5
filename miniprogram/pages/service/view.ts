/**
 * The view models of the party's served-document pages (REC-7, PUB-5): the list row, the document with its rights
 * and deadlines (dates with a countdown, the provisional mark), the receipt's lines, and which statements the
 * document allows. Pure: the pages only set what these answer.
 */
import {
  countdownLabel,
  receiptLines,
  SERVICE_STATE_LABELS,
  SUBMISSION_KIND_LABELS,
  type DeadlineView,
  type PartyServiceRow,
  type PartyServiceView,
  type ReceiptView,
  type StaffServiceView,
  type SubmissionKind,
  type SubmissionView,
} from '../../core-bundle/index';
import { chineseDate, shanghaiMinute } from '../../utils/date-format';

export const DOCUMENT_PAGE = '/pages/service/document/index';
export const RECEIPT_PAGE = '/pages/service/receipt/index';
export const STATEMENT_PAGE = '/pages/service/statement/index';

/** Beside a date resting on a year whose holiday arrangement is not official yet: it may only move later. */
export const PROVISIONAL_MARK = '（暂定：当年节假日安排公布后只会顺延，不会提前）';

export interface ServiceRowView {
  id: string;
  title: string;
  docLine: string;
  state: string;
  stateLabel: string;
  issued: string;
  /** Waiting for the party: a plain call to open it. */
  action: string;
}

export function serviceRow(r: PartyServiceRow): ServiceRowView {
  return {
    id: r.id,
    title: r.title,
    docLine: [r.docTypeLabel === r.title ? null : r.docTypeLabel, r.docNo, r.caseNo]
      .filter(Boolean)
      .join(' · '),
    state: r.state,
    stateLabel: SERVICE_STATE_LABELS[r.state],
    issued: `发出时间 ${shanghaiMinute(r.issuedAt)}`,
    action: r.state === 'served' ? '请打开查看' : '',
  };
}

export interface DeadlineRow {
  id: string;
  title: string;
  kind: 'right' | 'duty';
  kindLabel: string;
  text: string;
  article: string;
  /** 2026年6月26日前 / 2026年7月4日起 / 作出决定前; '' when the service date is not fixed yet or there is no period. */
  when: string;
  countdown: string;
  /** Past its last day: shown in the error colour. */
  past: boolean;
  provisionalMark: string;
}

export function deadlineRow(d: DeadlineView, today: string, fixed: boolean): DeadlineRow {
  const when = d.untilDecision
    ? '作出决定前均可提出'
    : d.due
      ? `${chineseDate(d.due)}前`
      : d.from
        ? `${chineseDate(d.from)}起`
        : '';
  const countdown = fixed && (d.due || d.from || d.untilDecision) ? countdownLabel(d, today) : '';
  return {
    id: d.id,
    title: d.title,
    kind: d.kind,
    kindLabel: d.kind === 'duty' ? '义务' : '权利',
    text: d.text,
    article: d.article,
    when,
    countdown: d.untilDecision ? '' : countdown,
    past: !!d.due && d.due < today,
    provisionalMark: d.provisional ? PROVISIONAL_MARK : '',
  };
}

export interface SubmissionRow {
  id: string;
  kindLabel: string;
  at: string;
  text: string;
  mark: string;
  /** A hearing request refused as late, not yet accepted: staff may accept it for good cause. */
  canAcceptLate: boolean;
}

export function submissionRow(s: SubmissionView): SubmissionRow {
  const mark = s.acceptedLate
    ? '逾期提出，已受理'
    : s.refused
      ? '逾期提出，未受理'
      : s.late
        ? '逾期提出，已受理并记录为逾期'
        : '已收到';
  return {
    id: s.id,
    kindLabel: SUBMISSION_KIND_LABELS[s.kind],
    at: shanghaiMinute(s.at),
    text: s.text,
    mark,
    canAcceptLate: s.kind === 'hearing' && s.refused && !s.acceptedLate,
  };
}

export interface DocumentPageView {
  row: ServiceRowView;
  /** An OFD file: WeChat's viewer (wx.openDocument) opens PDF, Word, Excel and PowerPoint files only. */
  ofd: boolean;
  openLabel: string;
  /** What the party can do with an OFD file, or '' for a PDF. */
  ofdNote: string;
  /** The file name a forwarded file carries. */
  fileName: string;
  /** When the document counts as served, as the page says it. */
  servedHint: string;
  serviceDate: string;
  times: Array<{ label: string; value: string }>;
  rights: DeadlineRow[];
  /** Before the service date is fixed no period runs: say so instead of dates. */
  notFixedNote: string;
  acknowledged: boolean;
  submissions: SubmissionRow[];
  actions: Array<{ kind: SubmissionKind; label: string }>;
}

export function documentView(v: PartyServiceView, today: string): DocumentPageView {
  const fixed = !!v.serviceDate;
  const actions: Array<{ kind: SubmissionKind; label: string }> = [];
  if (v.allows.statement) actions.push({ kind: 'statement', label: '陈述、申辩' });
  if (v.allows.hearing) actions.push({ kind: 'hearing', label: '要求听证' });
  if (v.allows.recusal) actions.push({ kind: 'recusal', label: '申请回避' });
  const ofd = v.fileFormat === 'ofd';
  return {
    row: serviceRow(v),
    ofd,
    openLabel: ofd ? '下载文书' : '查看文书',
    ofdNote: ofd
      ? '本文书是 OFD 格式的电子文件，微信内不能直接打开。下载后请点“转发到聊天”（如发给“文件传输助手”），再用手机上支持 OFD 格式的阅读软件打开；需要 PDF 文件的，请联系承办的执法人员。'
      : '',
    fileName: `${v.title}.${ofd ? 'ofd' : 'pdf'}`,
    servedHint: `${ofd ? '下载文书' : '打开文书'}或确认收悉，即视为文书已送达。`,
    serviceDate: fixed ? chineseDate(v.serviceDate) : '',
    times: [
      { label: '发出时间', value: shanghaiMinute(v.times.issuedAt) },
      { label: '首次打开', value: shanghaiMinute(v.times.firstOpenedAt) || '尚未打开' },
      { label: '确认收悉', value: shanghaiMinute(v.times.acknowledgedAt) || '尚未确认' },
    ],
    rights: v.deadlines.map((d) => deadlineRow(d, today, fixed)),
    notFixedNote: fixed
      ? ''
      : `${ofd ? '下载文书' : '打开文书'}或确认收悉后即为送达，各项期限从送达之日的次日起计算。`,
    acknowledged: v.state === 'acknowledged',
    submissions: v.submissions.map(submissionRow),
    actions,
  };
}

/** The receipt as label/value rows (the same lines staff export), the title line left out. */
export function receiptRows(r: ReceiptView): Array<{ label: string; value: string }> {
  return receiptLines(r)
    .slice(1)
    .map((line) => {
      const at = line.indexOf('：');
      return at < 0
        ? { label: line.trim(), value: '' }
        : { label: line.slice(0, at).trim(), value: line.slice(at + 1) };
    });
}

export const STATEMENT_TITLES: Record<SubmissionKind, string> = {
  statement: '陈述、申辩',
  hearing: '要求听证',
  recusal: '申请回避',
};

export const STATEMENT_PLACEHOLDERS: Record<SubmissionKind, string> = {
  statement: '请写明您的意见、事实和理由（不少于 5 个字）',
  hearing: '可以写明要求听证的理由（可不填）',
  recusal: '请写明申请哪位执法人员回避及理由（不少于 5 个字）',
};

/** Which action the statement form calls for a kind. */
export const STATEMENT_ACTIONS = {
  statement: 'service.state',
  hearing: 'service.requestHearing',
  recusal: 'service.requestRecusal',
} as const;

export interface StaffServiceRow extends ServiceRowView {
  /** What `service.verifyReceipt` is asked about. */
  receiptNo: string;
  fields: Array<{ label: string; value: string; mono?: boolean }>;
  paperFlag: string;
  hearingFlag: string;
  submissions: SubmissionRow[];
}

/** Staff's row of a case's service: the times, receipt and hash, and the flags that call for action. */
/** The signer's common name from a certificate subject (`C=CN, CN=…`), or the whole subject when it has none. */
export function signerName(subject: string): string {
  const cn = subject.split(', ').find((part) => part.startsWith('CN='));
  return cn ? cn.slice(3) : subject;
}

export function staffServiceRow(v: StaffServiceView): StaffServiceRow {
  const paperFlag =
    v.paper.flagged && v.state === 'served'
      ? `当事人未在 ${chineseDate(v.paper.openBy)} 前打开，请于 ${chineseDate(v.paper.paperBy)} 前纸质送达`
      : '';
  const hearingFlag = v.hearing?.reschedule
    ? `听证通知书送达晚于 ${chineseDate(v.hearing.latestServiceDay)}，不足 7 个工作日，须另定听证日期`
    : '';
  const fields: StaffServiceRow['fields'] = [
    { label: '受送达人', value: v.partyName },
    { label: '发出时间', value: shanghaiMinute(v.times.issuedAt) },
    { label: '首次打开', value: shanghaiMinute(v.times.firstOpenedAt) || '尚未打开' },
    { label: '确认收悉', value: shanghaiMinute(v.times.acknowledgedAt) || '尚未确认' },
    { label: '送达日期', value: v.serviceDate ? chineseDate(v.serviceDate) : '尚未生效' },
    { label: '未打开提示日', value: chineseDate(v.paper.flagOn) },
    { label: '凭证编号', value: v.receiptNo, mono: true },
    { label: '文书哈希', value: v.fileSha256, mono: true },
    {
      label: '电子签章',
      value: v.sealRegisteredAs
        ? `${signerName(v.signerSubject)}（与登记的“${v.sealRegisteredAs}”证书一致）`
        : `${signerName(v.signerSubject)}（未核对：法定设置中未登记本机关签章证书）`,
    },
  ];
  if (v.hearing)
    fields.push({
      label: '听证日期',
      value: `${chineseDate(v.hearing.date)}（通知书最晚 ${chineseDate(v.hearing.latestServiceDay)} 送达）`,
    });
  return {
    ...serviceRow(v),
    receiptNo: v.receiptNo,
    fields,
    paperFlag,
    hearingFlag,
    submissions: v.submissions.map(submissionRow),
  };
}
