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
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { commissionOf } from '../../org/resolvers';
import { getUnit } from '../../org/units';
import { hashText } from '../../platform/crypto';
import { handle } from '../../router/types';
import { currentSettings } from '../../settings';
import { toShanghaiDate } from '../../../core/calendar';
import { PREPARING_ROLES } from '../../../core/publication/workflow';
import { decisionForPublication, decisionsAwaitingEntryFor, linkDecisionWrite } from '../case';
import { actorOf, loadEntry } from './access';
import { assertMayPrepareFor, draftState } from './create';
import { sealEntry } from './sealing';
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

  const [unit, settings, calendar, approvalUnitId] = await Promise.all([
    getUnit(call.db, kase.unitId),
    currentSettings(call.db, call.now),
    loadCalendar(call.db),
    commissionOf(call.db, kase.unitId),
  ]);
  // The display end proposed from the legal settings (general tier's longest period, from the decision date).
  const months = settings.values.displayPeriods.general.maxMonths;
  const draft = draftFromDecision({
    caseKind: kase.kind,
    cause: kase.cause,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    unitName: unit?.name ?? '',
    unitCreditCode: unit?.creditCode ?? null,
    decision,
    party,
    publicityUntil: calendar.addMonths(decision.date, months).date,
  });
  const draftOf = {
    ...draftState({
      staff: call.staff!,
      entry: draft.entry,
      id,
      now: call.now,
      source: { via: 'decision', caseId: kase._id },
      calendar,
      approvalUnitId,
    }),
    fromDecision: { caseId: kase._id, caseNo: kase.caseNo, docNo: decision.docNo },
    missing: draft.missing,
  };
  // The party's identifiers opened from the register are sealed again under the entry's own key (sealing.ts).
  const state = await sealEntry(call.db, id, draftOf, call.now);
  try {
    await commitChange(call.db, {
      actor: actorOf(call.staff!).ref,
      action: 'publication.create',
      at: call.now,
      entities: [
        { collection: ENTRIES_COLLECTION, id, expectedRev: null, state },
        await linkDecisionWrite(call.db, kase._id, decision.docNo, id, call.now),
      ],
    });
  } catch (err) {
    // Two preparers at once: whoever lost the race gets the draft the other made (else the CONFLICT stands).
    const other = err instanceof AppError && err.code === 'CONFLICT' ? await loadEntry(call.db, id) : null;
    if (!other) throw err;
    return answerOf(other);
  }
  return answerOf({ _id: id, ...state });
});

/**
 * The preparer's worklist: decisions of the cases they see with no entry yet, earliest due first, each with its
 * status on today (the same due date the dashboard lists).
 */
const publicationDecisionQueue = handle(decl.publicationDecisionQueue, async (_input, call) => {
  const found = await decisionsAwaitingEntryFor(call, PREPARING_ROLES, decl.MAX_PENDING_DECISIONS);
  const calendar = found.items.length ? await loadCalendar(call.db) : null;
  const today = toShanghaiDate(call.now);
  return {
    items: found.items.map((d) => ({ ...d, status: calendar!.dueStatus(d.dueDate, today).value })),
    truncated: found.truncated,
  };
});

export const publicationFromDecisionActions = {
  'publication.fromDecision': publicationFromDecision,
  'publication.decisionQueue': publicationDecisionQueue,
};
