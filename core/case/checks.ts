/**
 * TEMPORARY (helper "cases"): a few of the automatic checks of docs/cases.md, enough for the register's tests.
 * The helper "casechecks" writes the real module over the same interface; the lead takes theirs.
 */
export type CaseKind = 'inspection' | 'penalty' | 'coercion';
export interface CheckRecord {
  id: string;
  type: 'document' | 'av' | 'data';
  docType?: string;
  docTimes?: string[];
  signed?: boolean;
  blankItems?: string[];
  avStart?: string;
  avEnd?: string;
  interruptions?: { at: string; explanation?: string }[];
  act?: string;
}
export interface CheckStage {
  stage: string;
  actedAt: string;
  recordedAt: string;
}
export interface CaseCheckInput {
  kind: CaseKind;
  stages: CheckStage[];
  records: CheckRecord[];
  decision?: {
    date: string;
    priorNoticeServedAt?: string;
    statementPeriodEndsAt?: string;
    partyStated?: boolean;
    waiverInWriting?: boolean;
  };
  coercion?: { approvedAt?: string; emergency?: boolean; measureAt?: string };
}
export interface Finding {
  code: string;
  level: 'failure' | 'warning';
  article: string;
  message: string;
  recordId?: string;
}

export function checkCase(input: CaseCheckInput): Finding[] {
  const out: Finding[] = [];
  const avs = input.records.filter((r) => r.type === 'av' && r.avStart && r.avEnd);
  for (const r of input.records) {
    if (r.type !== 'document' || input.kind !== 'inspection') continue;
    for (const t of r.docTimes ?? []) {
      if (!avs.some((a) => a.avStart! <= t && t <= a.avEnd!))
        out.push({
          code: 'docTimeOutsideAv',
          level: 'failure',
          article: '细则第十五条第（四）项',
          message: '文书记载的时间不在音像记录的起止时间内',
          recordId: r.id,
        });
    }
  }
  if (input.kind === 'coercion' && !avs.some((a) => a.act === 'coercion'))
    out.push({
      code: 'coercionWithoutAv',
      level: 'failure',
      article: '细则第十七条第（二）项',
      message: '行政强制措施未全程音像记录',
    });
  if (input.kind === 'inspection' && !avs.some((a) => a.act === 'lifeHealth'))
    out.push({
      code: 'optionalAvMissing',
      level: 'warning',
      article: '细则第十一条',
      message: '可根据实际情况进行音像记录',
    });
  return out;
}
