/**
 * Who may do what with a complaint on the staff side. Handling roles are `officer` (执法人员), and the leaders
 * `reviewer` (分管领导) and `principal` (unit head), in the complaint's unit (the enforcement unit). Anyone else
 * gets NOT_FOUND, so staff outside the unit cannot learn what has been reported either. Deciding, replying and
 * closing are for the assigned handlers and the unit's leaders; assigning is for the leaders.
 */
import type { ComplaintStep } from '../../../core/complaint/lifecycle';
import { canApply, STATUS_LABELS } from '../../../core/complaint/lifecycle';
import { HANDLING_ROLES, LEAD_ROLES } from '../../../core/complaint/roles';
import type { ComplaintStaffStep } from '../../../core/contract/complaint';
import { AppError } from '../../errors';
import { commitChange, type PlainInsert } from '../../ledger/commit';
import type { StaffPrincipal } from '../../org/principal';
import { saltedRef } from '../../platform/crypto';
import type { Call } from '../../router/types';
import { COMPLAINTS_COLLECTION, stateOfComplaint, type ComplaintRecord, type ComplaintState } from './model';
import { requireComplaint } from './repository';

export { HANDLING_ROLES };

export function handlingUnits(staff: StaffPrincipal): string[] {
  return [
    ...new Set(
      staff.roles.filter((g) => (HANDLING_ROLES as readonly string[]).includes(g.role)).map((g) => g.unitId),
    ),
  ];
}

export function leadsUnit(staff: StaffPrincipal, unitId: string): boolean {
  return staff.roles.some((g) => (LEAD_ROLES as readonly string[]).includes(g.role) && g.unitId === unitId);
}

export type Need = 'see' | 'act' | 'lead';

export async function loadForStaff(call: Call, id: string, need: Need): Promise<ComplaintRecord> {
  const staff = call.staff!;
  const record = await requireComplaint(call.db, id);
  if (!handlingUnits(staff).includes(record.unitId)) throw new AppError('NOT_FOUND', '未找到该投诉举报');
  const leader = leadsUnit(staff, record.unitId);
  if (need === 'lead' && !leader) throw new AppError('FORBIDDEN', '只有分管领导或单位负责人可以分派');
  if (need === 'act' && !leader && !record.handlerIds.includes(staff.staffId)) {
    throw new AppError('FORBIDDEN', '只有承办人或其领导可以办理该投诉举报');
  }
  return record;
}

/**
 * The steps `staff` may take on `record` now: the same rules as loadForStaff's needs and each action's own
 * preconditions, so the case page offers only what would succeed (the actions still check everything).
 */
export function allowedSteps(staff: StaffPrincipal, record: ComplaintRecord): ComplaintStaffStep[] {
  if (!handlingUnits(staff).includes(record.unitId)) return [];
  const leader = leadsUnit(staff, record.unitId);
  const acts = leader || record.handlerIds.includes(staff.staffId);
  const status = record.status;
  const steps: ComplaintStaffStep[] = [];
  if (acts) {
    for (const step of ['accept', 'reject', 'reply', 'close'] as const) {
      if (canApply(step, status)) steps.push(step);
    }
  }
  if (leader && canApply('assign', status)) steps.push('assign');
  if (acts && canApply('linkDuplicate', status)) steps.push('linkDuplicate');
  // Splitting gives the other kind, once (a split-off record or one already split offers no split); an anonymous
  // report cannot give a complaint (complaints are by real name).
  const splittable =
    !record.splitFrom && !record.splitInto && !(record.kind === 'report' && record.anonymous);
  if (acts && canApply('split', status) && splittable) steps.push('split');
  if (acts && record.kind === 'report' && !record.caseDecision && canApply('decideCase', status)) {
    steps.push('decideCase');
  }
  return steps;
}

export const staffActor = (call: Call) => saltedRef('staff', call.staff!.staffId);

/**
 * Applies one step through commitChange, against the revision read (a concurrent step answers CONFLICT), with the
 * outbox records the step causes in the same transaction.
 */
export async function applyStep(
  call: Call,
  record: ComplaintRecord,
  step: ComplaintStep,
  mutate: (state: ComplaintState) => void,
  inserts: (nextRev: number) => Promise<PlainInsert[]> | PlainInsert[] = () => [],
): Promise<ComplaintState> {
  if (!canApply(step, record.status)) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `该投诉举报当前为“${STATUS_LABELS[record.status]}”，不能进行此操作`,
    );
  }
  const state = stateOfComplaint(record);
  mutate(state);
  state.updatedAt = call.now;
  await commitChange(call.db, {
    actor: staffActor(call),
    action: `complaint.${step}`,
    at: call.now,
    entities: [
      {
        collection: COMPLAINTS_COLLECTION,
        id: record._id,
        expectedRev: record._rev,
        state: state as unknown as Record<string, unknown>,
      },
    ],
    inserts: await inserts(record._rev + 1),
  });
  return state;
}
