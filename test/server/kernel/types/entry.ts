/**
 * A record type shaped like a publication entry (PUB-11): prepared, reviewed by the section's supervising
 * leader, forwarded by the office, approved by the principal; any later step may send it back to its preparer,
 * which starts a new round (the same reviewer may review the corrected round, never their own preparation);
 * a live version and a pending one side by side, the pending one taking effect on its date. Declared with the
 * kernel's declaration API and core/ only (a dependency rule keeps it so).
 */
import type { Role } from '../../../../core/org/roles';
import { holdsFor } from '../../../../core/org/scope';
import type { Guard, WorkflowActor, WorkflowDef, WorkflowFields } from '../../../../core/workflow/define';

export type EntryState = 'draft' | 'reviewing' | 'forwarding' | 'approving' | 'approved';

export interface EntryVersion {
  text: string;
  effectiveFrom: string;
}

export interface Entry {
  _id: string;
  _rev: number;
  _wf: WorkflowFields;
  state: EntryState;
  unitId: string;
  sectionId: string;
  live: EntryVersion | null;
  pending: EntryVersion | null;
}

const holds =
  (role: string): Guard<Entry> =>
  (actor: WorkflowActor, e: Entry) =>
    holdsFor(actor, [role as Role], e.unitId, [e.sectionId]);

export const ENTRY: WorkflowDef<EntryState, Entry> = {
  type: 'testEntry',
  collection: 'test_entries',
  stateField: 'state',
  states: ['draft', 'reviewing', 'forwarding', 'approving', 'approved'],
  settings: 'act',
  sees: (actor, e) => (actor.roles ?? []).some((g) => g.unitId === e.unitId),
  steps: {
    submit: {
      label: '提交',
      from: ['draft'],
      to: 'reviewing',
      who: holds('officer'),
      refusal: '只有承办人可以提交',
    },
    review: {
      label: '审核',
      from: ['reviewing'],
      to: 'forwarding',
      who: holds('reviewer'),
      refusal: '只有分管领导可以审核',
      notBy: ['submit'],
    },
    forward: {
      label: '报送',
      from: ['forwarding'],
      to: 'approving',
      who: holds('publisher'),
      refusal: '只有办公室可以报送',
      notBy: ['submit', 'review'],
    },
    approve: {
      label: '批准',
      from: ['approving'],
      to: 'approved',
      who: holds('principal'),
      refusal: '只有主要领导可以批准',
      notBy: ['submit', 'review', 'forward'],
    },
    sendBack: {
      label: '退回',
      from: ['reviewing', 'forwarding', 'approving'],
      to: 'draft',
      who: (a, e) => ['reviewer', 'publisher', 'principal'].some((r) => holds(r)(a, e)),
      refusal: '只有审核、报送或批准的人可以退回',
      newRound: true,
    },
  },
};
