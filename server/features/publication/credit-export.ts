/**
 * The credit-platform export (信用重庆): `creditExport.create` writes the full 双公示 records
 * (core/publication/sgs-export.ts: with the identity numbers the standard asks for) of published penalties or
 * permits not yet delivered, of the units where the caller holds `creditReporter`, to PRIVATE storage
 * (deploy/storage.rules.json: no client reads), records the export on the ledger (`creditExports`), and marks each
 * exported entry delivered in its channel state (`channels.creditExport`, one ledgered change per entry: a fan-out
 * that a later export finishes if a call is cut short). `creditExport.download` hands out a temporary URL of a few
 * minutes for a PC, each download a ledger event. Neither answer nor any log line carries a row.
 */
import type { CreditExportRow } from '../../../core/contract/credit';
import * as decl from '../../../core/contract/credit';
import { toShanghaiDate } from '../../../core/calendar';
import type { PenaltyEntry, PermitEntry } from '../../../core/publication/fields';
import { creditExportCsv } from '../../../core/publication/sgs-export';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { commitPatch } from '../../ledger/patch';
import { staffActorRef } from '../../org/principal';
import { cloudbase, type Database } from '../../platform/cloudbase';
import { hashText } from '../../platform/crypto';
import { getDoc, rowsOf } from '../../platform/docs';
import { keysetPage } from '../../platform/paging';
import { handle, type Call } from '../../router/types';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';
import { openEntry } from './sealing';

export const CREDIT_EXPORTS_COLLECTION = 'creditExports';
/** Rows per file: small enough that marking them delivered ends well inside the function's time. */
export const CREDIT_EXPORT_MAX_ROWS = 100;
/** How long a download link lives (seconds). */
export const DOWNLOAD_SECONDS = 300;
const BUDGET_MS = 12_000;

interface CreditExportDoc {
  _id: string;
  _rev: number;
  kind: 'penalty' | 'permit';
  unitIds: string[];
  entryIds: string[];
  /** Entries still to be marked delivered (empty once complete). */
  unmarked: string[];
  complete: boolean;
  fileID: string;
  sha256: string;
  createdBy: string;
  /** `<created at ISO>|<id>`: the list's sort key and cursor. */
  listKey: string;
  downloads: number;
  createdAt: string;
}

const rowOf = (d: CreditExportDoc): CreditExportRow => ({
  id: d._id,
  kind: d.kind,
  rows: d.entryIds.length,
  createdAt: d.createdAt,
  downloads: d.downloads,
  complete: d.complete,
});

const unitsOf = (call: Call) => [
  ...new Set(call.staff!.roles.filter((g) => g.role === 'creditReporter').map((g) => g.unitId)),
];

/** Marks the export's remaining entries delivered, one ledgered change each, within the time budget. */
async function markDelivered(
  db: Database,
  doc: CreditExportDoc,
  actor: string,
  now: Date,
): Promise<CreditExportDoc> {
  const started = Date.now();
  let current = doc;
  for (const entryId of doc.unmarked) {
    if (Date.now() - started > BUDGET_MS) break;
    const r = await getDoc<EntryRecord>(db, ENTRIES_COLLECTION, entryId);
    if (r && r.channels?.creditExport !== 'published') {
      await commitPatch(db, { actor, action: 'creditExport.deliver', at: now }, ENTRIES_COLLECTION, r, {
        channels: { ...r.channels, creditExport: 'published' },
        creditExportId: doc._id,
      });
    }
    const unmarked = current.unmarked.filter((id) => id !== entryId);
    current = await commitPatch(
      db,
      { actor, action: unmarked.length ? 'creditExport.progress' : 'creditExport.complete', at: now },
      CREDIT_EXPORTS_COLLECTION,
      current,
      { unmarked, complete: unmarked.length === 0 },
    );
  }
  return current;
}

/** Earlier exports of these units cut short before all their entries were marked: finished first. */
async function finishEarlier(db: Database, units: string[], actor: string, now: Date): Promise<void> {
  const open = rowsOf<CreditExportDoc>(
    await db
      .collection(CREDIT_EXPORTS_COLLECTION)
      .where({ complete: false })
      .orderBy('listKey', 'asc')
      .limit(5)
      .get(),
  );
  for (const d of open) if (d.unitIds.some((u) => units.includes(u))) await markDelivered(db, d, actor, now);
}

const creditExportCreate = handle(decl.creditExportCreate, async (input, call) => {
  const units = unitsOf(call);
  const actor = staffActorRef(call.staff!.staffId);
  const id = call.ids.newId('cex');
  const again = await getDoc<CreditExportDoc>(call.db, CREDIT_EXPORTS_COLLECTION, id);
  if (again) return rowOf(again.complete ? again : await markDelivered(call.db, again, actor, call.now));
  await finishEarlier(call.db, units, actor, call.now);

  const _ = call.db.command;
  const entries = rowsOf<EntryRecord>(
    await call.db
      .collection(ENTRIES_COLLECTION)
      .where({
        kind: input.kind,
        status: 'published',
        'channels.creditExport': _.in(['notDelivered', 'pending']),
        unitId: _.in(units),
      })
      .orderBy('queueKey', 'asc')
      .limit(CREDIT_EXPORT_MAX_ROWS)
      .get(),
  );
  if (entries.length === 0) {
    throw new AppError(
      'PRECONDITION_FAILED',
      input.kind === 'penalty' ? '没有待报送的行政处罚信息' : '没有待报送的行政许可信息',
    );
  }
  // Opened: the identifiers the standard asks for are sealed at rest (sealing.ts); they go only into the file.
  const opened = await Promise.all(entries.map((e) => openEntry(call.db, e)));
  const csv = creditExportCsv(
    input.kind,
    opened.map((e) => e.entry as PenaltyEntry | PermitEntry),
  );
  const bytes = Buffer.from(csv, 'utf8');
  // Private storage (no client rule reads it); the same path on a retry overwrites the same bytes.
  const uploaded = await cloudbase().uploadFile({
    cloudPath: `exports/credit/${id}.csv`,
    fileContent: bytes,
  });
  const entryIds = entries.map((e) => e._id);
  const doc = {
    kind: input.kind,
    unitIds: units,
    entryIds,
    unmarked: entryIds,
    complete: false,
    fileID: uploaded.fileID,
    sha256: hashText(csv),
    createdBy: actor,
    listKey: `${call.now.toISOString()}|${id}`,
    downloads: 0,
    createdAt: call.now.toISOString(),
  };
  const [saved] = await commitChange(call.db, {
    actor,
    action: 'creditExport.create',
    at: call.now,
    entities: [{ collection: CREDIT_EXPORTS_COLLECTION, id, expectedRev: null, state: doc }],
  });
  return rowOf(await markDelivered(call.db, { ...doc, _id: id, _rev: saved!.rev }, actor, call.now));
});

/** An export the caller may see: one of their units' (else NOT_FOUND: existence does not leak). */
async function loadExport(call: Call, id: string): Promise<CreditExportDoc> {
  const d = await getDoc<CreditExportDoc>(call.db, CREDIT_EXPORTS_COLLECTION, id);
  const units = unitsOf(call);
  if (!d || !d.unitIds.some((u) => units.includes(u))) throw new AppError('NOT_FOUND', '未找到该报送文件');
  return d;
}

const creditExportDownload = handle(decl.creditExportDownload, async (input, call) => {
  const d = await loadExport(call, input.id);
  const res = await cloudbase().getTempFileURL({
    fileList: [{ fileID: d.fileID, maxAge: DOWNLOAD_SECONDS }],
  });
  const url = res.fileList.find((f) => f.fileID === d.fileID)?.tempFileURL;
  if (!url) throw new AppError('INTERNAL');
  // The download is on the ledger before the link is answered (who, when: the event's actor and time).
  await commitPatch(
    call.db,
    { actor: staffActorRef(call.staff!.staffId), action: 'creditExport.download', at: call.now },
    CREDIT_EXPORTS_COLLECTION,
    d,
    { downloads: d.downloads + 1 },
  );
  const kindLabel = d.kind === 'penalty' ? '行政处罚' : '行政许可';
  return {
    url,
    expiresAt: new Date(call.now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
    fileName: `双公示_${kindLabel}_${toShanghaiDate(new Date(d.createdAt))}_${d._id.slice(4, 12)}.csv`,
  };
});

const creditExportList = handle(decl.creditExportList, async (input, call) => {
  if (input.cursor !== undefined && !/^[0-9TZ:.-]{20,30}\|cex_[0-9a-f]{8,40}$/.test(input.cursor)) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页位置无效，请从第一页重新查看' });
  }
  const page = await keysetPage<CreditExportDoc>(call.db, {
    collection: CREDIT_EXPORTS_COLLECTION,
    filter: { unitIds: call.db.command.in(unitsOf(call)) },
    key: 'listKey',
    order: 'desc',
    cursor: input.cursor,
    pageSize: 20,
  });
  return { ...page, items: page.items.map(rowOf) };
});

export const creditStaffActions = {
  'creditExport.create': creditExportCreate,
  'creditExport.list': creditExportList,
  'creditExport.download': creditExportDownload,
};
