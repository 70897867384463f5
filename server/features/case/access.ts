/**
 * Who may see and act on a case, and how a step is applied: the case's workflow declaration
 * (core/case/workflow.ts) run by the kernel (server/kernel/apply.ts). Anyone who may not see a case — an officer
 * of another section who is not on it, staff of another unit — gets NOT_FOUND, so existence does not leak (REC-14).
 */
import { CASE_WORKFLOW, seesCase } from '../../../core/case/workflow';
import type { WorkflowActor } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { applyStep, type StepContext } from '../../kernel/apply';
import type { EntityWrite } from '../../ledger/commit';
import { staffActorRef, type StaffPrincipal } from '../../org/principal';
import { getDoc } from '../../platform/docs';
import type { Call } from '../../router/types';
import {
  CASES_COLLECTION,
  RECORDS_COLLECTION,
  setFailures,
  type CaseDoc,
  type CaseState,
  type RecordDoc,
} from './model';
import { failuresOf, recordsOfCase } from './repository';

export const caseActor = (staff: StaffPrincipal): WorkflowActor => ({
  kind: 'staff',
  ref: staffActorRef(staff.staffId),
  staffId: staff.staffId,
  roles: staff.roles,
});

const NOT_FOUND = '未找到该案件';

/** The case, if the caller may see it; NOT_FOUND otherwise (the same answer as for a case that does not exist). */
export async function loadCase(call: Call, id: string): Promise<CaseDoc> {
  const found = await getDoc<CaseDoc>(call.db, CASES_COLLECTION, id);
  if (!found || !seesCase(caseActor(call.staff!), found)) throw new AppError('NOT_FOUND', NOT_FOUND);
  return found;
}

/** A record and its case, if the caller may see the case. */
export async function loadRecord(call: Call, id: string): Promise<{ record: RecordDoc; kase: CaseDoc }> {
  const record = await getDoc<RecordDoc>(call.db, RECORDS_COLLECTION, id);
  if (!record) throw new AppError('NOT_FOUND', '未找到该执法记录');
  const kase = await getDoc<CaseDoc>(call.db, CASES_COLLECTION, record.caseId);
  if (!kase || !seesCase(caseActor(call.staff!), kase)) throw new AppError('NOT_FOUND', '未找到该执法记录');
  return { record, kase };
}

/**
 * One step of the case through the kernel: state, actor and preconditions checked on the case as loaded, the
 * clocks moved with the working-day calendar, the step's domain rules applied, and the case committed against
 * its revision with the other records the step changes (each on its own chain), in one transaction.
 */
export async function runCaseStep(
  call: Call,
  kase: CaseDoc,
  step: string,
  rules: {
    actedAt?: Date;
    params?: Record<string, string>;
    effect?: (state: CaseState, ctx: StepContext<CaseDoc>) => void;
    alsoWrite?: (ctx: StepContext<CaseDoc>) => EntityWrite[];
    /** The record this step adds or changes, as it will be stored (the checks are run with it). */
    changedRecord?: () => RecordDoc;
  } = {},
): Promise<CaseState> {
  if (!CASE_WORKFLOW.steps[step]) throw new AppError('PRECONDITION_FAILED', '该环节不能通过此操作进入');
  // Officers register several records of one case at once from their phones: each is a step on the case, so a
  // step that lost the race to another is taken again on the case as it is now (the kernel checks it afresh).
  for (let attempt = 1; ; attempt++) {
    try {
      return await stepOnce(call, kase, step, rules);
    } catch (err) {
      const lostRace = err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === STALE;
      if (!lostRace || attempt >= RACE_ATTEMPTS) throw err;
      kase = await loadCase(call, kase._id);
    }
  }
}

const STALE = '记录已被他人修改，请刷新后重试';
const RACE_ATTEMPTS = 4;

async function stepOnce(
  call: Call,
  kase: CaseDoc,
  step: string,
  rules: Parameters<typeof runCaseStep>[3] = {},
): Promise<CaseState> {
  const records = await recordsOfCase(call.db, kase._id);
  const done = await applyStep<CaseDoc & Record<string, unknown>>(call.db, {
    def: CASE_WORKFLOW as never,
    id: kase._id,
    loaded: kase as CaseDoc & Record<string, unknown>,
    step,
    actor: caseActor(call.staff!),
    now: call.now,
    actedAt: rules.actedAt,
    calendar: await loadCalendar(call.db),
    params: rules.params,
    effect: (state, ctx) => {
      const next = state as unknown as CaseState;
      rules.effect?.(next, ctx as unknown as StepContext<CaseDoc>);
      // The checks' failures now: the dashboard lists cases with any, most recently changed first.
      const failures = failuresOf(
        { ...next, _id: kase._id, _rev: kase._rev },
        records,
        rules.changedRecord?.() ?? null,
      );
      setFailures(next, failures, kase._id, call.now);
    },
    alsoWrite: (ctx) => rules.alsoWrite?.(ctx as unknown as StepContext<CaseDoc>) ?? [],
  });
  return done.record as unknown as CaseState;
}
