/**
 * A record type shaped like a case (REC-1): stages from registration to closing, a handling time limit that is
 * paused for an excluded period (e.g. expert assessment) and extended only by the approval step, and acts that
 * may be entered after they happened (the registration may be back-dated up to 7 days). Declared with the
 * kernel's declaration API and core/ only (a dependency rule keeps it so).
 */
import { holdsFor } from '../../../../core/org/scope';
import type { Guard, WorkflowDef, WorkflowFields } from '../../../../core/workflow/define';

export type CaseState = 'registered' | 'investigating' | 'deciding' | 'closed';

export interface CaseFile {
  _id: string;
  _rev: number;
  _wf: WorkflowFields;
  stage: CaseState;
  unitId: string;
}

const officer: Guard<CaseFile> = (a, c) => holdsFor(a, ['officer'], c.unitId, []);
const head: Guard<CaseFile> = (a, c) => holdsFor(a, ['principal'], c.unitId, []);

export const CASE: WorkflowDef<CaseState, CaseFile> = {
  type: 'testCase',
  collection: 'test_cases',
  stateField: 'stage',
  states: ['registered', 'investigating', 'deciding', 'closed'],
  settings: 'record',
  sees: (a, c) => (a.roles ?? []).some((g) => g.unitId === c.unitId),
  clocks: {
    handling: { label: '办案期限', period: { days: 90 } },
    // Each record collected is handed to the custodian within 2 working days (REC-10): a clock per record.
    handover: { label: '移交档案专人', period: { workingDays: 2 } },
  },
  steps: {
    register: {
      label: '立案',
      from: ['registered'],
      to: 'investigating',
      who: head,
      refusal: '只有负责人可以批准立案',
      clocks: { start: ['handling'] },
      maxBackdateDays: 7,
    },
    suspend: {
      label: '中止（不计入期限）',
      from: ['investigating'],
      who: officer,
      refusal: '只有执法人员可以办理',
      clocks: { pause: ['handling'] },
    },
    resume: {
      label: '恢复',
      from: ['investigating'],
      who: officer,
      refusal: '只有执法人员可以办理',
      clocks: { resume: ['handling'] },
    },
    extend: {
      label: '批准延长期限',
      from: ['investigating', 'deciding'],
      who: head,
      refusal: '只有负责人可以批准延长',
      clocks: { extend: { handling: 30 } },
    },
    collect: {
      label: '形成记录',
      from: ['investigating'],
      who: officer,
      refusal: '只有执法人员可以办理',
      clocks: (_c, p) => ({ start: [`handover:${p.item}`] }),
    },
    handOver: {
      label: '移交档案专人',
      from: ['investigating', 'deciding'],
      who: officer,
      refusal: '只有执法人员可以办理',
      clocks: (_c, p) => ({ stop: [`handover:${p.item}`] }),
    },
    propose: {
      label: '报请决定',
      from: ['investigating'],
      to: 'deciding',
      who: officer,
      refusal: '只有执法人员可以报请',
    },
    close: {
      label: '结案',
      from: ['deciding'],
      to: 'closed',
      who: head,
      refusal: '只有负责人可以批准结案',
      clocks: { stop: ['handling'] },
    },
  },
};
