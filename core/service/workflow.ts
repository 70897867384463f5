/**
 * Electronic services on the workflow kernel (REC-7, REC-16; core/workflow/define.ts): a document of the case
 * register served on an enrolled party is a record whose state moves served → opened → acknowledged; every act of
 * the party (opening, acknowledgement, statement, hearing and recusal requests) and of staff (a late hearing
 * request accepted for good cause) and of the timer (flagged for paper service) is a step, so it is on the
 * record's ledger chain. The legal settings are pinned when the service is issued (the service-date rule and the
 * periods stay those in force then). Who is the party is not decided here: the server checks the caller's active
 * binding (server/features/service/bindings.ts) before any party step, and answers NOT_FOUND otherwise.
 */
import type { Role } from '../org/roles';
import { holdsFor } from '../org/scope';
import type { Guard, WorkflowDef, WorkflowFields } from '../workflow/define';

export const SERVICE_STATES = ['served', 'opened', 'acknowledged'] as const;
export type ServiceRecordState = (typeof SERVICE_STATES)[number];

/** What the declaration reads of a service. */
export interface ServiceForWorkflow {
  _wf: WorkflowFields;
  state: ServiceRecordState;
  unitId: string;
  sectionId: string;
  officerStaffIds: string[];
}

type S = ServiceForWorkflow;

const LEADS: readonly Role[] = ['reviewer', 'principal'];
const SEES: readonly Role[] = ['reviewer', 'principal', 'custodian', 'auditor'];

const onCase: Guard<S> = (a, s) => !!a.staffId && s.officerStaffIds.includes(a.staffId);
const staffActs: Guard<S> = (a, s) =>
  a.kind === 'staff' && (onCase(a, s) || holdsFor(a, LEADS, s.unitId, [s.sectionId]));
const party: Guard<S> = (a) => a.kind === 'citizen';
const system: Guard<S> = (a) => a.kind === 'system';

const ANY = SERVICE_STATES;
const PARTY_ONLY = '只有受送达人本人可以办理';

export const SERVICE_WORKFLOW: WorkflowDef<ServiceRecordState, S> = {
  type: 'service',
  collection: 'services',
  stateField: 'state',
  states: SERVICE_STATES,
  settings: 'record',
  steps: {
    open: { label: '首次打开（已阅知）', from: ['served'], to: 'opened', who: party, refusal: PARTY_ONLY },
    acknowledge: {
      label: '确认收悉',
      from: ['served', 'opened'],
      to: 'acknowledged',
      who: party,
      refusal: PARTY_ONLY,
    },
    state: { label: '提交陈述、申辩', from: ANY, who: party, refusal: PARTY_ONLY },
    requestHearing: { label: '要求听证', from: ANY, who: party, refusal: PARTY_ONLY },
    requestRecusal: { label: '申请回避', from: ANY, who: party, refusal: PARTY_ONLY },
    acceptLateHearing: {
      label: '有正当理由受理逾期听证要求',
      from: ANY,
      who: staffActs,
      refusal: '只有本案执法人员或其领导可以办理',
    },
    flagPaper: {
      label: '未按时打开，提示纸质送达',
      from: ['served'],
      who: system,
      refusal: '只有定时任务可以办理',
    },
  },
  sees: (a, s) =>
    a.kind === 'citizen' || a.kind === 'system' || onCase(a, s) || holdsFor(a, SEES, s.unitId, [s.sectionId]),
};
