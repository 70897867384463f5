/**
 * Who may see a service and how its steps are taken (REC-7). A party reaches a service only through an active
 * binding for the service's party and case (bindingFor, asked on every call): another WeChat identity, a withdrawn
 * consent or a replaced recipient all get NOT_FOUND, the same answer as for a service that does not exist. Staff
 * see the services of the cases they see (core/service/workflow.ts). Every step goes through the kernel, so it is
 * on the service's ledger chain.
 */
import { SERVICE_WORKFLOW } from '../../../core/service/workflow';
import type { WorkflowActor } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { applyStep, type StepContext } from '../../kernel/apply';
import type { PlainInsert } from '../../ledger/commit';
import { staffActorRef } from '../../org/principal';
import { getDoc } from '../../platform/docs';
import type { Call } from '../../router/types';
import { bindingFor, recipientRefOf } from './bindings';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';

const NOT_FOUND = '未找到该送达文书';

export const partyActor = (openid: string): WorkflowActor => ({
  kind: 'citizen',
  ref: recipientRefOf(openid),
});

export const staffActor = (call: Call): WorkflowActor => ({
  kind: 'staff',
  ref: staffActorRef(call.staff!.staffId),
  staffId: call.staff!.staffId,
  roles: call.staff!.roles,
});

export const SYSTEM_ACTOR: WorkflowActor = { kind: 'system', ref: 'system:service-timer' };

/** The service, if the caller holds an active binding for its party in its case; NOT_FOUND otherwise. */
export async function loadForParty(call: Call, id: string): Promise<ServiceDoc> {
  const doc = await getDoc<ServiceDoc>(call.db, SERVICES_COLLECTION, id);
  if (!doc) throw new AppError('NOT_FOUND', NOT_FOUND);
  const binding = await bindingFor(call.db, call.caller.openid!, doc.partyId, doc.caseId);
  if (!binding) throw new AppError('NOT_FOUND', NOT_FOUND);
  return doc;
}

/** The service, if the staff caller sees its case; NOT_FOUND otherwise. */
export async function loadForStaff(call: Call, id: string): Promise<ServiceDoc> {
  const doc = await getDoc<ServiceDoc>(call.db, SERVICES_COLLECTION, id);
  if (!doc || !SERVICE_WORKFLOW.sees(staffActor(call), doc)) throw new AppError('NOT_FOUND', NOT_FOUND);
  return doc;
}

/** One step of a service through the kernel, committed against the revision loaded. */
export async function runServiceStep(
  call: Pick<Call, 'db' | 'now'>,
  doc: ServiceDoc,
  step: string,
  actor: WorkflowActor,
  rules: {
    effect?: (state: ServiceDoc, ctx: StepContext<ServiceDoc>) => void | Promise<void>;
    inserts?: () => PlainInsert[];
  } = {},
): Promise<ServiceDoc> {
  const done = await applyStep<ServiceDoc & Record<string, unknown>>(call.db, {
    def: SERVICE_WORKFLOW as never,
    id: doc._id,
    loaded: doc as ServiceDoc & Record<string, unknown>,
    step,
    actor,
    now: call.now,
    calendar: await loadCalendar(call.db),
    effect: (state, ctx) => rules.effect?.(state as unknown as ServiceDoc, ctx as never),
    inserts: () => rules.inserts?.() ?? [],
  });
  return done.record as unknown as ServiceDoc;
}

const RACE_ATTEMPTS = 4;

/**
 * Runs `attempt` on the service, and again on the service as it is now when it lost a race to another change of
 * the same service (CONFLICT): two phones of one party opening at once both end ok, never INTERNAL. `attempt`
 * decides afresh each time (an opening already recorded is not recorded twice).
 */
export async function withFreshService(
  call: Pick<Call, 'db'>,
  doc: ServiceDoc,
  attempt: (doc: ServiceDoc) => Promise<ServiceDoc>,
): Promise<ServiceDoc> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(doc);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'CONFLICT' || n >= RACE_ATTEMPTS) throw err;
      const fresh = await getDoc<ServiceDoc>(call.db, SERVICES_COLLECTION, doc._id);
      if (!fresh) throw err;
      doc = fresh;
    }
  }
}
