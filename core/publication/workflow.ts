/**
 * Publication entries as a workflow record (PUB-11, seed Art. 22-23): the preparer submits, the
 * reviewer (分管领导: the leader supervising the entry's section or unit) reviews, the office (`publisher`)
 * forwards, the `principal` approves - nothing is published without the principal's approval - and the entry is
 * published at once or at a set time. A rejection at any of those steps returns it to draft with a comment and
 * starts a new round (the same reviewer may review the new round). Within a round nobody acts at two steps, and
 * whoever prepared the entry takes none of the later ones (separation of duty: the acts keep each round's actors).
 * A principal's absence is covered by a recorded delegation: the organisation model puts the delegated
 * `principal` grant into the actor's roles (server/org), so the guard below accepts it - a delegation limited to a
 * section reaches only that section's entries (core/org/scope.ts).
 *
 * A correction of a published entry is a NEW entry (version + 1, `supersedes` the old id) through the same flow,
 * while the current version stays public; when the new one is published the server applies `supersede` to the old
 * one. Withdrawal (PUB-13, seed Art. 25; 行政处罚法 Art. 48): the section or unit that published it takes it down at
 * once and, after the leader's review, publishes the public reason, both within 3 working days (due.ts).
 * Pure; the server's kernel applies every step, the pages offer what `allowedSteps` answers.
 */
import { holdsFor } from '../org/scope';
import type { Role } from '../org/roles';
import type { Guard, WorkflowActor, WorkflowDef, WorkflowFields } from '../workflow/define';
import { disclosureOf, withholdRefusal, WITHHOLD_REASON_LABELS } from './disclosure';
import { PUBLICATION_CLOCKS } from './due';
import type { PublicationEntry } from './fields';

export const ENTRY_STATES = [
  'draft',
  'submitted',
  'reviewed',
  'forwarded',
  'approved',
  'published',
  'withdrawn',
  'superseded',
] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const ENTRY_STATE_LABELS: Record<EntryState, string> = {
  draft: '待提交',
  submitted: '待分管领导审核',
  reviewed: '待办公室报送',
  forwarded: '待主要领导审批',
  approved: '已批准待发布',
  published: '已公示',
  withdrawn: '已撤回',
  superseded: '已被更正版本替代',
};

/** What the declaration reads of a stored entry. */
export interface EntryForWorkflow {
  _wf: WorkflowFields;
  status: EntryState;
  unitId: string;
  sectionId: string | null;
  /** The salted reference of who prepared it (created the draft): they take no later step (PUB-11). */
  preparedBy: string;
  /**
   * The leaders supervising the section (分管领导 holding `reviewer` there) and their delegates in force, resolved
   * by the server (server/org/resolvers.ts `sectionReviewers`) and stored on the record before `submit` is applied.
   */
  reviewerIds: string[];
  /**
   * The unit whose 主要领导 approves publication (PUB-11; seed publicity Art. 22-23): the commission, for its own
   * entries and for its enforcement unit's (whose head approves recording matters only). Resolved through the
   * organisation model when the entry is made (server/org/resolvers.ts `approvalUnitOf`); absent: the entry's unit.
   */
  approvalUnitId?: string | null;
  entry: PublicationEntry;
  /** An open correction (a newer version in the flow), or null. */
  correctionId: string | null;
  /** The withdrawal's public reason once written, and whether it was published after review. */
  withdrawal: { reason: string | null; reasonPublished: boolean } | null;
}

type E = EntryForWorkflow;

const scopeOf = (e: E) => (e.sectionId ? [e.sectionId] : []);
const reaches = (roles: readonly Role[]) => (a: WorkflowActor, e: E) =>
  holdsFor(a, roles, e.unitId, scopeOf(e));
const notPreparer = (a: WorkflowActor, e: E) => a.ref !== e.preparedBy;

/** The unit whose principal approves the entry (the commission for both units), or the entry's own unit. */
export const approvalUnitOf = (e: Pick<E, 'approvalUnitId' | 'unitId'>): string =>
  e.approvalUnitId ?? e.unitId;
/**
 * Holds `principal` over the entry in its approval unit: the whole unit (the commission principal, or a
 * unit-wide delegation of that role); a delegation limited to a section reaches only that section's entries of
 * the commission itself. The enforcement unit's head (principal there, for recording) does not reach.
 */
const approvesFor = (a: WorkflowActor, e: E): boolean => {
  const unit = approvalUnitOf(e);
  return holdsFor(a, ['principal'], unit, unit === e.unitId ? scopeOf(e) : []);
};

/** Staff who prepare entries: the section's officers, and the preparer themself. */
export const PREPARING_ROLES = ['officer'] as const satisfies readonly Role[];
/** Staff of the section or unit that made the decision (withdrawal is theirs: PUB-13). */
export const SECTION_ROLES = [
  'officer',
  'reviewer',
  'publisher',
  'principal',
] as const satisfies readonly Role[];

export const prepares: Guard<E> = (a, e) =>
  a.kind === 'staff' && (a.ref === e.preparedBy || reaches(PREPARING_ROLES)(a, e));
/** The supervising leader of the section (resolved on submit), holding `reviewer` over it; not the preparer. */
export const reviews: Guard<E> = (a, e) =>
  reaches(['reviewer'])(a, e) && !!a.staffId && e.reviewerIds.includes(a.staffId) && notPreparer(a, e);
export const forwards: Guard<E> = (a, e) => reaches(['publisher'])(a, e) && notPreparer(a, e);
/**
 * The principal of the approval unit (the commission), or whoever holds `principal` there by a recorded delegation
 * in force; never the enforcement unit's head for a publication (approvalUnitOf).
 */
export const approves: Guard<E> = (a, e) => approvesFor(a, e) && notPreparer(a, e);
const system: Guard<E> = (a) => a.kind === 'system';
const sectionStaff: Guard<E> = (a, e) => a.kind === 'staff' && reaches(SECTION_ROLES)(a, e);

export const sees: Guard<E> = (a, e) =>
  a.kind === 'system' ||
  a.ref === e.preparedBy ||
  reaches([...SECTION_ROLES, 'auditor'])(a, e) ||
  approvesFor(a, e);

/** Whoever is at the step the entry waits for may send it back. */
const rejects: Guard<E> = (a, e) =>
  e.status === 'submitted'
    ? reviews(a, e)
    : e.status === 'reviewed'
      ? forwards(a, e)
      : e.status === 'forwarded' || e.status === 'approved'
        ? approves(a, e)
        : false;

/** An entry that may never be published (a minor, a state secret, a security risk) is not put forward at all. */
const neverPublishable = (e: E): string | null => {
  const d = disclosureOf(e.entry);
  return d.status === 'withheld' && !d.overridable
    ? d.reasons.map((r) => WITHHOLD_REASON_LABELS[r]).join('；')
    : null;
};

const PREPARED = ['edit', 'submit'] as const;

export const PUBLICATION_WORKFLOW: WorkflowDef<EntryState, E> = {
  type: 'publication',
  collection: 'publicationEntries',
  stateField: 'status',
  states: ENTRY_STATES,
  settings: 'act',
  sees,
  clocks: PUBLICATION_CLOCKS,
  steps: {
    edit: {
      label: '制作',
      from: ['draft'],
      who: prepares,
      refusal: '只有本科室执法人员或制作人可以修改该条目',
    },
    submit: {
      label: '提交审核',
      from: ['draft'],
      to: 'submitted',
      who: prepares,
      refusal: '只有本科室执法人员或制作人可以提交该条目',
      when: (e) =>
        neverPublishable(e) ??
        (e.reviewerIds.length === 0
          ? '所属科室（单位）尚未设置分管领导，请先在组织架构中设置分管关系'
          : null),
    },
    review: {
      label: '审核',
      from: ['submitted'],
      to: 'reviewed',
      who: reviews,
      refusal: '只有分管该科室的领导可以审核，且不能审核本人制作的条目',
      notBy: PREPARED,
    },
    forward: {
      label: '报送',
      from: ['reviewed'],
      to: 'forwarded',
      who: forwards,
      refusal: '只有办公室公示专员可以报送，且不能报送本人制作的条目',
      notBy: [...PREPARED, 'review'],
    },
    approve: {
      label: '批准公开',
      from: ['forwarded'],
      to: 'approved',
      who: approves,
      refusal: '只有主要领导（或经登记的委托人）可以批准公开，且不能批准本人制作的条目',
      notBy: [...PREPARED, 'review', 'forward'],
      when: (e) => withholdRefusal(e.entry),
    },
    publish: {
      label: '发布',
      from: ['approved'],
      to: 'published',
      who: system,
      refusal: '批准后由系统按设定时间发布',
      when: (e) => withholdRefusal(e.entry),
      clocks: { stop: ['publishSgs', 'publishOther'] },
    },
    reject: {
      label: '退回修改',
      from: ['submitted', 'reviewed', 'forwarded', 'approved'],
      to: 'draft',
      who: rejects,
      refusal: '只有当前环节的审核人可以退回',
      notBy: PREPARED,
      newRound: true,
    },
    correct: {
      label: '发起更正',
      from: ['published'],
      who: prepares,
      refusal: '只有本科室执法人员或制作人可以发起更正',
      when: (e) => (e.correctionId ? '该条目已有正在办理的更正版本' : null),
    },
    supersede: {
      label: '由更正版本替代',
      from: ['published'],
      to: 'superseded',
      who: system,
      refusal: '更正版本发布时由系统替换',
    },
    noteChange: {
      label: '登记决定变更、撤销或确认违法',
      from: ['published'],
      who: sectionStaff,
      refusal: '只有作出该决定的科室（单位）可以登记',
      clocks: { start: ['takeDown', 'withdrawalReason'] },
      // The act's date is the later of the changing act's effective and received dates (due.ts).
      maxBackdateDays: 30,
    },
    withdraw: {
      label: '撤下',
      from: ['published'],
      to: 'withdrawn',
      who: sectionStaff,
      refusal: '只有作出该决定的科室（单位）可以撤下',
      clocks: { stop: ['takeDown'] },
    },
    publishWithdrawalReason: {
      label: '公布撤回理由',
      from: ['withdrawn'],
      who: (a, e) => reaches(['reviewer', 'principal'])(a, e),
      refusal: '撤回理由须经分管领导或主要领导审核后公布',
      when: (e) =>
        !e.withdrawal?.reason ? '请先填写撤回理由' : e.withdrawal.reasonPublished ? '撤回理由已公布' : null,
      clocks: { stop: ['withdrawalReason'] },
    },
  },
};
