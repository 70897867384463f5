/**
 * The credit-platform export's contract (信用重庆; the national 双公示 data standard): a
 * staff action of its own role (`creditReporter`, 信用信息报送员) writes the full 双公示 records of published
 * penalties or permits not yet delivered to private storage; the file is handed out as a short-lived download link
 * for a PC (the mini-program shows the link to copy, never the rows). Every export and every download is on the
 * ledger. The statistics section (`statistician`, 信息统计科) reads the portal feed's state.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { withLabels } from './labels';
import { CREDIT_EXPORT_KINDS, type CreditExportKind } from '../publication/sgs-export';

const LABELS = { kind: '报送类别', id: '报送文件编号' };
const exportId = z
  .string('请填写报送文件编号')
  .check(z.regex(/^cex_[0-9a-f]{8,40}$/, '报送文件编号格式不正确'));

export const creditExportCreateInput = withLabels(
  z.strictObject({ kind: z.enum(CREDIT_EXPORT_KINDS, '报送类别只能是行政处罚或行政许可') }),
  LABELS,
);
export const creditExportIdInput = withLabels(z.strictObject({ id: exportId }), LABELS);
export const creditExportListInput = withLabels(
  z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(200))) }),
  LABELS,
);

/** An export as staff see it: what, how many, when, and how often downloaded; never its rows. */
export interface CreditExportRow {
  id: string;
  kind: CreditExportKind;
  rows: number;
  createdAt: string;
  downloads: number;
  /** Every exported entry is marked delivered in its channel state. */
  complete: boolean;
}

export interface CreditExportLink {
  url: string;
  expiresAt: string;
  fileName: string;
}

export interface PortalState {
  /** Entries the feed currently lists, and tombstones it carries (withdrawn or expired). */
  published: number;
  tombstones: number;
  /** Capped counts (as list totals are). */
  capped: boolean;
  /** When the feed last changed (the newest cursor), or null when empty. */
  lastChangeAt: string | null;
}

const creditRole = { fn: 'staff', access: 'staff', roles: ['creditReporter'] } as const;

export const creditExportCreate = declareAction<CreditExportRow>()({
  ...creditRole,
  name: 'creditExport.create',
  idempotent: true,
  ids: 'request',
  input: creditExportCreateInput,
});
export const creditExportList = declareAction<Page<CreditExportRow>>()({
  ...creditRole,
  name: 'creditExport.list',
  input: creditExportListInput,
});
export const creditExportDownload = declareAction<CreditExportLink>()({
  ...creditRole,
  name: 'creditExport.download',
  idempotent: true,
  input: creditExportIdInput,
});
export const portalState = declareAction<PortalState>()({
  fn: 'staff',
  access: 'staff',
  roles: ['statistician', 'creditReporter', 'auditor'],
  name: 'portal.state',
  input: z.strictObject({}),
});

export const CREDIT_STAFF_ACTIONS = [
  creditExportCreate,
  creditExportList,
  creditExportDownload,
  portalState,
] as const;
