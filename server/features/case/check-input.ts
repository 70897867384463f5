/**
 * What the automatic checks (core/case/checks.ts, REC-4, 6, 7, 8, 16) read of a stored case: its stages with act
 * and recording times, its records, the decision with the prior notice and the statement period (行政处罚法
 * Art. 62), and a coercive measure's approval (行政强制法 Art. 18, 19). Pure.
 */
import type { CaseCheckInput, CheckRecord } from '../../../core/case/checks';
import { ALL_CASE_STAGES, type CaseStage } from '../../../core/case/stages';
import { FIRST_STAGE } from '../../../core/case/workflow';
import type { CaseDoc, RecordDoc } from './model';

/** The case's stage acts, oldest first: the opening (in its kind's first stage) and every move to a stage. */
export function stageActs(kase: CaseDoc): Array<{ stage: CaseStage; actedAt: string; recordedAt: string }> {
  return kase._wf.acts.flatMap((a) =>
    a.step === 'open'
      ? [{ stage: FIRST_STAGE[kase.kind], actedAt: a.actedAt, recordedAt: a.recordedAt }]
      : (ALL_CASE_STAGES as readonly string[]).includes(a.step)
        ? [{ stage: a.step as CaseStage, actedAt: a.actedAt, recordedAt: a.recordedAt }]
        : [],
  );
}

function checkRecord(r: RecordDoc): CheckRecord {
  const base: CheckRecord = { id: r._id, type: r.type };
  if (r.document)
    Object.assign(base, {
      docType: r.document.docType,
      docTimes: r.document.docTimes,
      signed: r.document.signed,
      blankItems: r.document.blankItems ?? [],
      ...(r.document.service ? { service: r.document.service } : {}),
    });
  if (r.av)
    Object.assign(base, {
      avStart: r.av.start,
      avEnd: r.av.end,
      act: r.av.act,
      interruptions: (r.av.interruptions ?? []).map((i) => ({ at: i.at, explanation: i.explanation })),
    });
  return base;
}

export function checkInputOf(kase: CaseDoc, records: RecordDoc[]): CaseCheckInput {
  const stages = stageActs(kase).map((a) => ({
    stage: a.stage,
    actedAt: a.actedAt,
    recordedAt: a.recordedAt,
  }));
  const actedAt = (stage: string) => stages.find((s) => s.stage === stage)?.actedAt;
  const input: CaseCheckInput = { kind: kase.kind, stages, records: records.map(checkRecord) };
  const decision = kase.decisions.find((d) => d.stage === 'decision');
  if (decision)
    input.decision = {
      date: decision.date,
      // Served: the prior notice's registered service, else the time of the prior-notice stage.
      priorNoticeServedAt:
        records.find((r) => r.document?.docType === 'priorNotice' && r.document.service)?.document!.service!
          .at ?? actedAt('priorNotice'),
      statementPeriodEndsAt: kase.statement?.periodEndsAt,
      partyStated: kase.statement?.partyStated,
      waiverInWriting: kase.statement?.waiverInWriting,
    };
  // A hearing held (行政处罚法 Art. 64) shows as the decision clock paused for it, or as a 听证笔录 registered.
  const hearingHeld =
    (kase.clockNotes ?? []).some((n) => n.op === 'pause' && n.pauseReason === 'hearing') ||
    records.some((r) => r.document?.docType === 'hearingRecord');
  if (hearingHeld) input.hearingHeld = true;
  if (kase.kind === 'coercion')
    input.coercion = {
      approvedAt: actedAt('approval'),
      emergency: kase.emergency,
      measureAt: actedAt('measure'),
    };
  return input;
}
