/**
 * The case register's side of publication (PUB-6, PUB-10, PUB-12, PUB-15; seed publicity Art. 24): a recorded
 * decision stores when its entry is due (7 working days after the decision for penalties and permits, 20 for the
 * rest: core/publication/from-decision.ts), and the case stores the earliest such date among its decisions that have
 * no entry yet (`publicationDue`, indexed with the unit: deploy/database.json), so the dashboard reads by index only
 * the cases with a decision still unpublished by the due-soon horizon. The publication feature reads a decision and
 * links its entry only through the functions here (the case's collections stay this feature's).
 */
import type { Calendar } from '../../../core/calendar/calendar';
import type { CaseKind } from '../../../core/case/stages';
import { entryKindOfDecision, publicationDueOf } from '../../../core/publication/from-decision';
import { AppError } from '../../errors';
import type { EntityWrite } from '../../ledger/commit';
import type { Database } from '../../platform/cloudbase';
import { getDoc, rowsOf, stateOf } from '../../platform/docs';
import { openPersonalData } from '../../privacy';
import type { Call } from '../../router/types';
import { seesCase } from '../../../core/case/workflow';
import { caseActor, loadCase } from './access';
import {
  CASES_COLLECTION,
  partySealRef,
  setFailures,
  type CaseDoc,
  type DecisionPublication,
  type PartyDoc,
  type StoredDecision,
} from './model';
import { getParty } from './parties';

/** The publication due date of a decision being recorded in a case of `caseKind`. */
export function decisionPublication(
  calendar: Calendar,
  caseKind: CaseKind,
  decision: Pick<StoredDecision, 'type' | 'date'>,
): DecisionPublication {
  const kind = entryKindOfDecision(caseKind, decision.type);
  return { kind, dueDate: publicationDueOf(calendar, kind, decision.date), entryId: null };
}

/** The earliest due date among the decisions with no entry yet, or null (nothing to publish). */
export function publicationDueOfCase(decisions: readonly StoredDecision[]): string | null {
  const open = decisions
    .map((d) => d.publication)
    .filter((p): p is DecisionPublication => !!p && !p.entryId)
    .map((p) => p.dueDate)
    .sort();
  return open[0] ?? null;
}

export interface DecisionForPublication {
  kase: Pick<CaseDoc, '_id' | '_rev' | 'caseNo' | 'kind' | 'cause' | 'unitId' | 'sectionId'>;
  decision: StoredDecision;
  party: Pick<PartyDoc, 'kind' | 'name' | 'idKind' | 'legalRepresentative' | 'address'> & {
    /** The opened number; null when the party has none or its key was erased. */
    idNo: string | null;
  };
}

/**
 * A decision of a case the caller may see (NOT_FOUND otherwise), with its party as registered and the party's
 * identifier opened (it goes into the entry sealed again: server/features/publication/sealing.ts).
 */
export async function decisionForPublication(
  call: Call,
  caseId: string,
  docNo: string,
): Promise<DecisionForPublication> {
  const kase = await loadCase(call, caseId);
  const decision = kase.decisions.find((d) => d.docNo === docNo);
  if (!decision) throw new AppError('NOT_FOUND', '该案件没有此文号的决定');
  const party = await getParty(call.db, kase.partyId);
  if (!party) throw new AppError('NOT_FOUND', '未找到该案件的当事人');
  const opened = party.idSealed
    ? await openPersonalData<{ idNo: string }>(call.db, partySealRef(party._id), party.idSealed)
    : null;
  return {
    kase,
    decision,
    party: {
      kind: party.kind,
      name: party.name,
      idKind: party.idKind,
      legalRepresentative: party.legalRepresentative,
      address: party.address,
      idNo: opened?.idNo ?? null,
    },
  };
}

/**
 * The case's write that links its decision to the entry made from it (both ways: the entry names the case and the
 * document number), so the decision leaves the dashboard: committed in the entry's own transaction. A decision
 * already linked to another entry is refused.
 */
export async function linkDecisionWrite(
  db: Database,
  caseId: string,
  docNo: string,
  entryId: string,
  now: Date,
): Promise<EntityWrite> {
  const kase = await getDoc<CaseDoc>(db, CASES_COLLECTION, caseId);
  if (!kase) throw new AppError('NOT_FOUND', '未找到该案件');
  const decisions = kase.decisions.map((d) => {
    if (d.docNo !== docNo) return d;
    if (d.publication?.entryId && d.publication.entryId !== entryId) {
      throw new AppError('CONFLICT', '该决定已制作公示条目');
    }
    // A decision recorded before due dates were stored (or imported) has none: it only gets its entry.
    const kind = d.publication?.kind ?? entryKindOfDecision(kase.kind, d.type);
    return { ...d, publication: { kind, dueDate: d.publication?.dueDate ?? d.date, entryId } };
  }) as StoredDecision[];
  const state = {
    ...stateOf(kase),
    decisions,
    publicationDue: publicationDueOfCase(decisions),
    updatedAt: now,
  };
  setFailures(state, null, kase._id, now); // a change: a case with failures moves up the dashboard's list
  return { collection: CASES_COLLECTION, id: kase._id, expectedRev: kase._rev, state };
}

export interface UnpublishedDecision {
  caseId: string;
  caseNo: string;
  unitId: string;
  sectionId: string;
  docNo: string;
  decisionDate: string;
  kind: DecisionPublication['kind'];
  dueDate: string;
}

/**
 * Decisions with no entry due by `horizon` in `unitId`, earliest first: read by the indexed `unitId,
 * publicationDue` (at most `cap` cases; `truncated` when more are due). `visible` keeps only the cases a caller sees.
 */
export async function decisionsAwaitingPublication(
  db: Database,
  unitId: string,
  horizon: string,
  cap: number,
  visible: (c: CaseDoc) => boolean = () => true,
): Promise<{ items: UnpublishedDecision[]; truncated: boolean }> {
  const _ = db.command;
  const rows = rowsOf<CaseDoc>(
    await db
      .collection(CASES_COLLECTION)
      .where({ unitId, publicationDue: _.lte(horizon) })
      .orderBy('publicationDue', 'asc')
      .limit(cap + 1)
      .get(),
  );
  const items: UnpublishedDecision[] = [];
  for (const c of rows.slice(0, cap)) {
    if (!visible(c)) continue;
    for (const d of c.decisions) {
      if (!d.publication || d.publication.entryId || d.publication.dueDate > horizon) continue;
      items.push({
        caseId: c._id,
        caseNo: c.caseNo,
        unitId: c.unitId,
        sectionId: c.sectionId,
        docNo: d.docNo,
        decisionDate: d.date,
        kind: d.publication.kind,
        dueDate: d.publication.dueDate,
      });
    }
  }
  return { items, truncated: rows.length > cap };
}

/** No due date is later than this: every decision with no entry, whatever its due date. */
const ANY_DUE = '9999-12-31';

/**
 * The caller's worklist (PUB-6): decisions with no entry yet in the cases the caller sees (an officer: the cases
 * they are on), in every unit where they hold `roles`, earliest due first, at most `cap` cases per unit.
 */
export async function decisionsAwaitingEntryFor(
  call: Call,
  roles: readonly string[],
  cap: number,
): Promise<{ items: UnpublishedDecision[]; truncated: boolean }> {
  const actor = caseActor(call.staff!);
  const units = [...new Set(call.staff!.roles.filter((g) => roles.includes(g.role)).map((g) => g.unitId))];
  const items: UnpublishedDecision[] = [];
  let truncated = false;
  for (const unitId of units) {
    const found = await decisionsAwaitingPublication(call.db, unitId, ANY_DUE, cap, (c) =>
      seesCase(actor, c),
    );
    items.push(...found.items);
    truncated ||= found.truncated;
  }
  items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return { items, truncated };
}
