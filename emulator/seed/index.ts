/**
 * Demo data (DESIGN.md "The local emulator"): seeded on start when `options.seed` is set and the database is
 * empty, and again by `POST /_emulator/reset {seed:true}` (after the database part emptied every collection).
 * Each feature adds its seeder to SEEDERS; they run in order through the real SDK against this emulator.
 */
import type { EmulatorContext } from '../context';
import { database, type Database } from '../../server/platform/cloudbase';
import { seedOfficers } from './officers';
import { seedOrganisation } from './org';

type Seeder = (db: Database, now: Date) => Promise<void>;

const SEEDERS: Seeder[] = [seedOrganisation, seedOfficers];

async function isEmpty(db: Database): Promise<boolean> {
  const res = await db.collection('org_units').limit(1).get();
  return (res.data ?? []).length === 0;
}

async function seedAll(): Promise<void> {
  const db = database();
  for (const seed of SEEDERS) await seed(db, new Date());
}

export function registerSeed(ctx: EmulatorContext): void {
  ctx.onReady.push(async () => {
    if (ctx.options.seed && (await isEmpty(database()))) await seedAll();
  });
  ctx.onReset.push(async ({ seed }) => {
    if (seed) await seedAll();
  });
}
