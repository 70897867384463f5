/**
 * The annual enforcement data's contract (PUB-14; seed publicity Art. 26): the scheduler drafts
 * the previous year's figures on the first working day of January; staff review, approve and publish them (a
 * workflow of its own: core/publication/annual.ts) by 31 January; `stats.annual` serves the published figures.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import { withLabels } from './labels';
import type { AnnualFigures, AnnualState } from '../publication/annual';

const LABELS = { year: '年度', step: '操作', comment: '意见' };
const year = z
  .int('年度应为整数')
  .check(z.minimum(2000, '年度不能早于 2000 年'), z.maximum(2100, '年度不能晚于 2100 年'));

/** Who reads a year's figures under review (the staff page, PUB-14); the mini-program shows its link to them. */
export const ANNUAL_READ_ROLES = ['reviewer', 'principal', 'publisher', 'statistician', 'auditor'] as const;

export interface AnnualStaffView {
  year: number;
  status: AnnualState;
  statusLabel: string;
  figures: AnnualFigures;
  /** The report to the district justice bureau, from the template in the settings. */
  justiceReport: string;
  /** The last day to publish (31 January) and the working countdown to it (negative: late). */
  publishBy: string;
  daysLeft: number;
  /** The steps the caller may take now. */
  allowed: string[];
  publishedAt: string | null;
}

export interface AnnualPublicView {
  /** Years whose figures are published, newest first. */
  years: number[];
  figures: AnnualFigures | null;
  publishedAt: string | null;
}

export const annualDraft = declareAction<{ drafted: number | null }>()({
  fn: 'scheduler',
  name: 'annual.draft',
  access: 'timer',
  input: z.strictObject({}),
});
export const annualGet = declareAction<AnnualStaffView>()({
  fn: 'staff',
  name: 'annual.get',
  access: 'staff',
  roles: ANNUAL_READ_ROLES,
  input: withLabels(z.strictObject({ year }), LABELS),
});
export const annualStep = declareAction<AnnualStaffView>()({
  fn: 'staff',
  name: 'annual.step',
  access: 'staff',
  roles: ['reviewer', 'principal', 'publisher'],
  idempotent: true,
  input: withLabels(
    z.strictObject({
      year,
      step: z.enum(['review', 'approve', 'publish', 'reject'], '操作只能是审核、审批、发布或退回'),
      comment: z.optional(z.string().check(z.maxLength(500, '意见不能超过 500 个字'))),
    }),
    LABELS,
  ),
});
export const statsAnnual = declareAction<AnnualPublicView>()({
  fn: 'public',
  name: 'stats.annual',
  access: 'public',
  input: withLabels(z.strictObject({ year: z.optional(year) }), LABELS),
});
