/**
 * The 双公示 export for the credit platform (信用重庆; the national 双公示 data
 * standard): the FULL records in the standard's columns, with the identity numbers the standard asks for
 * (CF_XDR_ZJHM for a natural person, CF_FR_ZJHM for a legal representative or an individual business's operator).
 * It is the inverse of the import (sgs-csv.ts) and uses the same column table, so the two cannot drift apart.
 *
 * This output holds personal data: it only ever goes to private storage and from there to the credit platform
 * through an authenticated staff download (never to a public view, a log, or the mini-program's screen).
 * Pure; dates as YYYY/MM/DD (2099/12/31: indefinite).
 */
import { PARTY_ID_LABELS } from '../party/ids';
import { csvCell } from './feed';
import { PARTY_CATEGORY_LABELS, type PenaltyEntry, type PermitEntry } from './fields';
import { PENALTY_COLUMNS, PERMIT_COLUMNS } from './sgs-csv';

export const CREDIT_EXPORT_KINDS = ['penalty', 'permit'] as const;
export type CreditExportKind = (typeof CREDIT_EXPORT_KINDS)[number];

const toSgsDate = (v: string) => v.replace(/-/g, '/');

function readPath(entry: Record<string, unknown>, path: string): unknown {
  let node: unknown = entry;
  for (const k of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** One cell as the standard writes it. */
function cellOf(entry: PenaltyEntry | PermitEntry, code: string, path: string, read?: string): string {
  const v = readPath(entry as unknown as Record<string, unknown>, path);
  if (v === undefined || v === null) return '';
  switch (read) {
    case 'date':
      return toSgsDate(String(v));
    case 'list':
      return (v as string[]).join(';');
    case 'category':
      return PARTY_CATEGORY_LABELS[v as keyof typeof PARTY_CATEGORY_LABELS] ?? '';
    case 'idKind':
      return PARTY_ID_LABELS[v as keyof typeof PARTY_ID_LABELS] ?? '';
    default:
      // The standard keeps the registration number in CF_XDR_GSZC only when there is no credit code.
      if (code.endsWith('_XDR_GSZC') && entry.party.creditCode) return '';
      return String(v);
  }
}

/** The column codes of a kind's file, in the standard's order. */
export function creditExportHeader(kind: CreditExportKind): string[] {
  return Object.keys(kind === 'penalty' ? PENALTY_COLUMNS : PERMIT_COLUMNS);
}

/** One row per entry, in the header's order. */
export function creditExportRow(entry: PenaltyEntry | PermitEntry): string[] {
  const layout = entry.kind === 'penalty' ? PENALTY_COLUMNS : PERMIT_COLUMNS;
  return Object.entries(layout).map(([code, col]) => cellOf(entry, code, col.path, col.read));
}

/** The whole file: UTF-8 BOM, the column codes as the header row, CRLF lines, formula-safe cells. */
export function creditExportCsv(
  kind: CreditExportKind,
  entries: ReadonlyArray<PenaltyEntry | PermitEntry>,
): string {
  const lines = [creditExportHeader(kind).map(csvCell).join(',')];
  for (const e of entries) {
    if (e.kind !== kind) throw new Error('creditExportCsv: an entry of another kind');
    lines.push(creditExportRow(e).map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
