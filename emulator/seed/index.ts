/**
 * Demo data (README "Demo data and identities"): seeded on start when `options.seed` is set and the database is
 * empty, and again by `POST /_emulator/reset {seed:true}` (after the database part emptied every collection).
 * The organisation comes from the admin command's bootstrap; everything else through the functions' actions
 * (seedCaller), so the emulator imports nothing from server/.
 */
import type { EmulatorContext } from '../context';
import { connect } from '../../scripts/admin/connect';
import { seedCaller } from './call';
import { seedCases } from './cases';
import { seedDecisions } from './decisions';
import { seedOfficers } from './officers';
import { seedOrganisation } from './org';
import { seedPublication } from './publication';
import { seedService } from './service';

function sdkDatabase(ctx: EmulatorContext) {
  return connect({ PORT: new URL(ctx.baseUrl).port }).db;
}

async function isEmpty(ctx: EmulatorContext): Promise<boolean> {
  const res = await sdkDatabase(ctx).collection('org_units').limit(1).get();
  return (res.data ?? []).length === 0;
}

async function seedAll(ctx: EmulatorContext): Promise<void> {
  const call = seedCaller(ctx);
  await seedOrganisation(sdkDatabase(ctx), call);
  await seedOfficers(call);
  await seedCases(call);
  await seedPublication(call);
  await seedService(call);
  await seedDecisions(call);
}

export function registerSeed(ctx: EmulatorContext): void {
  ctx.onReady.push(async () => {
    if (ctx.options.seed && (await isEmpty(ctx))) await seedAll(ctx);
  });
  ctx.onReset.push(async ({ seed }) => {
    if (seed) await seedAll(ctx);
  });
}
