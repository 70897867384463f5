/**
 * Who may do what with a complaint on the staff side, and how a step is applied: both are the complaint's
 * workflow declaration (core/complaint/workflow.ts) run by the kernel (server/kernel/apply.ts). Anyone who may
 * not see a record gets NOT_FOUND, so staff outside the unit cannot learn what has been reported (REC-14); every
 * check is by unit and section (core/org/scope.ts): a role limited to one section reaches only records filed under
 * it (`sectionIds`, set by assignment), never unassigned records nor other sections.
 */
import { HANDLING_ROLES, LEAD_ROLES } from '../../../core/complaint/roles';
import { COMPLAINT_WORKFLOW, leads, sees } from '../../../core/complaint/workflow';
import type { ComplaintStaffStep } from '../../../core/contract/complaint';
import {
  allowedSteps as kernelAllowedSteps,
  emptyWorkflow,
  type WorkflowActor,
} from '../../../core/workflow/define';
import { AppError } from '../../errors';
import { applyStep as kernelApplyStep } from '../../kernel/apply';
import type { Calendar } from '../../../core/calendar/calendar';
import type { ComplaintPeriods } from '../../../core/complaint/deadlines';
import type { EntityWrite, PlainInsert } from '../../ledger/commit';
import { roleScope, staffActorRef, type RoleScope, type StaffPrincipal } from '../../org/principal';
import type { Call } from '../../router/types';
import type { ComplaintRecord, ComplaintState } from './model';
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

/** The staff member as the workflow declaration sees them: salted reference, id, roles in force. */
export const actorOf = (staff: StaffPrincipal): WorkflowActor => ({
  kind: 'staff',
  ref: staffActorRef(staff.staffId),
  staffId: staff.staffId,
  roles: staff.roles,
});

const asWorkflow = (record: ComplaintRecord) => ({ ...record, _wf: record._wf ?? emptyWorkflow() });

/** A leader (reviewer or unit head) whose role reaches this record. */
export const leadsRecord = (staff: StaffPrincipal, record: ComplaintRecord): boolean =>
  leads(actorOf(staff), asWorkflow(record));

export const seesRecord = (staff: StaffPrincipal, record: ComplaintRecord): boolean =>
  sees(actorOf(staff), asWorkflow(record));

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

/** The steps `staff` may take on `record` now, from the declaration (every step is checked again when taken). */
export function allowedSteps(staff: StaffPrincipal, record: ComplaintRecord): ComplaintStaffStep[] {
  return kernelAllowedSteps(COMPLAINT_WORKFLOW, actorOf(staff), asWorkflow(record)) as ComplaintStaffStep[];
}

export const staffActor = (call: Call) => staffActorRef(call.staff!.staffId);

/** A step's domain rules and what they need beyond the record. */
export interface StepRules {
  effect: (state: ComplaintState) => void;
  /** The outbox rows the step causes, given the record's next revision. */
  inserts?: (nextRev: number) => Promise<PlainInsert[]> | PlainInsert[];
  /** The settings version in force, stamped on the act. */
  settingsVersion?: number;
  /** For steps that move clocks: the calendar and the periods of the settings in force. */
  calendar?: Calendar;
  periods?: ComplaintPeriods;
  /** Other records the step changes in the same transaction. */
  alsoWrite?: EntityWrite[];
  /** The step's parameters the declaration reads (assigned handlers, extension days). */
  params?: Readonly<Record<string, string>>;
}

/**
 * Applies one step through the kernel: transition, actor and preconditions checked on the record as it is now,
 * the clocks moved, the act stamped with the settings version in force, and the new state committed against
 * that revision (a concurrent step answers CONFLICT) with the outbox rows the step causes, in one transaction.
 */
export async function applyStep(
  call: Call,
  record: ComplaintRecord,
  step: ComplaintStaffStep,
  rules: StepRules,
): Promise<ComplaintState> {
  const version = rules.settingsVersion;
  const done = await kernelApplyStep<ComplaintRecord & Record<string, unknown>>(call.db, {
    def: COMPLAINT_WORKFLOW as never,
    id: record._id,
    loaded: record as ComplaintRecord & Record<string, unknown>,
    step,
    actor: actorOf(call.staff!),
    now: call.now,
    calendar: rules.calendar,
    periodValues: rules.periods ? { ...rules.periods } : undefined,
    settingsVersion: version === undefined ? undefined : async () => version,
    effect: (state) => rules.effect(state as unknown as ComplaintState),
    inserts: (ctx) => rules.inserts?.(ctx.nextRev) ?? [],
    alsoWrite: () => rules.alsoWrite ?? [],
    params: rules.params,
  });
  return done.record as unknown as ComplaintState;
}
