/**
 * The case detail's clock and record actions, pure (REC-5, REC-10; docs/cases.md): what each legal time limit
 * leaves out and how it may be extended (core/case/limits.ts CASE_CLOCK_RULES, the one list), the operations a clock
 * offers now (pause for a period the law excludes, resume, extend by the approval step, the evidence hold of
 * 行政处罚法第五十六条), and the steps on a record (a late hand-over's written reason and its approval, 细则第二十一条;
 * the unit head's approval of stopping AV, 细则第十三条). Each form is checked with the contract's own schema before
 * it is sent; the backend checks the role again and its refusal is shown as it says it.
 */
import {
  CASE_CLOCK_RULES,
  caseClockInput,
  issuesToFields,
  PAUSE_REASON_LABELS,
  recordApproveLateInput,
  recordExplainLateInput,
  STOP_REASON_LABELS,
  type CaseClockView,
  type CaseRecordView,
  type ExcludedPeriod,
} from '../../../core-bundle/index';

export type ActionKind =
  | 'pause'
  | 'resume'
  | 'extend'
  | 'holdEvidence'
  | 'decideHeldEvidence'
  | 'explainLate'
  | 'approveLate'
  | 'approveStop';

export const ACTION_LABELS: Record<ActionKind, string> = {
  pause: '中止计算',
  resume: '恢复计算',
  extend: '批准延长期限',
  holdEvidence: '证据先行登记保存',
  decideHeldEvidence: '对保存的证据作出处理决定',
  explainLate: '说明延期移交理由',
  approveLate: '批准延期移交',
  approveStop: '批准停止录制',
};

/** Who may take the step, said before it is taken (the backend decides). */
export const ACTION_WHO: Partial<Record<ActionKind, string>> = {
  extend: '须由行政机关负责人批准',
  approveLate: '须由分管领导或单位负责人在移交期限届满前批准',
  approveStop: '须由单位负责人批准',
  explainLate: '由本案执法人员填写，在移交期限届满前报请批准',
};

type RuleName = keyof typeof CASE_CLOCK_RULES;
const ruleOf = (name: string) =>
  (CASE_CLOCK_RULES as Record<string, (typeof CASE_CLOCK_RULES)[RuleName] | undefined>)[name.split(':')[0]!];

/** 听证、公告期间不计入 / '' */
export function excludedText(name: string): string {
  const rule = ruleOf(name);
  if (!rule?.excludes.length) return '';
  return `${rule.excludes.map((p) => PAUSE_REASON_LABELS[p]).join('、')}期间不计入`;
}

/** How the limit may be extended, or that it may not. */
export function extensionText(name: string): string {
  const ext = ruleOf(name)?.extension;
  if (!ext) return '法律未规定延长';
  const times = ext.times === 1 ? '只能延长一次' : '';
  const most = ext.maxDays ? `最多 ${ext.maxDays} 日` : '';
  return `经${ext.approver}批准可以延长${[times, most].filter(Boolean).length ? `（${[times, most].filter(Boolean).join('，')}）` : ''}`;
}

export function pauseOptions(name: string): Array<{ key: ExcludedPeriod; label: string }> {
  return (ruleOf(name)?.excludes ?? []).map((key) => ({ key, label: PAUSE_REASON_LABELS[key] }));
}

/** The operations a clock offers now: none once stopped; resume while paused; else pause and extend as its rule allows. */
export function clockOps(c: CaseClockView): ActionKind[] {
  if (c.stoppedOn) return [];
  if (c.name === 'evidenceHold') return ['decideHeldEvidence'];
  if (c.name !== 'decision' && c.name !== 'coercion') return [];
  if (c.pausedOn) return ['resume'];
  const rule = ruleOf(c.name);
  const ops: ActionKind[] = [];
  if (rule?.excludes.length) ops.push('pause');
  if (rule?.extension && !(rule.extension.times === 1 && c.extendedDays > 0)) ops.push('extend');
  return ops;
}

/**
 * The steps a record offers now (the backend checks who may take each): a late hand-over's reason and its approval
 * only before the due date (细则第二十一条: approved beforehand; after it the backend refuses, so nothing is offered),
 * and the unit head's approval of a 停止音像记录工作记录 (细则第十三条) not yet approved.
 */
export function recordOps(r: CaseRecordView, today: string): ActionKind[] {
  const ops: ActionKind[] = [];
  const due = r.handoverDueDate;
  if (!r.receivedAt && !r.lateApproved && (!due || today <= due))
    ops.push(r.lateReason ? 'approveLate' : 'explainLate');
  if (isStopWorkRecord(r) && !r.stopApproval) ops.push('approveStop');
  return ops;
}

/** A work record of stopping AV (docType `stopRecordingRecord`): it needs the unit head's approval (REC-5). */
export function isStopWorkRecord(r: CaseRecordView): boolean {
  return r.type === 'document' && r.document?.docType === 'stopRecordingRecord';
}

/** Why a recording was stopped on purpose, as registered on its interruptions; '' when it was not. */
export function stopReasonOf(r: CaseRecordView): string {
  const stops = (r.av?.interruptions ?? []).filter((i) => i.stopReason);
  return stops
    .map((i) => `${STOP_REASON_LABELS[i.stopReason!]}${i.explanation ? `：${i.explanation}` : ''}`)
    .join('；');
}

export interface ActionForm {
  kind: ActionKind | '';
  clock: string;
  recordId: string;
  pauseReason: string;
  days: string;
  reason: string;
}

export function emptyAction(): ActionForm {
  return { kind: '', clock: '', recordId: '', pauseReason: '', days: '', reason: '' };
}

export type CheckedAction =
  | {
      ok: true;
      action: 'case.clock' | 'record.explainLate' | 'record.approveLate' | 'record.approveStop';
      payload: Record<string, unknown>;
    }
  | { ok: false; errors: Record<string, string> };

const fieldsOf = (issues: Parameters<typeof issuesToFields>[0]) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(issuesToFields(issues))) out[k.replace(/^payload\./, '')] = v;
  return out;
};

const daysOf = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

export function checkAction(caseId: string, f: ActionForm): CheckedAction {
  switch (f.kind) {
    case 'explainLate': {
      const p = recordExplainLateInput.safeParse({ recordId: f.recordId, reason: f.reason });
      if (p.success) return { ok: true, action: 'record.explainLate', payload: p.data };
      const errors = fieldsOf(p.error.issues);
      if (errors.reason && !f.reason.trim()) errors.reason = '请填写延期移交的理由';
      return { ok: false, errors };
    }
    case 'approveLate': {
      const p = recordApproveLateInput.safeParse({ recordId: f.recordId, days: daysOf(f.days) });
      if (p.success) return { ok: true, action: 'record.approveLate', payload: p.data };
      const errors = fieldsOf(p.error.issues);
      if (errors.days && !f.days.trim()) errors.days = '请填写延期的工作日数';
      return { ok: false, errors };
    }
    case 'approveStop':
      return { ok: true, action: 'record.approveStop', payload: { recordId: f.recordId } };
    case '':
      return { ok: false, errors: { op: '请选择对期限的操作' } };
    default: {
      const p = caseClockInput.safeParse({
        id: caseId,
        op: f.kind,
        ...(f.kind === 'pause' || f.kind === 'resume' || f.kind === 'extend' ? { clock: f.clock } : {}),
        ...(f.kind === 'pause' ? { pauseReason: f.pauseReason || undefined } : {}),
        ...(f.kind === 'extend' ? { days: daysOf(f.days) } : {}),
        reason: f.reason,
      });
      if (p.success) return { ok: true, action: 'case.clock', payload: p.data };
      const errors = fieldsOf(p.error.issues);
      if (errors.days && f.kind === 'extend' && !f.days.trim()) errors.days = '请填写延长天数';
      if (errors.pauseReason && !f.pauseReason) errors.pauseReason = '请选择中止的原因';
      if (errors.reason && !f.reason.trim()) errors.reason = '请填写理由';
      return { ok: false, errors };
    }
  }
}
