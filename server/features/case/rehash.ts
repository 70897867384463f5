/**
 * The re-hash command (REC-11, REC-16; docs/cases.md): reads every file kept in the register's private storage
 * again, as a stream, and reports each whose SHA-256 no longer matches the hash registered (and covered by the
 * ledger), or that can no longer be read. Resumable: it works through the records in `sortKey` order within a
 * time budget and answers where to go on. Records kept on the recorder platform are re-hashed there.
 */
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { rehashStored } from './files';
import { RECORDS_COLLECTION, type RecordDoc } from './model';

export interface RehashReport {
  checked: number;
  mismatches: Array<{ recordId: string; caseNo: string; reason: string }>;
  /** Pass it back to go on; null when every stored file was checked. */
  cursor: string | null;
}

export async function rehashRecordFiles(
  db: Database,
  options: { cursor?: string | null; budgetMs?: number; pageSize?: number } = {},
): Promise<RehashReport> {
  const started = Date.now();
  const report: RehashReport = { checked: 0, mismatches: [], cursor: options.cursor ?? null };
  const _ = db.command;
  for (;;) {
    const where: Record<string, unknown> = { storage: 'private' };
    if (report.cursor) where.sortKey = _.gt(report.cursor);
    const page = rowsOf<RecordDoc>(
      await db
        .collection(RECORDS_COLLECTION)
        .where(where)
        .orderBy('sortKey', 'asc')
        .limit(options.pageSize ?? 50)
        .get(),
    );
    if (page.length === 0) return { ...report, cursor: null };
    for (const r of page) {
      const now = r.file ? await rehashStored(r.file.fileID) : null;
      if (now === null)
        report.mismatches.push({ recordId: r._id, caseNo: r.caseNo, reason: '文件无法读取（可能已被删除）' });
      else if (now !== r.sha256)
        report.mismatches.push({ recordId: r._id, caseNo: r.caseNo, reason: '文件内容与登记的哈希值不一致' });
      report.checked += 1;
      report.cursor = r.sortKey;
    }
    if (Date.now() - started > (options.budgetMs ?? 15_000)) return report;
  }
}
