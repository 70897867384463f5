/**
 * The annual enforcement data's contract (PUB-14; seed publicity Art. 26): the scheduler drafts
 * the previous year's figures on the first working day of January; staff review, approve and publish them (a
 * workflow of its own: core/publication/annual.ts) by 31 January; `stats.annual` serves the published figures.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import { withLabels } from './labels';
import type { AnnualFigureChange, AnnualFigures, AnnualState } from '../publication/annual';

const LABELS = { year: '年度', step: '操作', comment: '意见', revision: '版本', note: '重新统计说明' };
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
  /** Every step's comment, oldest first (the reasons of each 退回 and the 说明 of each 重新统计 among them). */
  comments: AnnualComment[];
  /** The version of the figures shown (1: as the scheduler drafted them; +1 with each 重新统计). */
  revision: number;
  /** Who drafted this version (系统自动生成 / 信息统计员: the person stays on the ledger) and when (ISO). */
  draftedBy: string;
  draftedAt: string;
  /** The drafter's 说明 of this version (what was corrected); null for the first. */
  note: string | null;
  /** What this version changed from the one sent back, figure by figure (empty for the first version). */
  changes: AnnualFigureChange[];
  /** Every earlier version, newest first, with the reason it was sent back. */
  revisions: AnnualRevisionView[];
}

/** An earlier version of a year's figures, kept as it was when it was sent back (PUB-14). */
export interface AnnualRevisionView {
  revision: number;
  figures: AnnualFigures;
  draftedBy: string;
  draftedAt: string;
  note: string | null;
  /** The 退回 that ended it: its reason and when (null only for a record made before 重新统计 existed). */
  sentBack: { reason: string; at: string } | null;
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
/**
 * 重新统计 (PUB-14): while the figures are sent back, the statistics section recomputes them from the current data
 * (after correcting the source records) and resubmits them for review with a required 说明. `revision` is the
 * version the drafter saw: another 重新统计 in between answers CONFLICT instead of redrafting twice.
 */
export const annualRedraft = declareAction<AnnualStaffView>()({
  fn: 'staff',
  name: 'annual.redraft',
  access: 'staff',
  roles: ['statistician'],
  idempotent: true,
  input: withLabels(
    z.strictObject({
      year,
      revision: z.int('版本应为整数').check(z.minimum(1, '版本应为正整数'), z.maximum(1000, '版本不正确')),
      note: z.string('请填写重新统计说明').check(
        z.overwrite((v) => v.trim()),
        z.minLength(1, '请填写重新统计说明，写明更正了什么'),
        z.maxLength(500, '重新统计说明不能超过 500 个字'),
      ),
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
