/**
 * Complaints and reports as a workflow record (PUB-3; REC-14): submitted → accepted → closed, or submitted →
 * rejected; linking a duplicate, assigning and splitting leave the status as it is (a citizen learns nothing of
 * other people's complaints). Who may act is the organisation model's rule: the unit's leaders reaching the
 * record (a leader limited to sections only for records filed there) and its assigned handlers. The server's
 * kernel applies every step; the case page offers what `allowedSteps` answers for this declaration.
 */
import type { ComplaintStatus } from '../contract/complaint';
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
}

type C = ComplaintForWorkflow;

/** A leader (reviewer or unit head) whose role reaches this record. */
export const leads: Guard<C> = (a, c) => holdsFor(a, LEAD_ROLES, c.unitId, c.sectionIds);

const handlesIn = (a: Parameters<Guard<C>>[0], unitId: string) =>
  (a.roles ?? []).some((g) => (HANDLING_ROLES as readonly string[]).includes(g.role) && g.unitId === unitId);

/** Sees the record: a handling role reaching it, or assigned to it while handling in its unit. */
export const sees: Guard<C> = (a, c) =>
  holdsFor(a, HANDLING_ROLES, c.unitId, c.sectionIds) ||
  (!!a.staffId && c.handlerIds.includes(a.staffId) && handlesIn(a, c.unitId));

/** Acts on it: a leader reaching it, or one of its handlers. */
const acts: Guard<C> = (a, c) => leads(a, c) || (!!a.staffId && c.handlerIds.includes(a.staffId));

const ACT_REFUSAL = '只有承办人或其领导可以办理该投诉举报';
const open = ['submitted', 'accepted'] as const;

/**
 * The complaint clocks (core/complaint/deadlines.ts has the rules), their lengths read from the legal settings in
 * force (ComplaintPeriods): acceptance from receipt, handling from acceptance, a real-name reporter's feedback
 * from the case decision.
 */
export const COMPLAINT_CLOCKS = {
  acceptance: {
    label: '投诉举报受理决定',
    period: (v: Readonly<Record<string, number>>) => ({ workingDays: v.acceptanceWorkingDays! }),
  },
  handling: {
    label: '投诉举报办结期限',
    period: (v: Readonly<Record<string, number>>) => ({ days: v.handlingDays! }),
  },
  feedback: {
    label: '实名举报人告知',
    period: (v: Readonly<Record<string, number>>) => ({ workingDays: v.reporterFeedbackWorkingDays! }),
  },
} as const;

export const COMPLAINT_WORKFLOW: WorkflowDef<ComplaintStatus, C> = {
  type: 'complaint',
  collection: 'complaints',
  stateField: 'status',
  states: ['submitted', 'accepted', 'rejected', 'closed'],
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
      clocks: { stop: ['acceptance'], start: ['handling'] },
    },
    reject: {
      label: '不予受理',
      from: ['submitted'],
      to: 'rejected',
      who: acts,
      refusal: ACT_REFUSAL,
      clocks: { stop: ['acceptance'] },
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
      clocks: { stop: ['handling', 'feedback'] },
    },
    assign: { label: '分派', from: open, who: leads, refusal: '只有分管领导或单位负责人可以分派' },
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
      clocks: (c) => (owesReporterFeedback(c.kind, c.anonymous) ? { start: ['feedback'] } : {}),
      when: (c) =>
        c.kind !== 'report' ? '只有举报需要记录是否立案' : c.caseDecision ? '已记录过是否立案的决定' : null,
    },
  },
};
