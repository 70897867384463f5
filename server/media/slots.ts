/**
 * Upload slots: the quarantine paths a caller is handed for its uploads, registered before anything is uploaded.
 * The node SDK cannot list storage, so an upload nobody submits (a form abandoned, a photo removed again) could
 * otherwise stay in quarantine for ever, EXIF and GPS included (PIPL Art. 19: kept no longer than needed). The
 * scheduler deletes every file a slot may hold once the slot is an hour old, and marks it done; the files a
 * submission took in were deleted already, so deleting them again is a no-op. The slot stores the owner's
 * pseudonym, never the identity in clear (the fileIDs name the quarantine folder, as the storage itself does).
 */
import type { Database } from '../platform/cloudbase';
import { cloudbase } from '../platform/cloudbase';
import { randomId } from '../platform/crypto';
import { QUARANTINE_PREFIX } from './intake';
import { removeExpiredDocs, rowsOf } from '../platform/docs';

export const UPLOAD_SLOTS_COLLECTION = 'sys_upload_slots';
/** Uploads into a slot are expected within this time (the client asks for a fresh slot after it). */
export const SLOT_UPLOAD_MS = 30 * 60_000;
/** A slot's files are deleted this long after it was handed out: whatever was not taken in by then is abandoned. */
export const SLOT_CLEAN_AFTER_MS = 60 * 60_000;
/** A done slot is kept a day (then removed by housekeeping.expire). */
const DONE_KEEP_MS = 24 * 3600_000;
const SWEEP_BATCH = 100;

export interface UploadSlot {
  _id: string;
  ownerRef: string;
  fileIDs: string[];
  state: 'open' | 'done';
  createdAt: Date;
  cleanAfter: Date;
  doneAt?: Date;
  /** Set when done: the record is useless after that (housekeeping removes it). */
  expireAt?: Date;
}

export interface OpenedSlot {
  /** `quarantine/<openid>/<slot>/` */
  prefix: string;
  /** The exact cloud paths to upload to, one per photo. */
  paths: string[];
  uploadBy: Date;
}

/** Registers a slot of `count` paths in `openid`'s quarantine folder, owned by the pseudonym `ownerRef`. */
export async function openUploadSlot(
  db: Database,
  opts: { openid: string; ownerRef: string; count: number; now: Date },
): Promise<OpenedSlot> {
  const id = `upl_${randomId(12)}`;
  const prefix = `${QUARANTINE_PREFIX}${opts.openid}/${id}/`;
  const paths = Array.from({ length: opts.count }, (_v, i) => `${prefix}${i + 1}`);
  // A fileID names the bucket, which a function does not otherwise know; asking for upload metadata writes nothing.
  const meta = await cloudbase().getUploadMetadata({ cloudPath: paths[0]! });
  const base = meta.data.fileId.slice(0, meta.data.fileId.length - paths[0]!.length);
  const slot: UploadSlot = {
    _id: id,
    ownerRef: opts.ownerRef,
    fileIDs: paths.map((p) => `${base}${p}`),
    state: 'open',
    createdAt: opts.now,
    cleanAfter: new Date(opts.now.getTime() + SLOT_CLEAN_AFTER_MS),
  };
  await db.collection(UPLOAD_SLOTS_COLLECTION).add(slot);
  return { prefix, paths, uploadBy: new Date(opts.now.getTime() + SLOT_UPLOAD_MS) };
}

/** Removes slots past their `expireAt` (done slots, a day on); keyed by collection for the housekeeping answer. */
export async function expireUploadSlots(db: Database, now: Date): Promise<Record<string, number>> {
  return { [UPLOAD_SLOTS_COLLECTION]: await removeExpiredDocs(db, UPLOAD_SLOTS_COLLECTION, now) };
}

/**
 * Deletes the files of every open slot past its `cleanAfter` and marks it done (a conditional update, so two
 * timers running at once do the work twice at worst, which is harmless). A slot whose delete call fails stays
 * open for the next run.
 */
export async function sweepUploadSlots(db: Database, now: Date): Promise<{ slots: number }> {
  const _ = db.command;
  const coll = db.collection(UPLOAD_SLOTS_COLLECTION);
  let slots = 0;
  for (;;) {
    const res = await coll
      .where({ state: 'open', cleanAfter: _.lte(now) })
      .orderBy('cleanAfter', 'asc')
      .limit(SWEEP_BATCH)
      .get();
    const due = rowsOf<UploadSlot>(res);
    let done = 0;
    for (const slot of due) {
      try {
        // Files never uploaded or already taken in answer a per-file error code, which is what we want.
        await cloudbase().deleteFile({ fileList: slot.fileIDs });
      } catch {
        continue;
      }
      await coll
        .where({ _id: slot._id, state: 'open' })
        .update({ state: 'done', doneAt: now, expireAt: new Date(now.getTime() + DONE_KEEP_MS) });
      done += 1;
    }
    slots += done;
    // A full batch that made no progress (storage refusing) is left for the next run.
    if (due.length < SWEEP_BATCH || done === 0) return { slots };
  }
}
