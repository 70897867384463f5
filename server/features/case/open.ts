/**
 * `staff` `case.open` (REC-1, docs/cases.md): a case of a kind, with its case number, cause, party and at least
 * two officers from the officer register whose certificates were valid on the day the case was opened
 * (行政处罚法 Art. 42, 55). A penalty case starts its 90-day decision clock (Art. 60). A report (举报) that leads to
 * the case is linked to it: the complaint's own case-decision step is taken with the case in one transaction,
 * which records 立案 on the report and starts the real-name reporter's feedback clock.
 */
import { STAGE_CLOCK_EFFECTS } from '../../../core/case/limits';
import type { CaseKind } from '../../../core/case/stages';
import { CASE_LEAD_ROLES, CASE_WORKFLOW, FIRST_STAGE } from '../../../core/case/workflow';
import * as decl from '../../../core/contract/case';
import { toShanghaiDate } from '../../../core/calendar';
import { isCertificateValid } from '../../../core/officer/status';
import { holdsFor } from '../../../core/org/scope';
import { applyClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow, type WorkflowFields } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { commitChange, type EntityWrite } from '../../ledger/commit';
import { getSection } from '../../org/units';
import { handle, type Call } from '../../router/types';
import { decideReportCase } from '../complaint';
import { findOfficerByCertNo } from '../officer/repository';
import { caseActor } from './access';
import {
  CASES_COLLECTION,
  caseIdOf,
  setFailures,
  sortKeyOf,
  type CaseOfficer,
  type CaseState,
} from './model';
import { getParty, resolveParty } from './parties';
import { failuresOf } from './repository';

const MAX_BACKDATE_DAYS = 30;

function openedAtOf(input: { openedAt?: string }, now: Date): Date {
  if (!input.openedAt) return now;
  const at = new Date(input.openedAt);
  if (at.getTime() > now.getTime() + 60_000)
    throw new AppError('INVALID_INPUT', undefined, { 'payload.openedAt': '立案（开始）时间不能晚于现在' });
  if (now.getTime() - at.getTime() > MAX_BACKDATE_DAYS * 86_400_000)
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.openedAt': `立案（开始）时间不能早于 ${MAX_BACKDATE_DAYS} 天前`,
    });
  return at;
}

/**
 * A new case's workflow fields: the opening act at the time it happened, and the first stage's clocks
 * (core/case/limits.ts: a penalty case is decided within 90 days of opening, 行政处罚法 Art. 60). Opening a case
 * and importing one both start here.
 */
export async function openingWorkflow(
  call: Call,
  actorRef: string,
  kind: CaseKind,
  openedAt: Date,
): Promise<WorkflowFields> {
  const calendar = await loadCalendar(call.db);
  const wf = emptyWorkflow();
  wf.acts = [
    {
      step: 'open',
      actor: actorRef,
      round: 1,
      actedAt: openedAt.toISOString(),
      recordedAt: call.now.toISOString(),
      settingsVersion: null,
    },
  ];
  const firstClocks = STAGE_CLOCK_EFFECTS[kind][FIRST_STAGE[kind]];
  if (firstClocks) {
    Object.assign(
      wf,
      applyClocks(calendar, CASE_WORKFLOW.clocks!, wf, firstClocks, toShanghaiDate(openedAt)),
    );
  }
  return wf;
}

/** The officers named, each in the register, of the case's unit, and with a certificate valid on the day. */
async function officersOf(call: Call, certNos: string[], unitId: string, on: Date): Promise<CaseOfficer[]> {
  const out: CaseOfficer[] = [];
  const refused: Record<string, string> = {};
  for (const [i, certNo] of certNos.entries()) {
    const o = await findOfficerByCertNo(call.db, certNo);
    if (!o || o.unitId !== unitId)
      refused[`payload.officers.${i}`] = `执法证号 ${certNo} 不在本单位的执法人员名册中`;
    else if (!isCertificateValid(o, on))
      refused[`payload.officers.${i}`] = `${o.name}的执法证在立案当日不在有效期内或已被暂扣、吊销`;
    else out.push({ officerId: o._id, certNo: o.certNo, name: o.name, staffId: o.staffId });
  }
  if (Object.keys(refused).length) throw new AppError('INVALID_INPUT', undefined, refused);
  return out;
}

const caseOpen = handle(decl.caseOpen, async (input, call) => {
  const staff = call.staff!;
  const unitId = staff.unitId;
  const sectionId = input.sectionId ?? staff.sectionId;
  if (!sectionId) throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '请选择承办科室' });
  const section = await getSection(call.db, sectionId);
  if (!section || section.unitId !== unitId)
    throw new AppError('INVALID_INPUT', undefined, { 'payload.sectionId': '承办科室不属于本单位' });
  const actor = caseActor(staff);
  const leads = holdsFor(actor, CASE_LEAD_ROLES, unitId, [sectionId]);
  if (!leads && !holdsFor(actor, ['officer'], unitId, [sectionId]))
    throw new AppError('FORBIDDEN', '只有本单位执法人员或其领导可以立案');

  const openedAt = openedAtOf(input, call.now);
  const officers = await officersOf(call, input.officers, unitId, openedAt);
  const officerStaffIds = officers.flatMap((o) => (o.staffId ? [o.staffId] : []));
  if (!leads && !officerStaffIds.includes(staff.staffId))
    throw new AppError('FORBIDDEN', '立案人须是本案执法人员之一');

  const party = input.partyId
    ? await getParty(call.db, input.partyId).then((p) => {
        if (!p) throw new AppError('INVALID_INPUT', undefined, { 'payload.partyId': '未找到该当事人' });
        return { party: p, id: p._id, name: p.name, write: null };
      })
    : await resolveParty(call, input.party!);

  const id = caseIdOf(unitId, input.caseNo);
  const wf = await openingWorkflow(call, actor.ref, input.kind, openedAt);
  const state: CaseState = {
    caseNo: input.caseNo,
    kind: input.kind,
    stage: FIRST_STAGE[input.kind],
    cause: input.cause,
    unitId,
    sectionId,
    partyId: party.id,
    partyName: party.name,
    officers,
    officerStaffIds,
    openedAt,
    complaintId: input.complaintId ?? null,
    emergency: input.emergency ?? false,
    decisions: [],
    statement: null,
    pendingHandovers: [],
    sortKey: sortKeyOf(openedAt, id),
    _wf: wf,
    createdAt: call.now,
    updatedAt: call.now,
  };
  // What the checks find already (e.g. a coercive measure has no recording yet); recomputed with every step.
  setFailures(state, failuresOf({ ...state, _id: id, _rev: 0 }, [], null), id, call.now);
  const writes: EntityWrite[] = [
    {
      collection: CASES_COLLECTION,
      id,
      expectedRev: null,
      state: state as unknown as Record<string, unknown>,
    },
    ...(party.write ? [party.write] : []),
  ];
  try {
    if (input.complaintId) {
      // The report's own step, with the case in the same transaction (its refusal is the complaint's).
      await decideReportCase(
        call,
        input.complaintId,
        { caseOpened: true, caseId: id, note: `已立案：${input.caseNo}` },
        writes,
      );
    } else {
      await commitChange(call.db, {
        actor: actor.ref,
        action: 'case.open',
        at: call.now,
        actedAt: openedAt,
        entities: writes,
      });
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT' && err.toBody().message === '记录已存在')
      throw new AppError('CONFLICT', '该案号已经登记，请核对案号');
    throw err;
  }
  return { id, caseNo: input.caseNo, partyId: party.id, stage: state.stage };
});

export const caseOpenActions = { 'case.open': caseOpen };
