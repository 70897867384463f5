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

/** A comment a step was taken with: the reason of a 退回 (required), or a note on another step. */
export interface AnnualComment {
  step: string;
  stepLabel: string;
  /** The workflow round it was given in (a 退回 starts the next one). */
  round: number;
  text: string;
  at: string;
}

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
  /** Every step's comment, oldest first (the reasons of each 退回 among them). */
  comments: AnnualComment[];
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
    z
      .strictObject({
        year,
        step: z.enum(['review', 'approve', 'publish', 'reject'], '操作只能是审核、审批、发布或退回'),
        comment: z.optional(
          z.string('意见应为文字').check(
            z.overwrite((v) => v.trim()),
            z.maxLength(500, '意见（退回理由）不能超过 500 个字'),
          ),
        ),
      })
      .check(
        // 退回 says why, so that whoever takes it up again knows what to check (recorded with the step).
        z.refine((v) => v.step !== 'reject' || !!v.comment, {
          message: '请填写退回理由',
          path: ['comment'],
        }),
      ),
    LABELS,
  ),
});
export const statsAnnual = declareAction<AnnualPublicView>()({
  fn: 'public',
  name: 'stats.annual',
  access: 'public',
  input: withLabels(z.strictObject({ year: z.optional(year) }), LABELS),
});
