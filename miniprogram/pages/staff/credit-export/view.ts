/**
 * The credit export page's view model (信用重庆), pure: an export as a line (kind, how many
 * records, when, how often downloaded) — never its rows, which only the downloaded file on a PC holds.
 */
import type { CreditExportRow } from '../../../core-bundle/index';

export const CREDIT_KIND_LABELS = { penalty: '行政处罚', permit: '行政许可' } as const;

export interface ExportLine {
  id: string;
  title: string;
  detail: string;
}

/** "2027-01-04T01:02:03Z" → "2027年1月4日 09:02" (Beijing time). */
export function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function exportLine(r: CreditExportRow): ExportLine {
  return {
    id: r.id,
    title: `${CREDIT_KIND_LABELS[r.kind]} ${r.rows} 条`,
    detail: `${beijingTime(r.createdAt)} 生成 · 已下载 ${r.downloads} 次${r.complete ? '' : ' · 报送状态更新中'}`,
  };
}
