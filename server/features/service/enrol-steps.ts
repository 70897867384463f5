/**
 * How a step of an enrolment is taken (core/service/enrolment.ts through server/kernel/apply.ts): the enrolment is
 * loaded for the actor (NOT_FOUND to anyone it does not concern), the step's own checks run on it, and a step that
 * lost the race to another on the same enrolment is taken again on the enrolment as it is now. So parallel code
 * tries are counted one after another: a sixth wrong try finds the enrolment locked (never INTERNAL, never more
 * than MAX_ENROLMENT_TRIES).
 */
import { ENROLMENT_WORKFLOW } from '../../../core/service/enrolment';
import type { Act, WorkflowActor } from '../../../core/workflow/define';
import { AppError } from '../../errors';
import { applyStep, type StepContext } from '../../kernel/apply';
import type { EntityWrite } from '../../ledger/commit';
import { staffActorRef, type StaffPrincipal } from '../../org/principal';
import type { Database } from '../../platform/cloudbase';
import { getDoc, stateOf } from '../../platform/docs';
import type { Call } from '../../router/types';
import { recipientRefOf, SERVICE_BINDINGS_COLLECTION, type ServiceBindingDoc } from './bindings';
import { ENROLMENTS_COLLECTION, type EnrolmentDoc } from './enrol-model';

export const ENROLMENT_NOT_FOUND = '未找到该电子送达确认，请重新扫码或联系执法人员';

/** The party: by the same pseudonym as the bindings, so an enrolment and its binding name one identity. */
export function partyActor(call: Call): WorkflowActor {
  return { kind: 'citizen', ref: recipientRefOf(call.caller.openid!) };
}

/**
 * Staff: an officer's unit-wide grant reaches only their own section here ("officer of the case's section"), so
 * another section's officer, not on the case, is told the enrolment or case does not exist.
 */
export function enrolStaffActor(staff: StaffPrincipal): WorkflowActor {
  return {
    kind: 'staff',
    ref: staffActorRef(staff.staffId),
    staffId: staff.staffId,
    roles: staff.roles.map((g) =>
      g.role === 'officer' && !g.sectionId && staff.sectionId ? { ...g, sectionId: staff.sectionId } : g,
    ),
  };
}

export async function loadEnrolment(db: Database, id: string, actor: WorkflowActor): Promise<EnrolmentDoc> {
  const e = await getDoc<EnrolmentDoc>(db, ENROLMENTS_COLLECTION, id);
  if (!e || !ENROLMENT_WORKFLOW.sees(actor, e)) throw new AppError('NOT_FOUND', ENROLMENT_NOT_FOUND);
  return e;
}

const STALE = '记录已被他人修改，请刷新后重试';
const RACE_ATTEMPTS = 12;

/**
 * Runs `body` on the enrolment as loaded now; when its commit lost a race (the enrolment changed meanwhile),
 * loads it again and runs `body` again, so its checks see the other change.
 */
export async function onFreshEnrolment<T>(
  call: Call,
  id: string,
  actor: WorkflowActor,
  body: (e: EnrolmentDoc) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const e = await loadEnrolment(call.db, id, actor);
    try {
      return await body(e);
    } catch (err) {
      const lost = err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === STALE;
      if (!lost || attempt >= RACE_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

export async function enrolmentStep(
  call: Call,
  e: EnrolmentDoc,
  step: string,
  actor: WorkflowActor,
  rules: {
    effect?: (state: Partial<EnrolmentDoc>, ctx: StepContext<EnrolmentDoc>) => void | Promise<void>;
    alsoWrite?: (ctx: StepContext<EnrolmentDoc>) => EntityWrite[] | Promise<EntityWrite[]>;
  } = {},
): Promise<EnrolmentDoc> {
  const done = await applyStep<EnrolmentDoc & Record<string, unknown>>(call.db, {
    def: ENROLMENT_WORKFLOW as never,
    id: e._id,
    loaded: e as EnrolmentDoc & Record<string, unknown>,
    step,
    actor,
    now: call.now,
    effect: (state, ctx) =>
      rules.effect?.(state as Partial<EnrolmentDoc>, ctx as unknown as StepContext<EnrolmentDoc>),
    alsoWrite: (ctx) => rules.alsoWrite?.(ctx as unknown as StepContext<EnrolmentDoc>) ?? [],
  });
  return done.record as unknown as EnrolmentDoc;
}

/** A binding's new status (withdrawn, revoked, replaced), as a write on its own chain. */
export function endBinding(
  b: ServiceBindingDoc,
  status: 'withdrawn' | 'revoked' | 'replaced',
  now: Date,
): EntityWrite {
  return {
    collection: SERVICE_BINDINGS_COLLECTION,
    id: b._id,
    expectedRev: b._rev,
    state: { ...stateOf(b), status, endedAt: now },
  };
}

/**
 * Another enrolment of the party whose recipient a newly confirmed one replaces: its state `replaced` with an act
 * of its own (the kernel's act format), written in the confirming step's transaction on its own chain.
 */
export function replacedEnrolment(
  old: EnrolmentDoc,
  by: string,
  actor: WorkflowActor,
  now: Date,
): EntityWrite {
  const act: Act = {
    step: 'replace',
    actor: actor.ref,
    round: old._wf.round,
    actedAt: now.toISOString(),
    recordedAt: now.toISOString(),
    settingsVersion: null,
  };
  return {
    collection: ENROLMENTS_COLLECTION,
    id: old._id,
    expectedRev: old._rev,
    state: {
      ...stateOf(old),
      status: 'replaced',
      replacedBy: by,
      _wf: { ...old._wf, acts: [...old._wf.acts, act] },
      updatedAt: now,
    },
  };
}
