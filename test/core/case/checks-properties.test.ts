/**
 * Properties of the checks (REC-16 "every gap detectable"): any input, however incomplete, gives
 * findings and never an exception, each finding as `CHECKS` declares it; and a document time outside every
 * recording of an inspection always fails 全过程记录制度第十五条第（四）项, while one inside never does.
 */
import fc from 'fast-check';
import { CHECKS, checkCase, type CaseCheckInput, type CheckRecord } from '../../../core/case/checks';
import { inspection } from './fixtures';

const time = fc.oneof(
  fc.constant(undefined),
  fc.constant('not a time'),
  fc.constant('2026-03-02'),
  fc
    .integer({ min: 0, max: 24 * 60 })
    .map((m) => new Date(Date.UTC(2026, 2, 2, 0, m) - 8 * 3600_000).toISOString()),
);
const record: fc.Arbitrary<CheckRecord> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    type: fc.constantFrom('document', 'av', 'data'),
    docType: fc.constantFrom('siteRecord', 'inquiryRecord', 'priorNotice', 'sealSeizeDecision', 'unknown'),
    docTimes: fc.array(
      time.map((t) => t ?? ''),
      { maxLength: 3 },
    ),
    signed: fc.boolean(),
    blankItems: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
    avStart: time,
    avEnd: time,
    interruptions: fc.array(
      fc.record({ at: time.map((t) => t ?? ''), explanation: fc.string({ maxLength: 3 }) }),
    ),
    act: fc.constantFrom(
      'arrival-departure',
      'questioning',
      'hearing',
      'coercion',
      'service:priorNotice',
      'x',
    ),
    service: fc.record({
      at: time.map((t) => t ?? ''),
      method: fc.constantFrom('direct', 'leaving', 'post', 'electronic', 'announcement', 'entrusted'),
    }),
  },
  { requiredKeys: ['id', 'type'] },
) as fc.Arbitrary<CheckRecord>;
const input: fc.Arbitrary<CaseCheckInput> = fc.record(
  {
    kind: fc.constantFrom('inspection', 'penalty', 'coercion'),
    stages: fc.array(
      fc.record({
        stage: fc.constantFrom(
          'arrival',
          'departure',
          'opened',
          'priorNotice',
          'statement',
          'decision',
          'measure',
          'approval',
        ),
        actedAt: time.map((t) => t ?? ''),
        recordedAt: time.map((t) => t ?? ''),
      }),
      { maxLength: 5 },
    ),
    records: fc.array(record, { maxLength: 6 }),
    decision: fc.record(
      {
        date: time.map((t) => t ?? ''),
        priorNoticeServedAt: time,
        statementPeriodEndsAt: time,
        partyStated: fc.boolean(),
        waiverInWriting: fc.boolean(),
      },
      { requiredKeys: ['date'] },
    ),
    coercion: fc.record({ approvedAt: time, emergency: fc.boolean(), measureAt: time }, { requiredKeys: [] }),
    lifeHealth: fc.boolean(),
    hearingHeld: fc.boolean(),
    now: time,
  },
  { requiredKeys: ['kind', 'stages', 'records'] },
) as fc.Arbitrary<CaseCheckInput>;

describe('checkCase on any input', () => {
  it('never throws and answers only declared checks with their level and article', () => {
    fc.assert(
      fc.property(input, (i) =>
        checkCase(i).every((f) => {
          const def = (CHECKS as Record<string, { level: string; article: string }>)[f.code];
          return !!def && def.level === f.level && def.article === f.article && f.message.length > 0;
        }),
      ),
      { numRuns: 300 },
    );
  });
});

describe('document times against the inspection recording', () => {
  const start = Date.parse('2026-03-02T08:59:00+08:00');
  const end = Date.parse('2026-03-02T10:31:00+08:00');
  const iso = (t: number) => new Date(t).toISOString();
  it('fails every time more than a minute outside the recording and never one inside it', () => {
    // Near both ends of the recording (08:59 and 92 minutes later) as well as anywhere.
    const minutes = fc.oneof(
      fc.integer({ min: -4, max: 4 }),
      fc.integer({ min: 88, max: 96 }),
      fc.integer({ min: -600, max: 600 }),
    );
    fc.assert(
      fc.property(minutes, (m) => {
        const c = inspection();
        const t = start + m * 60_000;
        c.records[1]!.docTimes = [iso(t)];
        const outside = t < start - 60_000 || t > end + 60_000;
        return checkCase(c).some((f) => f.code === 'docTimeOutsideAv') === outside;
      }),
    );
  });
});
