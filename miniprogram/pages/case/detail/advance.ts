/**
 * The advance popup's pure part: the stage chosen from those the backend says the caller may take now
 * (`nextStages`), when the act happened, a note, and for a decision stage the decision document; checked with the
 * contract's own schema (caseAdvanceInput) before it is sent.
 */
import {
  caseAdvanceInput,
  DECISION_STAGES as STAGES_WITH_DECISION,
  DECISION_TYPE_LABELS,
  DECISION_TYPES,
  issuesToFields,
  STATEMENT_STAGE,
  type CaseAdvanceInput,
} from '../../../core-bundle/index';
import { isoOf, type PickedTime } from '../record/form';

export const DECISION_OPTIONS = DECISION_TYPES.map((key) => ({ key, label: DECISION_TYPE_LABELS[key] }));
/** The stages at which a decision document is recorded (the contract's list, which its schema checks). */
export const DECISION_STAGES: readonly string[] = STAGES_WITH_DECISION;
export { STATEMENT_STAGE };

export interface AdvanceForm {
  stage: string;
  acted: PickedTime;
  note: string;
  docNo: string;
  date: string;
  type: string;
  conclusion: string;
  /** At the statement stage (行政处罚法第四十四条、第六十二条): when the period ends, stated or waived in writing. */
  periodEnds: PickedTime;
  partyStated: boolean;
  waiverInWriting: boolean;
}

export function emptyAdvance(): AdvanceForm {
  return {
    stage: '',
    acted: { date: '', time: '' },
    note: '',
    docNo: '',
    date: '',
    type: '',
    conclusion: '',
    periodEnds: { date: '', time: '' },
    partyStated: false,
    waiverInWriting: false,
  };
}

export function advancePayloadOf(id: string, f: AdvanceForm): Record<string, unknown> {
  return {
    id,
    stage: f.stage,
    ...(f.acted.date ? { actedAt: isoOf(f.acted) } : {}),
    ...(f.note.trim() ? { note: f.note } : {}),
    ...(DECISION_STAGES.includes(f.stage)
      ? { decision: { docNo: f.docNo, date: f.date, type: f.type, conclusion: f.conclusion } }
      : {}),
    ...(f.stage === STATEMENT_STAGE && f.periodEnds.date
      ? {
          statement: {
            periodEndsAt: isoOf(f.periodEnds),
            partyStated: f.partyStated,
            waiverInWriting: f.waiverInWriting,
          },
        }
      : {}),
  };
}

export function checkAdvance(
  id: string,
  f: AdvanceForm,
): { ok: true; payload: CaseAdvanceInput } | { ok: false; errors: Record<string, string> } {
  const parsed = caseAdvanceInput.safeParse(advancePayloadOf(id, f));
  if (parsed.success) return { ok: true, payload: parsed.data };
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(issuesToFields(parsed.error.issues)))
    errors[k.replace(/^payload\./, '')] = v;
  return { ok: false, errors };
}
