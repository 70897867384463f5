/**
 * The kinds of publication entry (PUB-6) and their Chinese names: apart from core/publication/fields.ts (which
 * re-exports them) so the mini-program's core bundle takes the labels without the entry schemas.
 */
export const ENTRY_KINDS = ['penalty', 'permit', 'coercion', 'inspection', 'levy'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收征用',
};
