/**
 * The staff publication pages' pure view models (PUB-11, PUB-12, PUB-13; docs/publication.md), tested directly
 * (test/miniprogram/publication-staff-model.test.ts): the queues' tabs by role, a queue row with its deadline, the
 * entry page (public preview, disclosure, history, the steps the backend allows) and a batch approval's results.
 * Labels come from the backend's answer (status, withheld grounds, step names) or the core bundle.
 */
import {
  OTHER_PUBLICATION_WORKING_DAYS,
  PUBLICATION_KIND_LABELS,
  SGS_PUBLICATION_WORKING_DAYS,
  WITHDRAWAL_WORKING_DAYS,
  DECISION_CHANGE_LABELS,
  type BatchApproveAnswer,
  type PublicationKind,
  type PendingDecisionRow,
  type PublicationQueueRow,
  type PublicationStaffView,
} from '../../core-bundle/index';
import { chineseDate, shanghaiMinute, shanghaiToday } from '../../utils/date-format';
import { publicViewFields, type Field } from '../../utils/public-view';

export const LIST_PAGE = '/pages/pubstaff/list/index';
export const ENTRY_PAGE = '/pages/pubstaff/entry/index';
export const FORM_PAGE = '/pages/pubstaff/form/index';
export const WITHDRAW_PAGE = '/pages/pubstaff/withdraw/index';
export const IMPORT_PAGE = '/pages/pubstaff/import/index';

export { hasPublicationQueue, queueTabs, type QueueTab } from '../../utils/publication-queues';

const BEFORE_PUBLICATION = ['draft', 'submitted', 'reviewed', 'forwarded', 'approved'];

/** The rule behind an entry's open deadline (PUB-12: 7 or 20 working days; PUB-13: 3 working days). */
export function dueRule(kind: PublicationKind, status: string): string {
  if (BEFORE_PUBLICATION.includes(status)) {
    const days =
      kind === 'penalty' || kind === 'permit' ? SGS_PUBLICATION_WORKING_DAYS : OTHER_PUBLICATION_WORKING_DAYS;
    return `公示期限：作出决定之日起 ${days} 个工作日内`;
  }
  if (status === 'published')
    return `撤下期限：变更决定生效或收到之日起 ${WITHDRAWAL_WORKING_DAYS} 个工作日内`;
  return `公布撤回理由期限：${WITHDRAWAL_WORKING_DAYS} 个工作日内`;
}

export interface QueueRowView {
  id: string;
  title: string;
  docNo: string;
  partyName: string;
  statusLabel: string;
  decisionDate: string;
  /** 应于 2026年12月3日 前公示 · 已逾期 */
  dueLabel: string;
  dueRule: string;
  overdue: boolean;
  /** 已退回修改（第 2 轮） for a draft sent back. */
  returned: string;
  withheld: boolean;
}

export function queueRowView(r: PublicationQueueRow, today = shanghaiToday()): QueueRowView {
  const overdue = !!r.dueDate && r.dueDate < today;
  const what = BEFORE_PUBLICATION.includes(r.status)
    ? '公示'
    : r.status === 'published'
      ? '撤下'
      : '公布撤回理由';
  return {
    id: r.id,
    title: `${PUBLICATION_KIND_LABELS[r.kind] ?? ''} · ${r.docNo}`,
    docNo: r.docNo,
    partyName: r.partyName,
    statusLabel: r.statusLabel,
    decisionDate: `决定日期 ${chineseDate(r.decisionDate)}`,
    dueLabel: r.dueDate
      ? `应于 ${chineseDate(r.dueDate)} 前${what}${overdue ? '，已逾期' : r.dueDate === today ? '，今天到期' : ''}`
      : '',
    dueRule: r.dueDate ? dueRule(r.kind, r.status) : '',
    overdue,
    returned: r.status === 'draft' && r.round > 1 ? `已退回修改（第 ${r.round} 轮）` : '',
    withheld: r.withheld.length > 0,
  };
}

/**
 * A decision of the case register with no entry yet (PUB-6, PUB-12; `publication.decisionQueue`): the preparer's
 * worklist row, with its due date on today (the dashboard's); no party data.
 */
export interface DecisionRowView {
  key: string;
  caseId: string;
  docNo: string;
  title: string;
  caseNo: string;
  decisionDate: string;
  dueLabel: string;
  overdue: boolean;
}

export function decisionRowView(d: PendingDecisionRow): DecisionRowView {
  const overdue = d.status === 'overdue';
  return {
    key: `${d.caseId}|${d.docNo}`,
    caseId: d.caseId,
    docNo: d.docNo,
    title: `${PUBLICATION_KIND_LABELS[d.kind] ?? ''} · ${d.docNo}`,
    caseNo: `案件编号 ${d.caseNo}`,
    decisionDate: `决定日期 ${chineseDate(d.decisionDate)}`,
    dueLabel: `应于 ${chineseDate(d.dueDate)} 前公示${overdue ? '，已逾期' : d.status === 'dueSoon' ? '，即将到期' : ''}`,
    overdue,
  };
}

/** The buttons the entry page offers, from the steps the backend allows the caller now (the declaration's). */
export interface StepButton {
  step: string;
  label: string;
  /** What the button does: the step at once, a popup (comment, time), or another page. */
  opens: 'call' | 'approve' | 'reject' | 'comment' | 'form' | 'correct' | 'withdraw';
  primary: boolean;
}

const BUTTONS: Record<string, Omit<StepButton, 'step'>> = {
  submit: { label: '提交审核', opens: 'call', primary: true },
  review: { label: '审核通过', opens: 'comment', primary: true },
  forward: { label: '报送主要领导审批', opens: 'comment', primary: true },
  approve: { label: '批准公开', opens: 'approve', primary: true },
  publishWithdrawalReason: { label: '审核通过并公布撤回理由', opens: 'call', primary: true },
  edit: { label: '修改', opens: 'form', primary: false },
  reject: { label: '退回修改', opens: 'reject', primary: false },
  correct: { label: '发起更正', opens: 'correct', primary: false },
  withdraw: { label: '撤回公示', opens: 'withdraw', primary: false },
};

export function stepButtons(allowed: readonly string[]): StepButton[] {
  const steps =
    allowed.includes('noteChange') && !allowed.includes('withdraw') ? [...allowed, 'withdraw'] : allowed;
  return Object.keys(BUTTONS)
    .filter((s) => steps.includes(s))
    .map((step) => ({ step, ...BUTTONS[step]! }));
}

export interface HistoryLine {
  key: string;
  step: string;
  label: string;
  time: string;
  text: string;
  byMe: boolean;
}

export interface RoundView {
  round: number;
  title: string;
  lines: HistoryLine[];
}

/** The acts and comments by round, newest round first (the history staff see; the public sees only the result). */
export function historyRounds(v: PublicationStaffView): RoundView[] {
  const rounds = new Map<number, HistoryLine[]>();
  const add = (round: number, line: HistoryLine) => rounds.set(round, [...(rounds.get(round) ?? []), line]);
  v.acts.forEach((a, i) =>
    add(a.round, {
      key: `a${i}`,
      step: a.step,
      label: a.label,
      time: shanghaiMinute(a.actedAt),
      text: '',
      byMe: a.byMe,
    }),
  );
  // A comment goes with the act of its step in its round (the latest one without a comment yet).
  v.comments.forEach((c, i) => {
    const label = c.step === 'reject' ? '退回意见' : '意见';
    const act = [...(rounds.get(c.round) ?? [])].reverse().find((l) => l.step === c.step && !l.text);
    if (act) act.text = `${label}：${c.text}`;
    else
      add(c.round, {
        key: `c${i}`,
        step: c.step,
        label,
        time: shanghaiMinute(c.at),
        text: c.text,
        byMe: c.byMe,
      });
  });
  return [...rounds.keys()]
    .sort((a, b) => b - a)
    .map((round) => ({ round, title: `第 ${round} 轮`, lines: rounds.get(round)! }));
}

/** The comment of the rejection that sent the entry back, for its preparer (the latest one). */
export function lastRejection(v: PublicationStaffView): string {
  if (v.status !== 'draft') return '';
  const c = [...v.comments].reverse().find((x) => x.step === 'reject');
  return c ? c.text : '';
}

const FLAG_LABELS: Array<[string, string]> = [
  ['stateSecret', '涉及国家秘密'],
  ['commercialSecret', '涉及商业秘密'],
  ['privacy', '涉及个人隐私'],
  ['securityRisk', '危及国家安全、公共安全、经济安全或社会稳定'],
];

/** Grounds on which only the principal may still publish, with the recorded assessment (PUB-8; PIPL Art. 55). */
const OVERRIDABLE = ['commercialSecret', 'privacy'];

/**
 * The principal at the approval step (the one who may send it back now) may approve publishing an entry held only
 * for a commercial secret or privacy, once (PUB-8): the backend checks the role and grounds again.
 */
export function mayOverride(v: PublicationStaffView): boolean {
  return (
    v.status === 'forwarded' &&
    v.allowedSteps.includes('reject') &&
    !v.entry.override &&
    v.withheld.length > 0 &&
    v.withheld.every((r) => OVERRIDABLE.includes(r))
  );
}

export const OVERRIDE_GROUNDS = [
  { value: 'consent', label: '权利人同意公开' },
  { value: 'publicInterest', label: '不公开会对公共利益造成重大影响' },
];

export interface EntryDetail {
  id: string;
  title: string;
  statusLabel: string;
  partyName: string;
  due: string;
  dueRule: string;
  overdue: boolean;
  /** What the public will see (the backend's public view of this version). */
  preview: Field[];
  /** 可以公开 / 暂不公开：涉及个人隐私 */
  disclosure: string;
  withheld: boolean;
  flags: string[];
  override: string;
  overridable: boolean;
  rejection: string;
  rounds: RoundView[];
  versions: string[];
  /** The other versions to open: the one this corrects, the open correction. */
  versionLinks: Array<{ id: string; label: string }>;
  withdrawal: string[];
  publishAt: string;
  buttons: StepButton[];
  /** No step is the caller's now: who the entry waits for. */
  waiting: string;
}

const WAITING: Record<string, string> = {
  draft: '该条目待制作人修改后提交。',
  submitted: '该条目待分管领导审核。',
  reviewed: '该条目待办公室公示专员报送。',
  forwarded: '该条目待主要领导审批。',
  approved: '该条目已批准，将按设定时间自动发布。',
  published: '该条目已公示。',
  withdrawn: '该条目已撤回。',
  superseded: '该条目已被更正版本替代，公众看到的是更正后的版本。',
};

export function entryDetail(v: PublicationStaffView, today = shanghaiToday()): EntryDetail {
  const row = queueRowView(v, today);
  const w = v.withdrawal;
  const withdrawal: string[] = [];
  if (w) {
    if (w.change)
      withdrawal.push(
        `变更情形：${(DECISION_CHANGE_LABELS as Record<string, string>)[w.change] ?? w.change}`,
      );
    if (w.effectiveOn) withdrawal.push(`变更决定生效日期：${chineseDate(w.effectiveOn)}`);
    if (w.receivedOn) withdrawal.push(`收到变更决定日期：${chineseDate(w.receivedOn)}`);
    if (w.withdrawnOn) withdrawal.push(`撤下日期：${chineseDate(w.withdrawnOn)}`);
    if (w.reason) withdrawal.push(`撤回理由：${w.reason}`);
    if (w.withdrawnOn)
      withdrawal.push(w.reasonPublished ? '撤回理由已公布' : '撤回理由待分管领导或主要领导审核后公布');
  }
  const versions = [`第 ${v.version} 版`];
  if (v.supersedes) versions.push('本版本为更正版本，发布后替代原版本；原版本在此之前继续公示');
  if (v.correctionId) versions.push('已有正在办理的更正版本');
  if (v.replaces) versions.push(`本决定变更了原决定 ${v.replaces.docNo}`);
  const flags = FLAG_LABELS.filter(
    ([k]) => (v.entry.withhold as Record<string, boolean> | undefined)?.[k],
  ).map(([, label]) => label);
  const o = v.entry.override;
  const buttons = stepButtons(v.allowedSteps);
  return {
    id: v.id,
    title: `${PUBLICATION_KIND_LABELS[v.kind] ?? ''} · ${v.docNo}`,
    statusLabel: v.statusLabel,
    partyName: v.partyName,
    due: row.dueLabel,
    dueRule: row.dueRule,
    overdue: row.overdue,
    preview: publicViewFields(v.publicPreview),
    disclosure: v.withheldLabels.length ? `暂不公开：${v.withheldLabels.join('；')}` : '可以公开',
    withheld: v.withheldLabels.length > 0,
    flags,
    override: o
      ? `经主要领导批准公开（${OVERRIDE_GROUNDS.find((g) => g.value === o.ground)?.label ?? ''}）：${o.reason}；个人信息保护影响评估记录 ${o.assessmentId}`
      : '',
    overridable: mayOverride(v),
    rejection: lastRejection(v),
    rounds: historyRounds(v),
    versions,
    versionLinks: [
      ...(v.supersedes ? [{ id: v.supersedes, label: '查看被更正的原版本' }] : []),
      ...(v.correctionId ? [{ id: v.correctionId, label: '查看正在办理的更正版本' }] : []),
    ],
    withdrawal,
    publishAt: v.status === 'approved' && v.publishAt ? `定于 ${shanghaiMinute(v.publishAt)} 发布` : '',
    buttons,
    waiting: buttons.length ? '' : (WAITING[v.status] ?? ''),
  };
}

export interface BatchResultLine {
  id: string;
  docNo: string;
  ok: boolean;
  text: string;
}

/** A batch approval's answer as one line per selected entry: approved, refused with the reason, or not reached. */
export function batchResultLines(
  answer: BatchApproveAnswer,
  docNos: Record<string, string>,
): { summary: string; lines: BatchResultLine[] } {
  const lines: BatchResultLine[] = answer.results.map((r) => ({
    id: r.id,
    docNo: docNos[r.id] ?? r.id,
    ok: r.ok,
    text: r.ok ? '已批准' : `未批准：${r.message ?? '未说明原因'}`,
  }));
  for (const id of answer.remaining)
    if (!lines.some((l) => l.id === id))
      lines.push({ id, docNo: docNos[id] ?? id, ok: false, text: '本次未处理完，请再次提交' });
  const refused = lines.filter((l) => !l.ok).length;
  return {
    summary: `已批准 ${answer.approved} 条${refused ? `，${refused} 条未批准` : ''}`,
    lines,
  };
}

/** A set publication time (picked as date and time in Beijing) as the ISO time with a zone the contract asks for. */
export function publishAtOf(date: string, time: string): string | undefined {
  if (!date) return undefined;
  return `${date}T${time || '09:00'}:00+08:00`;
}

/**
 * What the withdrawal deadlines run from (PUB-13; core/publication/due.ts `withdrawalStartsOn`): the later of the
 * two dates; the backend counts the 3 working days with the calendar once the change is recorded.
 */
export function withdrawalClockText(effectiveOn: string, receivedOn: string): string {
  if (!effectiveOn || !receivedOn) return '';
  const from = effectiveOn > receivedOn ? effectiveOn : receivedOn;
  return `撤下和公布撤回理由的期限均自 ${chineseDate(from)} 起算，各为 ${WITHDRAWAL_WORKING_DAYS} 个工作日。`;
}

export interface WithdrawForm {
  noted: boolean;
  change: string;
  effectiveOn: string;
  receivedOn: string;
  reason: string;
}

/** What the withdraw form must have before it is sent (the backend checks it again, with the same wording). */
export function withdrawErrors(f: WithdrawForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.noted) {
    if (!f.change) e.change = '请选择变更类别';
    if (!f.effectiveOn) e.effectiveOn = '请填写变更决定生效日期';
    if (!f.receivedOn) e.receivedOn = '请填写收到变更决定日期';
  }
  const reason = f.reason.trim();
  if (!reason) e.reason = '请填写撤回理由';
  else if (reason.length < 5) e.reason = '撤回理由至少 5 个字';
  return e;
}
