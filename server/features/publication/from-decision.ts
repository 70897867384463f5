/**
 * `publication.fromDecision` (PUB-6, PUB-10, PUB-12; seed publicity Art. 15, 24): a draft entry made from a decision
 * recorded in the case register. The register fills in what it holds (core/publication/from-decision.ts: kind from
 * the case kind and decision type, document number, date, the party as registered with its identifier opened,
 * the cause as violation type, the decision as content or conclusion, amounts in 万元, the deciding unit and
 * section, a display end from the legal settings); the rest is answered as `missing` and submit refuses the entry
 * until `publication.edit` completed it. The entry and the decision are linked both ways in one transaction (the
 * entry's `fromDecision`, the decision's `publication.entryId`), which takes the decision off the dashboard's
 * "decisions without an entry" row. The entry's id derives from the case and document number: a retry, or a second
 * preparer, gets the same draft.
 */
import * as decl from '../../../core/contract/publication';
import { draftFromDecision } from '../../../core/publication/from-decision';
import { loadCalendar } from '../../calendar';
import { commitChange } from '../../ledger/commit';
import { getUnit } from '../../org/units';
import { hashText } from '../../platform/crypto';
import { handle } from '../../router/types';
import { currentSettings } from '../../settings';
import { decisionForPublication, linkDecisionWrite } from '../case';
import { actorOf, loadEntry } from './access';
import { assertMayPrepareFor, draftState } from './create';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

const answerOf = (r: Pick<EntryRecord, '_id' | 'status' | 'withheld' | 'missing'>) => ({
  id: r._id,
  status: r.status,
  withheld: r.withheld,
  missing: r.missing ?? [],
});

const publicationFromDecision = handle(decl.publicationFromDecision, async (input, call) => {
  const { kase, decision, party } = await decisionForPublication(call, input.caseId, input.docNo);
  await assertMayPrepareFor(call.db, call.staff!, kase.unitId, kase.sectionId);
  const id = `pub_${hashText(`decision\u0000${kase._id}\u0000${decision.docNo}`).slice(0, 20)}`;
  const made = await loadEntry(call.db, decision.publication?.entryId ?? id);
  if (made) return answerOf(made);

  const [unit, settings, calendar] = await Promise.all([
    getUnit(call.db, kase.unitId),
    currentSettings(call.db, call.now),
    loadCalendar(call.db),
  ]);
  // The display end proposed from the legal settings (general tier's longest period, from the decision date).
  const months = settings.values.displayPeriods.general.maxMonths;
  const draft = draftFromDecision({
    caseKind: kase.kind,
    cause: kase.cause,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    unitName: unit?.name ?? '',
    decision,
    party,
    publicityUntil: calendar.addMonths(decision.date, months).date,
  });
  const state = {
    ...draftState({
      staff: call.staff!,
      entry: draft.entry,
      id,
      now: call.now,
      source: { via: 'decision', caseId: kase._id },
      calendar,
    }),
    fromDecision: { caseId: kase._id, caseNo: kase.caseNo, docNo: decision.docNo },
    missing: draft.missing,
  };
  await commitChange(call.db, {
    actor: actorOf(call.staff!).ref,
    action: 'publication.create',
    at: call.now,
    entities: [
      { collection: ENTRIES_COLLECTION, id, expectedRev: null, state },
      await linkDecisionWrite(call.db, kase._id, decision.docNo, id, call.now),
    ],
  });
  return answerOf({ _id: id, ...state });
});

export const publicationFromDecisionActions = { 'publication.fromDecision': publicationFromDecision };
