/**
 * Cases on the workflow kernel (REC-1, REC-10; core/workflow/define.ts): the stage is the kernel's state, each
 * stage is a step (its act keeps the time the act happened and the time it was recorded), and the records' hand-
 * over is a step per record with its own clock `handover:<recordId>` (2 working days, 细则第二十一条). Who may act:
 * the case's own officers (at least two, certificates valid on the day), the leaders reaching its section, the
 * unit's custodian for receiving records (never an investigator of the case), the legal-audit staff for the
 * legal review (行政处罚法 Art. 58). Anyone else is told the case does not exist (REC-14).
 */
import { holdsFor } from '../org/scope';
import type { Guard, StepDef, WorkflowDef, WorkflowFields } from '../workflow/define';
import { CASE_CLOCKS, STAGE_CLOCK_EFFECTS } from './limits';
import {
  ALL_CASE_STAGES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  OPTIONAL_STAGES,
  type CaseKind,
  type CaseStage,
} from './stages';
import { CASE_LEAD_ROLES, CASE_ROLES } from './roles';

export { CASE_LEAD_ROLES, CASE_ROLES };

/** What the declaration reads of a case. */
export interface CaseForWorkflow {
  _wf: WorkflowFields;
  kind: CaseKind;
  stage: CaseStage;
  unitId: string;
  sectionId: string;
  officerStaffIds: string[];
  /** A coercive measure taken first in an emergency, approved within 24 hours (行政强制法 Art. 19). */
  emergency: boolean;
}

type C = CaseForWorkflow;

export const leadsCase: Guard<C> = (a, c) => holdsFor(a, CASE_LEAD_ROLES, c.unitId, [c.sectionId]);
export const onCase: Guard<C> = (a, c) => !!a.staffId && c.officerStaffIds.includes(a.staffId);
export const custodianOf: Guard<C> = (a, c) => holdsFor(a, ['custodian'], c.unitId, [c.sectionId]);
const auditorOf: Guard<C> = (a, c) => holdsFor(a, ['auditor'], c.unitId, [c.sectionId]);

/** Sees the case: its officers, leaders reaching its section, the unit's custodian and legal audit. */
export const seesCase: Guard<C> = (a, c) =>
  onCase(a, c) || leadsCase(a, c) || custodianOf(a, c) || auditorOf(a, c);
const acts: Guard<C> = (a, c) => onCase(a, c) || leadsCase(a, c);

const ACT_REFUSAL = '只有本案执法人员或其领导可以办理';
const LEAD_REFUSAL = '该环节须由分管领导或单位负责人办理';

const done = (c: C, step: string) => c._wf.acts.some((a) => a.step === step);

/** The stages `c` may move to now: the next in its kind's order (an optional one may be skipped). */
export function nextStagesOf(c: Pick<C, 'kind' | 'stage' | 'emergency' | '_wf'>): CaseStage[] {
  if (c.kind === 'coercion') {
    // Approval first (Art. 18); in an emergency the measure first and the approval within 24 hours (Art. 19).
    switch (c.stage) {
      case 'opened':
        return c.emergency ? ['approval', 'measure'] : ['approval'];
      case 'approval':
        return done(c as C, 'measure') ? ['goodsDecision'] : ['measure'];
      case 'measure':
        return done(c as C, 'approval') ? ['goodsDecision'] : ['approval'];
      case 'goodsDecision':
        return ['closed'];
      default:
        return [];
    }
  }
  const list = CASE_STAGES[c.kind] as readonly CaseStage[];
  const i = list.indexOf(c.stage);
  const out: CaseStage[] = [];
  for (let j = i + 1; j < list.length; j++) {
    out.push(list[j]!);
    if (!OPTIONAL_STAGES.includes(list[j]!)) break;
  }
  return out;
}

const whoFor: Partial<Record<CaseStage, { who: Guard<C>; refusal: string }>> = {
  legalReview: {
    who: (a, c) => auditorOf(a, c) || leadsCase(a, c),
    refusal: '法制审核须由法制审核人员或领导办理',
  },
  collectiveDiscussion: { who: leadsCase, refusal: LEAD_REFUSAL },
  decision: { who: leadsCase, refusal: LEAD_REFUSAL },
  approval: { who: leadsCase, refusal: '行政强制措施须经行政机关负责人批准' },
};

/** A step per stage: into `stage` from any stage whose next stages include it (checked per kind in `when`). */
function stageStep(stage: CaseStage): StepDef<CaseStage, C> {
  const from = ALL_CASE_STAGES.filter((s) => s !== stage);
  return {
    label: CASE_STAGE_LABELS[stage],
    from,
    to: stage,
    who: whoFor[stage]?.who ?? acts,
    refusal: whoFor[stage]?.refusal ?? ACT_REFUSAL,
    when: (c) =>
      nextStagesOf(c).includes(stage)
        ? null
        : `当前环节（${CASE_STAGE_LABELS[c.stage]}）之后不能直接进入“${CASE_STAGE_LABELS[stage]}”`,
    // The legal time limits each stage starts or stops, per kind (core/case/limits.ts, the one place).
    clocks: (c) => STAGE_CLOCK_EFFECTS[c.kind][stage] ?? {},
    // The act may be entered after it happened (the act time and the recording time are both kept).
    maxBackdateDays: 30,
  };
}

const STAGE_STEPS = Object.fromEntries(
  ALL_CASE_STAGES.filter((s) => s !== 'opened' && s !== 'arrival').map((s) => [s, stageStep(s)]),
) as Record<CaseStage, StepDef<CaseStage, C>>;

const open = ALL_CASE_STAGES.filter((s) => s !== 'closed');

export const CASE_WORKFLOW: WorkflowDef<CaseStage, C> = {
  type: 'case',
  collection: 'cases',
  stateField: 'stage',
  states: ALL_CASE_STAGES,
  settings: 'act',
  sees: seesCase,
  clocks: CASE_CLOCKS,
  steps: {
    ...STAGE_STEPS,
    // 细则第二十一条: the officers hand each record over within 2 working days after the on-site work ends (the
    // act's time); the custodian's receipt stops the clock.
    registerRecord: {
      label: '登记执法记录',
      from: open,
      who: onCase,
      refusal: '只有本案执法人员可以登记执法记录',
      clocks: (_c, p) => ({ start: [`handover:${p.recordId}`] }),
      maxBackdateDays: 30,
    },
    receiveRecord: {
      label: '接收执法记录',
      from: ALL_CASE_STAGES,
      // Investigators may not keep the records (细则第二十一条): a custodian who is on the case may not receive them.
      who: (a, c) => custodianOf(a, c) && !onCase(a, c),
      refusal: '执法记录须由档案专人接收，本案执法人员不能自行接收',
      clocks: (_c, p) => ({ stop: [`handover:${p.recordId}`] }),
    },
    explainLateHandover: {
      label: '说明延期移交理由',
      from: ALL_CASE_STAGES,
      who: onCase,
      refusal: '只有本案执法人员可以说明延期移交的理由',
    },
    approveLateHandover: {
      label: '批准延期移交',
      from: ALL_CASE_STAGES,
      who: leadsCase,
      refusal: '延期移交须经分管领导或单位负责人批准',
      notBy: ['explainLateHandover'],
      clocks: (_c, p) => ({ extend: { [`handover:${p.recordId}`]: Number(p.days) } }),
    },
    // The legal time limits (行政处罚法 Art. 56, 60; 行政强制法 Art. 25): a clock pauses for the periods the law
    // excludes (hearing, testing or appraisal, announcement) and is extended only by the unit head's approval.
    pauseClock: {
      label: '期限中止（不计入办案期限）',
      from: open,
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: (_c, p) => ({ pause: [p.clock!] }),
      maxBackdateDays: 30,
    },
    resumeClock: {
      label: '期限恢复计算',
      from: open,
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: (_c, p) => ({ resume: [p.clock!] }),
      maxBackdateDays: 30,
    },
    extendClock: {
      label: '批准延长期限',
      from: open,
      who: (a, c) => holdsFor(a, ['principal'], c.unitId, [c.sectionId]),
      refusal: '延长办案期限须经行政机关负责人批准',
      clocks: (_c, p) => ({ extend: { [p.clock!]: Number(p.days) } }),
    },
    // 证据先行登记保存 (行政处罚法 Art. 56): dealt with within 7 working days.
    holdEvidence: {
      label: '证据先行登记保存',
      from: open,
      who: acts,
      refusal: ACT_REFUSAL,
      when: (c) => (c.kind === 'penalty' ? null : '只有行政处罚案件可以先行登记保存证据'),
      clocks: { start: ['evidenceHold'] },
      maxBackdateDays: 30,
    },
    decideHeldEvidence: {
      label: '对先行登记保存的证据作出处理决定',
      from: open,
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: { stop: ['evidenceHold'] },
      maxBackdateDays: 30,
    },
    // 细则第十三条: stopping AV for secrets, privacy or force majeure needs a work record approved by the unit head.
    approveStopRecording: {
      label: '批准停止音像记录',
      from: ALL_CASE_STAGES,
      who: (a, c) => holdsFor(a, ['principal'], c.unitId, [c.sectionId]),
      refusal: '停止音像记录须经单位负责人批准',
    },
  },
};

/** The first stage of each kind (the case is opened in it). */
export const FIRST_STAGE: Record<CaseKind, CaseStage> = {
  penalty: 'opened',
  inspection: 'arrival',
  coercion: 'opened',
};
