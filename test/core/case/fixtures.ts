/** Clean cases of each kind (no findings) for the check tests to break one rule at a time. */
import type { CaseCheckInput, CheckRecord } from '../../../core/case/checks';

export const at = (hhmm: string, day = '2026-03-02') => `${day}T${hhmm}:00+08:00`;

export function inspection(): CaseCheckInput {
  return {
    kind: 'inspection',
    stages: [
      { stage: 'arrival', actedAt: at('09:00'), recordedAt: at('09:00') },
      { stage: 'departure', actedAt: at('10:30'), recordedAt: at('10:31') },
    ],
    records: [
      { id: 'av1', type: 'av', act: 'arrival-departure', avStart: at('08:59'), avEnd: at('10:31') },
      {
        id: 'doc1',
        type: 'document',
        docType: 'siteRecord',
        docTimes: [at('09:05'), at('10:20')],
        signed: true,
        blankItems: [],
      },
    ],
  };
}

const d = (day: string, hhmm: string) => at(hhmm, day);
const signedDoc = (id: string, docType: string, extra: Partial<CheckRecord> = {}): CheckRecord => ({
  id,
  type: 'document',
  docType,
  signed: true,
  ...extra,
});

export function penalty(): CaseCheckInput {
  return {
    kind: 'penalty',
    stages: [
      { stage: 'opened', actedAt: d('2026-03-02', '09:00'), recordedAt: d('2026-03-02', '09:10') },
      { stage: 'investigation', actedAt: d('2026-03-03', '09:00'), recordedAt: d('2026-03-03', '12:00') },
      { stage: 'priorNotice', actedAt: d('2026-03-10', '10:00'), recordedAt: d('2026-03-10', '11:00') },
      { stage: 'legalReview', actedAt: d('2026-03-20', '10:00'), recordedAt: d('2026-03-20', '11:00') },
      { stage: 'decision', actedAt: d('2026-03-23', '10:00'), recordedAt: d('2026-03-23', '11:00') },
    ],
    records: [
      {
        id: 'avQ',
        type: 'av',
        act: 'questioning',
        avStart: d('2026-03-03', '09:58'),
        avEnd: d('2026-03-03', '11:02'),
      },
      signedDoc('inq', 'inquiryRecord', { docTimes: [d('2026-03-03', '10:00'), d('2026-03-03', '11:00')] }),
      {
        id: 'avS',
        type: 'av',
        act: 'service:priorNotice',
        avStart: d('2026-03-10', '09:55'),
        avEnd: d('2026-03-10', '10:05'),
      },
      signedDoc('notice', 'priorNotice', { service: { at: d('2026-03-10', '10:00'), method: 'direct' } }),
      signedDoc('decision', 'penaltyDecision', {
        service: { at: d('2026-03-24', '10:00'), method: 'electronic' },
      }),
    ],
    decision: {
      date: '2026-03-23',
      priorNoticeServedAt: d('2026-03-10', '10:00'),
      statementPeriodEndsAt: '2026-03-17',
    },
  };
}

export function coercion(): CaseCheckInput {
  return {
    kind: 'coercion',
    stages: [
      { stage: 'approval', actedAt: at('09:00'), recordedAt: at('09:05') },
      { stage: 'measure', actedAt: at('09:30'), recordedAt: at('10:30') },
    ],
    records: [
      { id: 'avC', type: 'av', act: 'coercion', avStart: at('09:25'), avEnd: at('10:10') },
      signedDoc('seal', 'sealSeizeDecision'),
      signedDoc('site', 'siteRecord', { docTimes: [at('09:30'), at('10:05')] }),
    ],
    coercion: { approvedAt: at('09:00'), measureAt: at('09:30') },
  };
}
