/**
 * Write-path helpers over commitChange for features: create an entity, or update one from its CURRENT stored
 * state (the `_rev` read is the revision the change was decided on, so a concurrent change answers CONFLICT).
 */
import { AppError } from '../errors';
import type { Database } from '../platform/cloudbase';
import { commitChange, type CommittedEntity, type PlainInsert } from './commit';
import { getDoc, stateOf } from '../platform/docs';

export interface WriteMeta {
  actor: string;
  action: string;
  at: Date;
  /** Outbox records and other plain rows written in the same transaction. */
  inserts?: PlainInsert[];
}

export async function createEntity(
  db: Database,
  meta: WriteMeta,
  target: { collection: string; id: string; state: Record<string, unknown> },
): Promise<CommittedEntity> {
  const [committed] = await commitChange(db, {
    ...meta,
    entities: [{ collection: target.collection, id: target.id, expectedRev: null, state: target.state }],
  });
  return committed!;
}

/** A stored entity: its fields plus `_id` and `_rev`. */
export type StoredEntity<T> = T & { _id: string; _rev: number };

export async function readEntity<T>(
  db: Database,
  collection: string,
  id: string,
): Promise<StoredEntity<T> | null> {
  return getDoc<StoredEntity<T>>(db, collection, id);
}

/**
 * Reads the entity, lets `change` compute its complete new state (without `_id`/`_rev`), and commits it against
 * the revision read. `change` may throw AppError to refuse (e.g. wrong state).
 */
export async function updateEntity<T extends Record<string, unknown>>(
  db: Database,
  meta: WriteMeta,
  target: { collection: string; id: string },
  change: (current: StoredEntity<T>) => T | Promise<T>,
): Promise<CommittedEntity> {
  const current = await readEntity<T>(db, target.collection, target.id);
  if (!current) throw new AppError('NOT_FOUND');
  const next = await change(current);
  const [committed] = await commitChange(db, {
    ...meta,
    entities: [{ ...target, expectedRev: current._rev, state: stateOf(next as StoredEntity<T>) }],
  });
  return committed!;
}
