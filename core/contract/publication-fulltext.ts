/**
 * Full-text publication's contract (PUB-7 second form, seed Art. 16; docs/publication.md "Full
 * text"): the preparer gives the decision's text (typed, pasted or the document system's text export - never an
 * uploaded PDF), the server marks removals and highlights, the reviewer confirms the removals (undoing or adding
 * some), and the entry cannot go past review until that is done. zod/mini like the other contracts.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import { withLabels } from './labels';
import { MAX_FULL_TEXT, MAX_REMOVALS } from '../publication/fulltext';
import type { EntryState } from '../publication/workflow';
import { REDACTION_KINDS, type Span } from '../redaction/types';

const entryId = z.string('请填写条目编号').check(z.regex(/^pub_[0-9a-f]{8,40}$/, '条目编号格式不正确'));

const LABELS = {
  id: '条目编号',
  text: '决定书全文',
  source: '全文来源',
  caseNo: '案件编号',
  version: '全文版本',
  removals: '删除内容',
  start: '删除内容起点',
  end: '删除内容终点',
  kind: '删除内容类别',
} as const;

export const FULL_TEXT_SOURCES = ['typed', 'export'] as const;
export const FULL_TEXT_SOURCE_LABELS = { typed: '录入或粘贴', export: '文书系统导出的文本' } as const;

/**
 * `text: null` goes back to the summary (the 双公示 fields only). The text is the decision's text as characters: a
 * PDF is never accepted as the published full text.
 */
export const publicationSetFullTextInput = withLabels(
  z.strictObject({
    id: entryId,
    text: z.nullable(
      z.string('请填写决定书全文').check(
        z.overwrite((v) => v.replace(/\r\n?/g, '\n').trim()),
        z.minLength(20, '决定书全文过短，请粘贴完整的决定书文本'),
        z.maxLength(MAX_FULL_TEXT, `决定书全文不能超过 ${MAX_FULL_TEXT} 个字`),
        z.refine((v) => !v.startsWith('%PDF'), '请粘贴决定书的文字，不能使用 PDF 文件作为公开全文'),
      ),
    ),
    source: z.optional(z.enum(FULL_TEXT_SOURCES, '全文来源不在可选范围内')),
    /** The case register's number: its party's and officers' known data are removed too. */
    caseNo: z.optional(
      z.string('案件编号应为文字').check(
        z.overwrite((v) => v.trim()),
        z.minLength(1, '请填写案件编号'),
        z.maxLength(64, '案件编号不能超过 64 个字'),
      ),
    ),
  }),
  LABELS,
);

const spanChoice = z.strictObject({
  start: z.int('删除内容起点应为整数').check(z.minimum(0, '删除内容起点应为整数')),
  end: z.int('删除内容终点应为整数').check(z.minimum(1, '删除内容终点应为整数')),
  kind: z.enum(REDACTION_KINDS, '删除内容类别不在可选范围内'),
});

/** The reviewer's final removals for the text version they saw (the page sends the whole list). */
export const publicationConfirmRemovalsInput = withLabels(
  z.strictObject({
    id: entryId,
    version: z.int('全文版本应为整数').check(z.minimum(1, '全文版本应为整数')),
    removals: z.array(spanChoice).check(z.maxLength(MAX_REMOVALS, `删除内容不能超过 ${MAX_REMOVALS} 处`)),
  }),
  LABELS,
);
export const publicationFullTextInput = withLabels(z.strictObject({ id: entryId }), LABELS);

/** The reviewer's preview: the text, every removal and highlight, the confirmation, the public text. */
export interface PublicationFullTextView {
  id: string;
  status: EntryState;
  docNo: string;
  /** Null: the entry publishes the summary only. */
  fullText: {
    text: string;
    version: number;
    source: (typeof FULL_TEXT_SOURCES)[number];
    caseNo: string | null;
    /** The removals as they stand: the confirmed ones, or the engine's until a reviewer confirmed. */
    removals: Span[];
    /** The engine's removals (what "undo" compares against). */
    proposed: Span[];
    highlights: Span[];
    /** The text the public would read with `removals` applied (the fixed public text once approved). */
    preview: string;
    confirmed: { at: string; byMe: boolean; added: number; undone: number } | null;
    history: Array<{
      at: string;
      byMe: boolean;
      version: number;
      removals: number;
      added: number;
      undone: number;
    }>;
    fixed: boolean;
  } | null;
  /** The caller may give or change the text (draft, preparer) / confirm the removals (the reviewer, submitted). */
  canSet: boolean;
  canConfirm: boolean;
}

export interface PublicationFullTextDone {
  id: string;
  version: number | null;
  removals: number;
  highlights: number;
  confirmed: boolean;
}

export const publicationSetFullText = declareAction<PublicationFullTextDone>()({
  fn: 'staff',
  access: 'staff',
  roles: ['officer'],
  idempotent: true,
  name: 'publication.setFullText',
  input: publicationSetFullTextInput,
});
export const publicationConfirmRemovals = declareAction<PublicationFullTextDone>()({
  fn: 'staff',
  access: 'staff',
  roles: ['reviewer'],
  idempotent: true,
  name: 'publication.confirmRemovals',
  input: publicationConfirmRemovalsInput,
});
export const publicationFullText = declareAction<PublicationFullTextView>()({
  fn: 'staff',
  access: 'staff',
  roles: ['officer', 'reviewer', 'publisher', 'principal', 'auditor'],
  name: 'publication.fullText',
  input: publicationFullTextInput,
});
