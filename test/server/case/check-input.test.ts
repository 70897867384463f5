/**
 * What the automatic checks are given of a stored case (server/features/case/check-input.ts; REC-4, REC-7, REC-8):
 * its stages with act and recording times, each record's document and AV facts, the decision with the prior notice
 * served and the statement period (行政处罚法 Art. 62), a coercive measure's approval and measure times.
 */
import { checkInputOf } from '../../../server/features/case/check-input';
import type { CaseDoc, RecordDoc } from '../../../server/features/case/model';
import { emptyWorkflow } from '../../../core/workflow/define';

const act = (step: string, actedAt: string) => ({
  step,
  actor: 'a',
  round: 1,
  actedAt,
  recordedAt: '2026-11-30T12:00:00.000Z',
  settingsVersion: null,
});

function kase(over: Partial<CaseDoc>): CaseDoc {
  return {
    _id: 'case_1',
    _rev: 1,
    kind: 'penalty',
    stage: 'decision',
    decisions: [],
    statement: null,
    emergency: false,
    _wf: emptyWorkflow(),
    ...over,
  } as CaseDoc;
}

it('gives the stages, the decision with its prior notice and statement period, and the records', () => {
  const wf = emptyWorkflow();
  wf.acts = [
    act('open', '2026-11-01T01:00:00.000Z'),
    act('registerRecord', '2026-11-02T01:00:00.000Z'),
    act('priorNotice', '2026-11-10T01:00:00.000Z'),
    act('decision', '2026-11-20T01:00:00.000Z'),
  ];
  const c = kase({
    _wf: wf,
    statement: { periodEndsAt: '2026-11-15T16:00:00.000Z', partyStated: false, waiverInWriting: true },
    decisions: [
      {
        stage: 'decision',
        docNo: 'X',
        date: '2026-11-20',
        type: 'penalty',
        conclusion: '警告',
        recordedAt: new Date(),
      },
    ],
  });
  const record = {
    _id: 'rec_1',
    type: 'av',
    av: {
      act: 'questioning',
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-02T01:00:00.000Z',
      interruptions: [{ at: '2026-11-02T00:30:00.000Z' }],
    },
    document: null,
  } as unknown as RecordDoc;
  const input = checkInputOf(c, [record]);
  expect(input.stages.map((s) => s.stage)).toEqual(['opened', 'priorNotice', 'decision']);
  expect(input.decision).toEqual({
    date: '2026-11-20',
    priorNoticeServedAt: '2026-11-10T01:00:00.000Z',
    statementPeriodEndsAt: '2026-11-15T16:00:00.000Z',
    partyStated: false,
    waiverInWriting: true,
  });
  expect(input.records).toEqual([
    {
      id: 'rec_1',
      type: 'av',
      act: 'questioning',
      avStart: '2026-11-02T00:00:00.000Z',
      avEnd: '2026-11-02T01:00:00.000Z',
      interruptions: [{ at: '2026-11-02T00:30:00.000Z', explanation: undefined }],
    },
  ]);
});

it('gives a coercive measure’s approval and measure times, and whether it was an emergency', () => {
  const wf = emptyWorkflow();
  wf.acts = [
    act('open', '2026-11-01T01:00:00.000Z'),
    act('measure', '2026-11-01T02:00:00.000Z'),
    act('approval', '2026-11-01T20:00:00.000Z'),
  ];
  const input = checkInputOf(kase({ kind: 'coercion', stage: 'approval', emergency: true, _wf: wf }), []);
  expect(input.coercion).toEqual({
    approvedAt: '2026-11-01T20:00:00.000Z',
    emergency: true,
    measureAt: '2026-11-01T02:00:00.000Z',
  });
  expect(input.decision).toBeUndefined();
});

it('takes the prior notice as served at its registered service, and a hearing as held from a hearing pause (Art. 62, 64)', () => {
  const wf = emptyWorkflow();
  wf.acts = [act('open', '2026-11-01T01:00:00.000Z'), act('priorNotice', '2026-11-10T01:00:00.000Z')];
  const c = kase({
    _wf: wf,
    decisions: [
      {
        stage: 'decision',
        docNo: 'X',
        date: '2026-11-20',
        type: 'penalty',
        conclusion: '警告',
        recordedAt: new Date(),
      },
    ],
    clockNotes: [
      {
        clock: 'decision',
        op: 'pause',
        reason: '听证',
        pauseReason: 'hearing',
        days: null,
        by: 's',
        at: new Date(),
      },
    ],
  });
  const notice = {
    _id: 'rec_2',
    type: 'document',
    document: {
      docType: 'priorNotice',
      docTimes: [],
      signed: true,
      service: { at: '2026-11-11T02:00:00.000Z', method: 'direct' },
    },
    av: null,
  } as unknown as RecordDoc;
  const input = checkInputOf(c, [notice]);
  expect(input.decision?.priorNoticeServedAt).toBe('2026-11-11T02:00:00.000Z');
  expect(input.hearingHeld).toBe(true);
  expect(input.records[0]).toMatchObject({ service: { at: '2026-11-11T02:00:00.000Z', method: 'direct' } });
  expect(checkInputOf(kase({ _wf: wf }), []).hearingHeld).toBeUndefined();
});
