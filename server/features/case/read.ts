/**
 * Reads of the case register: `case.get` (stages with act and recording times, decisions, records with hashes,
 * clocks, the stages the caller may move to, and the case's electronic service asked of the service module through
 * its port, server/features/service/case-register.ts), `case.list` (the caller's own cases, or the cases of the sections a
 * leader's role reaches), `case.check` (the automatic checks' findings, core/case/checks.ts) and `party.find`
 * (a party by its ID number through the blind index, with all its cases and records the caller may see: seed
 * Art. 20). Nothing here decrypts a party's number.
 */
import { toShanghaiDate, type Calendar } from '../../../core/calendar';
import { checkCase } from '../../../core/case/checks';
import { loadCalendar } from '../../calendar';
import { CASE_KIND_LABELS, CASE_STAGE_LABELS } from '../../../core/case/stages';
import { CASE_WORKFLOW, nextStagesOf, seesCase } from '../../../core/case/workflow';
import * as decl from '../../../core/contract/case';
import type { CaseListItem, CaseView } from '../../../core/contract/case';
import { refusalOf } from '../../../core/workflow/define';
import { roleScope } from '../../../core/org/scope';
import { AppError } from '../../errors';
import { rowsOf } from '../../platform/docs';
import { keysetPage } from '../../platform/paging';
import { handle } from '../../router/types';
import { caseActor, loadCase } from './access';
import { clockViews } from './advance';
import { checkInputOf, stageActs } from './check-input';
import { CASES_COLLECTION, RECORDS_COLLECTION, type CaseDoc, type RecordDoc } from './model';
import { MAX_RECORDS, recordsOfCase } from './repository';
import { findPartyByNumber, getParty, partyView } from './parties';
import { recordView } from './records';
import { serviceEventsOfCase } from '../service';

/** Working days from today to `date` (negative when past), by the calendar; null without a date. */
function workingDaysTo(calendar: Calendar | null, now: Date, date: string | null): number | null {
  if (!calendar || !date) return null;
  return calendar.countWorkingDays(toShanghaiDate(now), date).value;
}

export function listItem(c: CaseDoc, calendar: Calendar | null = null, now = new Date()): CaseListItem {
  return {
    id: c._id,
    caseNo: c.caseNo,
    kind: c.kind,
    kindLabel: CASE_KIND_LABELS[c.kind],
    cause: c.cause,
    partyName: c.partyName,
    stage: c.stage,
    stageLabel: CASE_STAGE_LABELS[c.stage],
    openedAt: new Date(c.openedAt).toISOString(),
    nextDue: c._wf.nextDue,
    nextDueWorkingDaysLeft: workingDaysTo(calendar, now, c._wf.nextDue),
    openFailures: c.openFailures ?? null,
    pendingHandovers: c.pendingHandovers?.length ?? 0,
  };
}

const caseGet = handle(decl.caseGet, async (input, call) => {
  const kase = await loadCase(call, input.id);
  // The caller sees the case (loadCase): its electronic service is part of its register (REC-7, REC-16).
  const [party, records, services] = await Promise.all([
    getParty(call.db, kase.partyId),
    recordsOfCase(call.db, kase._id),
    serviceEventsOfCase(call.db, kase._id),
  ]);
  const actor = caseActor(call.staff!);
  const calendar = await loadCalendar(call.db);
  const view: CaseView = {
    ...listItem(kase, calendar, call.now),
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    party: party
      ? partyView(party)
      : {
          id: kase.partyId,
          kind: 'unregistered',
          name: kase.partyName,
          idKind: 'none',
          idMasked: null,
          legalRepresentative: null,
        },
    officers: kase.officers.map((o) => ({ certNo: o.certNo, name: o.name })),
    complaintId: kase.complaintId,
    emergency: kase.emergency,
    stages: stageActs(kase).map((s) => ({ ...s, label: CASE_STAGE_LABELS[s.stage] })),
    decisions: kase.decisions.map((d) => ({ ...d, recordedAt: new Date(d.recordedAt).toISOString() })),
    records: records.map(recordView),
    clocks: clockViews(kase).map((c) => ({
      ...c,
      workingDaysLeft: c.stoppedOn ? null : workingDaysTo(calendar, call.now, c.dueDate),
    })),
    nextStages: nextStagesOf(kase)
      .filter((s) => refusalOf(CASE_WORKFLOW, actor, kase, s) === null)
      .map((s) => ({ stage: s, label: CASE_STAGE_LABELS[s] })),
    services,
  };
  return view;
});

const CURSOR = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z_case_[0-9a-f]{24}$/;

const caseList = handle(decl.caseList, async (input, call) => {
  const staff = call.staff!;
  if (input.cursor !== undefined && !CURSOR.test(input.cursor))
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页标记无效，请从第一页重新加载' });
  // Leaders, the custodian and legal audit list what their role reaches in the unit asked for (default: their own
  // unit, else the first where they hold such a role; legal audit sits in the commission and audits both bodies);
  // an officer lists the cases they are on.
  const overseeing = ['reviewer', 'principal', 'custodian', 'auditor'] as const;
  const units = input.unitId ? [input.unitId] : [staff.unitId, ...staff.roles.map((g) => g.unitId)];
  const unitId = units.find((u) =>
    staff.roles.some((g) => g.unitId === u && overseeing.some((r) => r === g.role)),
  );
  const scope = unitId ? roleScope(staff, [...overseeing], unitId) : { wholeUnit: false, sectionIds: [] };
  const _ = call.db.command;
  const filter: Record<string, unknown> =
    input.mine || !unitId || (!scope.wholeUnit && scope.sectionIds.length === 0)
      ? { officerStaffIds: staff.staffId }
      : scope.wholeUnit
        ? { unitId }
        : { unitId, sectionId: _.in(scope.sectionIds) };
  if (input.stage) filter.stage = input.stage;
  const page = await keysetPage<CaseDoc>(call.db, {
    collection: CASES_COLLECTION,
    filter,
    key: 'sortKey',
    order: 'desc',
    cursor: input.cursor,
    pageSize: input.pageSize ?? 20,
  });
  const calendar = await loadCalendar(call.db);
  return { ...page, items: page.items.map((c) => listItem(c, calendar, call.now)) };
});

const caseCheckAction = handle(decl.caseCheck, async (input, call) => {
  const kase = await loadCase(call, input.id);
  const findings = checkCase(checkInputOf(kase, await recordsOfCase(call.db, kase._id)));
  return {
    id: kase._id,
    findings,
    failures: findings.filter((f) => f.level === 'failure').length,
    warnings: findings.filter((f) => f.level === 'warning').length,
  };
});

const partyFind = handle(decl.partyFind, async (input, call) => {
  const party = input.partyId
    ? await getParty(call.db, input.partyId)
    : await findPartyByNumber(call.db, input.idKind!, input.idNo!);
  if (!party) throw new AppError('NOT_FOUND', '未找到该当事人');
  const actor = caseActor(call.staff!);
  const cases = rowsOf<CaseDoc>(
    await call.db
      .collection(CASES_COLLECTION)
      .where({ partyId: party._id })
      .orderBy('sortKey', 'desc')
      .limit(100)
      .get(),
  ).filter((c) => seesCase(actor, c));
  // A party whose cases the caller may not see does not exist for them (REC-14).
  if (cases.length === 0) throw new AppError('NOT_FOUND', '未找到该当事人');
  const visible = new Set(cases.map((c) => c._id));
  const records = rowsOf<RecordDoc>(
    await call.db
      .collection(RECORDS_COLLECTION)
      .where({ partyId: party._id })
      .orderBy('sortKey', 'desc')
      .limit(MAX_RECORDS)
      .get(),
  ).filter((r) => visible.has(r.caseId));
  return { party: partyView(party), cases: cases.map((c) => listItem(c)), records: records.map(recordView) };
});

export const caseReadActions = {
  'case.get': caseGet,
  'case.list': caseList,
  'case.check': caseCheckAction,
  'party.find': partyFind,
};
