/**
 * Complaints and reports as a workflow record (PUB-3; REC-14): submitted → accepted → closed, or submitted →
 * rejected; linking a duplicate, assigning and splitting leave the status as it is (a citizen learns nothing of
 * other people's complaints). Who may act is the organisation model's rule: the unit's leaders reaching the
 * record (a leader limited to sections only for records filed there) and its assigned handlers. The server's
 * kernel applies every step; the case page offers what `allowedSteps` answers for this declaration.
 */
import {
  COMPLAINT_MATERIAL_LIMITS,
  type ComplaintChannel,
  type ComplaintStatus,
} from '../contract/complaint';
import { holdsFor } from '../org/scope';
import type { Guard, WorkflowDef, WorkflowFields } from '../workflow/define';
import { owesReporterFeedback } from './lifecycle';
import { HANDLING_ROLES, LEAD_ROLES } from './roles';
import { citizenView, type ComplaintViewSource } from './views';

/** What the declaration reads of a complaint. */
export interface ComplaintForWorkflow extends ComplaintViewSource {
  _wf: WorkflowFields;
  unitId: string;
  sectionIds: string[];
  handlerIds: string[];
  caseDecision: unknown;
  splitFrom: string | null;
  splitInto?: string | null;
  /** 信访 or not, recorded at receipt; absent on records stored before it (regular). */
  channel?: ComplaintChannel;
  ownerRef?: string | null;
  acceptanceNotice?: unknown;
  /** A conduct complaint: the staff accounts the register matched to the officer complained about. */
  conduct?: { concernedStaffIds: string[] } | null;
}

type C = ComplaintForWorkflow;

const isPetition = (c: C) => c.channel === 'petition';

/**
 * The officer a conduct complaint is about never sees it, acts on it, is assigned to it or learns who complained
 * (a kernel guard, so no action can get round it: staff-access, the queue and the identity all read it).
 */
export const concerned = (a: Parameters<Guard<C>>[0], c: C): boolean =>
  !!a.staffId && !!c.conduct?.concernedStaffIds.includes(a.staffId);

/** A leader (reviewer or unit head) whose role reaches this record. */
export const leads: Guard<C> = (a, c) => !concerned(a, c) && holdsFor(a, LEAD_ROLES, c.unitId, c.sectionIds);

const handlesIn = (a: Parameters<Guard<C>>[0], unitId: string) =>
  (a.roles ?? []).some((g) => (HANDLING_ROLES as readonly string[]).includes(g.role) && g.unitId === unitId);

/** The citizen who submitted it (the salted complaint-owner reference of their openid). */
export const owns: Guard<C> = (a, c) => a.kind === 'citizen' && !!c.ownerRef && a.ref === c.ownerRef;

/**
 * Sees the record: its owner (for their own steps), a handling role reaching it, or assigned to it while
 * handling in its unit.
 */
export const sees: Guard<C> = (a, c) =>
  owns(a, c) ||
  (!concerned(a, c) &&
    (holdsFor(a, HANDLING_ROLES, c.unitId, c.sectionIds) ||
      (!!a.staffId && c.handlerIds.includes(a.staffId) && handlesIn(a, c.unitId))));

/** Acts on it: a leader reaching it, or one of its handlers. */
const acts: Guard<C> = (a, c) =>
  !concerned(a, c) && (leads(a, c) || (!!a.staffId && c.handlerIds.includes(a.staffId)));

const ACT_REFUSAL = '只有承办人或其领导可以办理该投诉举报';
const OWNER_REFUSAL = '只有提交人本人可以操作';
const open = ['submitted', 'accepted'] as const;

/** How often an owner may add material to one complaint. */
const MATERIAL_ADDITIONS = COMPLAINT_MATERIAL_LIMITS.additions;
type Values = Readonly<Record<string, number>>;

/**
 * The complaint clocks (core/complaint/deadlines.ts has the rules and their sources), their lengths read from the
 * legal settings in force (ComplaintPeriods). `legal: false` marks an internal target (内部目标), which the
 * labels on the dashboard and the staff page say.
 * - regular channel: acceptance from receipt, handling (内部目标) from acceptance;
 * - petition channel (信访): petitionAcceptance from receipt, petitionHandling from acceptance (extendable once);
 * - a report: caseDecision (立案) from receipt, extendable once; a real-name reporter's feedback from the decision.
 */
export const COMPLAINT_CLOCKS = {
  acceptance: {
    label: '投诉举报受理决定',
    legal: true,
    period: (v: Values) => ({ workingDays: v.acceptanceWorkingDays! }),
  },
  handling: {
    label: '投诉举报办结（内部目标）',
    legal: false,
    period: (v: Values) => ({ days: v.handlingDays! }),
  },
  feedback: {
    label: '实名举报人告知',
    legal: true,
    period: (v: Values) => ({ workingDays: v.reporterFeedbackWorkingDays! }),
  },
  caseDecision: {
    label: '举报立案决定',
    legal: true,
    period: (v: Values) => ({ workingDays: v.caseDecisionWorkingDays! }),
  },
  petitionAcceptance: {
    label: '信访事项受理告知',
    legal: true,
    period: (v: Values) => ({ days: v.petitionReplyDays! }),
  },
  petitionHandling: {
    label: '信访事项办结',
    legal: true,
    period: (v: Values) => ({ days: v.petitionFinishDays! }),
  },
} as const;
export type ComplaintClock = keyof typeof COMPLAINT_CLOCKS;

/** The clocks a complaint starts at receipt: its channel's acceptance clock, and a report's 立案 clock. */
export function clocksAtReceipt(kind: string, channel: ComplaintChannel): ComplaintClock[] {
  return [
    channel === 'petition' ? 'petitionAcceptance' : 'acceptance',
    ...(kind === 'report' ? (['caseDecision'] as const) : []),
  ];
}

const acceptanceClocks = (c: C) => (isPetition(c) ? ['petitionAcceptance'] : ['acceptance']);
const runs = (c: C, clock: ComplaintClock) => {
  const state = c._wf.clocks[clock];
  return !!state && !state.stoppedOn;
};

export const COMPLAINT_WORKFLOW: WorkflowDef<ComplaintStatus, C> = {
  type: 'complaint',
  collection: 'complaints',
  stateField: 'status',
  states: ['submitted', 'accepted', 'rejected', 'closed', 'withdrawn'],
  settings: 'act',
  sees,
  clocks: COMPLAINT_CLOCKS,
  // What the complainant sees (the staff view adds the identity decision and photo links on the server).
  projections: { owner: citizenView },
  steps: {
    accept: {
      label: '受理',
      from: ['submitted'],
      to: 'accepted',
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: (c) => ({
        stop: acceptanceClocks(c),
        start: [isPetition(c) ? 'petitionHandling' : 'handling'],
      }),
    },
    reject: {
      label: '不予受理',
      from: ['submitted'],
      to: 'rejected',
      who: acts,
      refusal: ACT_REFUSAL,
      // Not accepted: nothing to open a case on either.
      clocks: (c) => ({ stop: [...acceptanceClocks(c), 'caseDecision'] }),
    },
    // A reply after the case decision is the feedback a real-name reporter is owed.
    reply: {
      label: '答复',
      from: ['accepted', 'rejected', 'closed'],
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: (c) => (c.caseDecision ? { stop: ['feedback'] } : {}),
    },
    close: {
      label: '办结',
      from: ['accepted'],
      to: 'closed',
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: { stop: ['handling', 'petitionHandling', 'feedback', 'caseDecision'] },
    },
    // `params.handlerIds`: the comma-separated staff ids assigned. The officer a conduct complaint is about never.
    assign: {
      label: '分派',
      from: open,
      who: leads,
      refusal: '只有分管领导或单位负责人可以分派',
      when: (c, p) =>
        (p.handlerIds ?? '').split(',').some((id) => !!id && c.conduct?.concernedStaffIds.includes(id))
          ? '被投诉的执法人员不能承办对其本人的投诉'
          : null,
    },
    linkDuplicate: { label: '关联重复件', from: open, who: acts, refusal: ACT_REFUSAL },
    // Splitting gives the other kind, once; an anonymous report cannot give a complaint (complaints are by real name).
    split: {
      label: '拆分',
      from: open,
      who: acts,
      refusal: ACT_REFUSAL,
      when: (c) =>
        c.splitFrom
          ? '拆分出的记录不能再次拆分'
          : c.splitInto
            ? '该投诉举报已拆分过一次，不能再次拆分'
            : c.kind === 'report' && c.anonymous
              ? '匿名举报不能拆分出投诉（投诉须实名）'
              : null,
    },
    decideCase: {
      label: '记录是否立案',
      from: ['accepted'],
      who: acts,
      refusal: ACT_REFUSAL,
      // The 立案 decision stops the 立案 clock (the case register's opening of a case takes this same step) and
      // starts a real-name reporter's feedback period.
      clocks: (c) => ({
        stop: ['caseDecision'],
        ...(owesReporterFeedback(c.kind, c.anonymous) ? { start: ['feedback'] } : {}),
      }),
      when: (c) =>
        c.kind !== 'report' ? '只有举报需要记录是否立案' : c.caseDecision ? '已记录过是否立案的决定' : null,
    },
    // ---- the owner's steps (PUB-3): they follow and add to their own matter ----
    addMaterial: {
      label: '补充材料',
      from: open,
      who: owns,
      refusal: OWNER_REFUSAL,
      when: (c) =>
        (c.materials?.length ?? 0) >= MATERIAL_ADDITIONS
          ? `每件投诉举报最多补充 ${MATERIAL_ADDITIONS} 次材料，如有更多情况请拨打 12345 热线`
          : null,
    },
    // Rated once the matter is over (办结 or 不予受理).
    rate: {
      label: '评价',
      from: ['closed', 'rejected'],
      who: owns,
      refusal: OWNER_REFUSAL,
      when: (c) => (c.rating ? '您已评价过，每件投诉举报只能评价一次' : null),
    },
    // A complaint (about the complainant's own rights) withdrawn ends its handling: every clock stops.
    withdraw: {
      label: '撤回投诉',
      from: open,
      to: 'withdrawn',
      who: owns,
      refusal: OWNER_REFUSAL,
      when: (c) => (c.kind !== 'complaint' ? '举报撤回后仍可能被依法查处，请使用撤回举报' : null),
      clocks: (c) => ({ stop: Object.keys(c._wf.clocks) }),
    },
    // A report is a lead on a violation: its withdrawal is recorded, the agency may still act on it.
    withdrawReport: {
      label: '撤回举报',
      from: open,
      who: owns,
      refusal: OWNER_REFUSAL,
      when: (c) =>
        c.kind !== 'report' ? '只有举报适用此操作' : c.withdrawnAt ? '已记录过您撤回举报的意愿' : null,
    },
    // Extensions only through a leader's approval, once each; `params.days` is the length the server takes from
    // the legal settings (立案: the setting itself; petition: what the leader approved, at most the setting).
    extendCaseDecision: {
      label: '批准延长立案决定期限',
      from: open,
      who: leads,
      refusal: '只有分管领导或单位负责人可以批准延长',
      clocks: (_c, p) => ({ extend: { caseDecision: Number(p.days) } }),
      when: (c) =>
        c.kind !== 'report'
          ? '只有举报有立案决定期限'
          : c.caseDecision || !runs(c, 'caseDecision')
            ? '立案决定期限已停止计算，无需延长'
            : c._wf.clocks.caseDecision!.extendedDays > 0
              ? '立案决定期限只能延长一次'
              : null,
    },
    extendPetition: {
      label: '批准延长信访办理期限',
      from: ['accepted'],
      who: leads,
      refusal: '只有分管领导或单位负责人可以批准延长',
      clocks: (_c, p) => ({ extend: { petitionHandling: Number(p.days) } }),
      when: (c) =>
        !isPetition(c)
          ? '只有信访事项可以延长办理期限'
          : !runs(c, 'petitionHandling')
            ? '信访事项办理期限已停止计算'
            : c._wf.clocks.petitionHandling!.extendedDays > 0
              ? '信访事项办理期限只能延长一次'
              : null,
    },
    // How and when a staff-recorded complainant was told of the acceptance decision (once; no subscribe message).
    recordNotice: {
      label: '记录受理告知',
      from: ['accepted', 'rejected', 'closed'],
      who: acts,
      refusal: ACT_REFUSAL,
      when: (c) =>
        c.ownerRef != null
          ? '小程序提交的投诉举报已通过消息告知'
          : c.anonymous
            ? '匿名举报无需告知'
            : c.acceptanceNotice
              ? '已记录过受理告知'
              : null,
    },
  },
};
