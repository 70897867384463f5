/**
 * Versioned legal settings (`settings_versions`): versions are only ever added (through the ledger), never edited.
 * `currentSettings(db, at)` answers the version in force at a moment; an act stores that version's number
 * (`settingsVersion`), so it can always be shown under the settings it was made under.
 */
import { AppError } from '../errors';
import { createEntity } from '../ledger/entities';
import type { Database } from '../platform/cloudbase';
import { DEFAULT_SETTINGS } from './defaults';
import { settingsValuesSchema, type SettingsValues, type SettingsVersion } from './schema';
import { firstOf, getDoc } from '../platform/docs';

export const SETTINGS_COLLECTION = 'settings_versions';
/** Version 1 is in force from the beginning of time: there is never a moment without settings. */
const BEGINNING = new Date(0);

export function versionId(version: number): string {
  return `v${String(version).padStart(6, '0')}`;
}

export async function currentSettings(db: Database, at: Date): Promise<SettingsVersion> {
  const _ = db.command;
  const res = await db
    .collection(SETTINGS_COLLECTION)
    .where({ effectiveFrom: _.lte(at) })
    .orderBy('effectiveFrom', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .get();
  const found = firstOf<SettingsVersion>(res);
  return found ?? ensureFirstVersion(db);
}

export async function settingsVersion(db: Database, version: number): Promise<SettingsVersion | null> {
  return getDoc<SettingsVersion>(db, SETTINGS_COLLECTION, versionId(version));
}

async function latestVersion(db: Database): Promise<SettingsVersion | null> {
  const res = await db.collection(SETTINGS_COLLECTION).orderBy('version', 'desc').limit(1).get();
  return firstOf<SettingsVersion>(res);
}

/** Writes version 1 from the documented defaults the first time settings are needed (once: a second writer gets
 * CONFLICT and reads the first one's). */
async function ensureFirstVersion(db: Database): Promise<SettingsVersion> {
  const now = new Date();
  try {
    await createEntity(
      db,
      { actor: 'system:settings-defaults', action: 'settings.publish', at: now },
      {
        collection: SETTINGS_COLLECTION,
        id: versionId(1),
        state: {
          version: 1,
          effectiveFrom: BEGINNING,
          values: DEFAULT_SETTINGS,
          createdBy: 'system:settings-defaults',
          createdAt: now,
        },
      },
    );
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
  }
  const first = await settingsVersion(db, 1);
  if (!first) throw new Error('settings version 1 missing after creation');
  return first;
}

export interface PublishRequest {
  actor: string;
  at: Date;
  effectiveFrom: Date;
  /** Top-level settings replaced in this version; the rest is carried over from the latest version. */
  changes: Partial<SettingsValues>;
}

/** Publishes the next version. Never retroactive: it takes effect now or later, and not before the latest one. */
export async function publishSettings(db: Database, request: PublishRequest): Promise<SettingsVersion> {
  const latest = (await latestVersion(db)) ?? (await ensureFirstVersion(db));
  if (request.effectiveFrom.getTime() < request.at.getTime() - 60_000) {
    throw new AppError(
      'PRECONDITION_FAILED',
      '新版本的生效时间不能早于现在（不得追溯改变已作出行为所依据的设置）',
      {
        effectiveFrom: '不能早于现在',
      },
    );
  }
  if (request.effectiveFrom.getTime() < new Date(latest.effectiveFrom).getTime()) {
    throw new AppError('PRECONDITION_FAILED', '新版本的生效时间不能早于最新版本的生效时间', {
      effectiveFrom: '不能早于最新版本的生效时间',
    });
  }
  const merged = settingsValuesSchema.safeParse({ ...latest.values, ...request.changes });
  if (!merged.success) {
    throw new AppError(
      'INVALID_INPUT',
      undefined,
      Object.fromEntries(
        merged.error.issues.map((i) => [
          ['payload', 'values', ...i.path].join('.'),
          `设置项 ${i.path.join('.')} 的取值不合法`,
        ]),
      ),
    );
  }
  const version = latest.version + 1;
  const committed = await createEntity(
    db,
    { actor: request.actor, action: 'settings.publish', at: request.at },
    {
      collection: SETTINGS_COLLECTION,
      id: versionId(version),
      state: {
        version,
        effectiveFrom: request.effectiveFrom,
        values: merged.data,
        createdBy: request.actor,
        createdAt: request.at,
      },
    },
  );
  return committed.doc as unknown as SettingsVersion;
}
