/**
 * One stored record changed by a patch (REC-11, REC-16): the common case of `commitChange` — the record as read with
 * some fields replaced, decided on the revision read, so a concurrent change ends in CONFLICT and nothing is lost.
 * Answers the record as stored (its new revision).
 */
import type { Database } from '../platform/cloudbase';
import { stateOf } from '../platform/docs';
import { commitChange, type ChangeSet } from './commit';

export async function commitPatch<T extends { _id: string; _rev: number }>(
  db: Database,
  change: Omit<ChangeSet, 'entities'>,
  collection: string,
  doc: T,
  patch: Partial<Omit<T, '_id' | '_rev'>>,
): Promise<T> {
  const state = { ...stateOf(doc), ...patch } as Record<string, unknown>;
  const [saved] = await commitChange(db, {
    ...change,
    entities: [{ collection, id: doc._id, expectedRev: doc._rev, state }],
  });
  return { ...doc, ...patch, _rev: saved!.rev };
}
