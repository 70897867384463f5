/**
 * Entries from decisions in the case register (PUB-6, PUB-10, PUB-12; seed publicity Art. 15, 24): which kind of
 * entry a recorded decision becomes, when its publication falls due, and the draft the register fills in (双公示
 * fields: document number, date, party, cause, amounts, the deciding unit and section). What the register does not
 * hold (the facts, the basis, the authority's credit codes...) stays for the preparer, listed as `missing` with the
 * schema's own Chinese messages; the entry cannot be submitted until it is complete (the server checks it).
 * Pure: the calendar and the settings are parameters.
 */
import type { Calendar } from '../calendar/calendar';
import type { CaseKind, PartyKind } from '../case/stages';
import type { PartyIdKind } from '../party/ids';
import { applyClocks } from '../workflow/clocks';
import { emptyWorkflow } from '../workflow/define';
import { PUBLICATION_CLOCKS, publicationClockFor } from './due';
import { entrySchema, INDEFINITE, type PublicationEntry } from './fields';
import type { EntryKind } from './kinds';

/** The decision types of the case register (core/contract/case.ts DECISION_TYPES). */
export type DecisionType = 'penalty' | 'noPenalty' | 'seizure' | 'release' | 'confiscation' | 'other';

/**
 * The entry kind of a decision: a penalty case's penalty or confiscation is a penalty (7 working days, 双公示 CF_*);
 * a coercion case's decisions (seizure, release, the goods decision) are coercive measures; anything else (a
 * decision not to penalise, another decision) is published as another enforcement result (20 working days).
 */
export function entryKindOfDecision(caseKind: CaseKind, type: DecisionType): EntryKind {
  if (caseKind === 'penalty' && (type === 'penalty' || type === 'confiscation')) return 'penalty';
  if (caseKind === 'coercion') return 'coercion';
  return 'inspection';
}

/** The date by which the decision's entry must be published (PUB-12): 7 working days for penalties and permits, else 20. */
export function publicationDueOf(calendar: Calendar, kind: EntryKind, decisionDate: string): string {
  // The same clock an entry starts on its decision date (draftState), so both due dates agree.
  const clock = publicationClockFor(kind);
  const wf = applyClocks(calendar, PUBLICATION_CLOCKS, emptyWorkflow(null), { start: [clock] }, decisionDate);
  return wf.clocks[clock]!.dueDate!;
}

/** 元 (a number, as the register stores amounts) as 万元 decimal text (the 双公示 unit), exact to the fen. */
export function yuanToWan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = Math.floor(fen / 1_000_000);
  const frac = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

export interface RegisterDecision {
  caseKind: CaseKind;
  cause: string;
  unitId: string;
  sectionId: string | null;
  /** The deciding unit's name (authority and data source). */
  unitName: string;
  /**
   * The deciding unit's 统一社会信用代码 from the organisation model (authority's and data source's codes,
   * CF_XZJG_TYSHXYDM / CF_SJLY_TYSHXYDM); null when not recorded: then the preparer fills it in (`missing`).
   */
  unitCreditCode: string | null;
  decision: {
    docNo: string;
    date: string;
    type: DecisionType;
    conclusion: string;
    amounts?: { fine?: number; confiscated?: number };
  };
  party: {
    kind: PartyKind;
    name: string;
    idKind: PartyIdKind;
    /** The opened (unsealed) number; null when the party has none or its key was erased. */
    idNo: string | null;
    legalRepresentative: string | null;
    address: string | null;
  };
  /** The display end the settings propose (公示截止期, CF_GSJZQ), YYYY-MM-DD. */
  publicityUntil: string;
}

export interface DecisionDraft {
  entry: PublicationEntry;
  /** What the preparer still has to fill in, by field path, with the schema's message. Empty: complete. */
  missing: Array<{ path: string; message: string }>;
}

const ORG_IDS: readonly PartyIdKind[] = ['uscc', 'regNo'];

function partyOf(p: RegisterDecision['party']): Record<string, unknown> {
  const id = p.idNo && p.idKind !== 'none' ? { kind: p.idKind, number: p.idNo } : undefined;
  const common = { name: p.name, ...(p.address ? { address: p.address } : {}) };
  if (p.kind === 'person' || p.kind === 'unregistered') {
    return { category: 'person', ...common, ...(id ? { personId: id } : {}) };
  }
  const org = id && ORG_IDS.includes(p.idKind);
  return {
    category: p.kind,
    ...common,
    ...(org && p.idKind === 'uscc' ? { creditCode: p.idNo } : {}),
    ...(org && p.idKind === 'regNo' ? { regNo: id } : {}),
    ...(p.legalRepresentative ? { legalRep: p.legalRepresentative } : {}),
    // An individual business registered by its operator's identity document: the operator's ID (CF_FR_ZJHM).
    ...(id && !org ? { legalRepId: id } : {}),
  };
}

/** The draft entry of a recorded decision, and what is still missing from it. */
export function draftFromDecision(d: RegisterDecision): DecisionDraft {
  const kind = entryKindOfDecision(d.caseKind, d.decision.type);
  const fine = d.decision.amounts?.fine;
  const confiscated = d.decision.amounts?.confiscated;
  const common = {
    kind,
    docNo: d.decision.docNo,
    decisionDate: d.decision.date,
    authority: d.unitName,
    authorityCode: d.unitCreditCode ?? '',
    sourceUnit: d.unitName,
    sourceUnitCode: d.unitCreditCode ?? '',
    unitId: d.unitId,
    sectionId: d.sectionId,
    party: partyOf(d.party),
  };
  let entry: Record<string, unknown>;
  if (kind === 'penalty') {
    const categories = [...(fine ? ['罚款'] : []), ...(confiscated ? ['没收违法所得'] : [])];
    entry = {
      ...common,
      violationType: d.cause,
      facts: '',
      basis: '',
      categories,
      content: d.decision.conclusion,
      ...(fine ? { fine: yuanToWan(fine) } : {}),
      ...(confiscated ? { confiscated: yuanToWan(confiscated) } : {}),
      validUntil: INDEFINITE,
      publicityUntil: d.publicityUntil,
    };
  } else {
    entry = {
      ...common,
      category: DECISION_CATEGORY[d.decision.type],
      conclusion: d.decision.conclusion,
      violationType: d.cause,
    };
  }
  const parsed = entrySchema.safeParse(entry);
  const missing = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { entry: entry as PublicationEntry, missing };
}

/** The category (类别) of a non-penalty result, from the decision type. */
const DECISION_CATEGORY: Record<DecisionType, string> = {
  penalty: '行政处罚',
  noPenalty: '不予行政处罚',
  seizure: '查封、扣押',
  release: '解除查封、扣押',
  confiscation: '没收',
  other: '其他决定',
};
