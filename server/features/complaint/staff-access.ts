/**
 * Who may do what with a complaint on the staff side. Handling roles are `officer` (执法人员), and the leaders
 * `reviewer` (分管领导) and `principal` (unit head), in the complaint's unit (the enforcement unit). Anyone else
 * gets NOT_FOUND, so staff outside the unit cannot learn what has been reported either (REC-14). Deciding,
 * replying and closing are for the assigned handlers and the unit's leaders; assigning is for the leaders.
 *
 * Every check is by unit and section (server/org/principal.ts `grantCovers`): a role held over the whole unit
 * reaches all its records; a role limited to one section (a delegation for that section) reaches only records
 * filed under it (`sectionIds`, set by assignment), never unassigned records nor other sections.
 */
import type { ComplaintStep } from '../../../core/complaint/lifecycle';
import { canApply, STATUS_LABELS } from '../../../core/complaint/lifecycle';
import { HANDLING_ROLES, LEAD_ROLES } from '../../../core/complaint/roles';
import type { ComplaintStaffStep } from '../../../core/contract/complaint';
import { AppError } from '../../errors';
import { commitChange, type PlainInsert } from '../../ledger/commit';
import { holdsFor, roleScope, staffActorRef, type RoleScope, type StaffPrincipal } from '../../org/principal';
import { stateOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { COMPLAINTS_COLLECTION, type ComplaintRecord, type ComplaintState } from './model';
import { requireComplaint } from './repository';

export { HANDLING_ROLES };

/** Units where the staff holds a handling role, over the whole unit or some of its sections. */
export function handlingUnits(staff: StaffPrincipal): string[] {
  return [
    ...new Set(
      staff.roles.filter((g) => (HANDLING_ROLES as readonly string[]).includes(g.role)).map((g) => g.unitId),
    ),
  ];
}

/** Where the staff handles complaints in `unitId`: the queue shows only that. */
export const handlingScope = (staff: StaffPrincipal, unitId: string): RoleScope =>
  roleScope(staff, HANDLING_ROLES, unitId);

/** A leader (reviewer or unit head) whose role reaches this record. */
export function leadsRecord(staff: StaffPrincipal, record: ComplaintRecord): boolean {
  return holdsFor(staff, LEAD_ROLES, record.unitId, record.sectionIds);
}

/** Sees the record: a handling role reaching it, or assigned to it while handling in its unit. */
function seesRecord(staff: StaffPrincipal, record: ComplaintRecord): boolean {
  if (holdsFor(staff, HANDLING_ROLES, record.unitId, record.sectionIds)) return true;
  return record.handlerIds.includes(staff.staffId) && handlingUnits(staff).includes(record.unitId);
}

/**
 * Whose sections a leader may assign this record to: 'all' for a leader over the whole unit; otherwise the
 * sections of their scope the record is filed under (a leader for one section assigns within it only).
 */
export function assignableSections(staff: StaffPrincipal, record: ComplaintRecord): 'all' | string[] {
  const scope = roleScope(staff, LEAD_ROLES, record.unitId);
  if (scope.wholeUnit) return 'all';
  return scope.sectionIds.filter((id) => record.sectionIds.includes(id));
}

export type Need = 'see' | 'act' | 'lead';

export async function loadForStaff(call: Call, id: string, need: Need): Promise<ComplaintRecord> {
  const staff = call.staff!;
  const record = await requireComplaint(call.db, id);
  if (!seesRecord(staff, record)) throw new AppError('NOT_FOUND', '未找到该投诉举报');
  const leader = leadsRecord(staff, record);
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
  if (!seesRecord(staff, record)) return [];
  const leader = leadsRecord(staff, record);
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

export const staffActor = (call: Call) => staffActorRef(call.staff!.staffId);

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
  const state = stateOf(record);
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
