/**
 * "The section's reviewer", "the unit head" and "their leader" (docs/architecture.md "Who may do what"), resolved through the
 * model at a given time: supervisions and heads as recorded, plus delegations in force. Only active accounts that
 * hold the needed role count, so a suspension or a revoked grant takes effect here too.
 */
import type { Role } from '../../core/org/roles';
import type { Database } from '../platform/cloudbase';
import { getAccount, holdsGrant, isActive } from './accounts';
import { delegationsFrom } from './delegations';
import { supervisionsOfLeader, supervisionsOfSection } from './supervision';
import { commissionOfUnit } from '../../core/org/units';
import { findAll } from '../platform/docs';
import { getSection, getUnit, UNITS_COLLECTION, UNIT_KINDS, type OrgUnit } from './units';

async function activeHolders(db: Database, ids: string[], role: Role, unitId: string): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const account = await getAccount(db, id);
    if (isActive(account) && holdsGrant(account, role, unitId)) out.push(id);
  }
  return out;
}

async function delegatesOf(
  db: Database,
  fromIds: string[],
  role: Role,
  unitId: string,
  sectionId: string | null,
  at: Date,
): Promise<string[]> {
  const out: string[] = [];
  for (const from of fromIds) {
    for (const d of await delegationsFrom(db, from, at)) {
      const inScope = d.sectionId === null || d.sectionId === sectionId;
      if (d.role === role && d.unitId === unitId && inScope && isActive(await getAccount(db, d.toStaffId))) {
        out.push(d.toStaffId);
      }
    }
  }
  return out;
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The leaders supervising the section (分管领导, holding `reviewer` there), then their delegates in force. */
export async function sectionReviewers(db: Database, sectionId: string, at: Date): Promise<string[]> {
  const section = await getSection(db, sectionId);
  if (!section) return [];
  const leaderIds = (await supervisionsOfSection(db, sectionId, at)).map((s) => s.leaderStaffId);
  const leaders = await activeHolders(db, unique(leaderIds), 'reviewer', section.unitId);
  return unique([...leaders, ...(await delegatesOf(db, leaders, 'reviewer', section.unitId, sectionId, at))]);
}

/** The unit head (holding `principal` in the unit), then whoever holds `principal` there by delegation from them. */
export async function unitHead(db: Database, unitId: string, at: Date): Promise<string[]> {
  const unit = await getUnit(db, unitId);
  if (!unit?.headStaffId) return [];
  const head = await activeHolders(db, [unit.headStaffId], 'principal', unitId);
  return unique([...head, ...(await delegatesOf(db, head, 'principal', unitId, null, at))]);
}

/**
 * "Their leader": for staff in a section, the section's reviewers; for a leader who supervises sections, or staff
 * whose section has none, the unit head. Never the person themselves. Empty for the head of the commission.
 */
export async function leadersOf(db: Database, staffId: string, at: Date): Promise<string[]> {
  const account = await getAccount(db, staffId);
  if (!account) return [];
  const supervisesSomething = (await supervisionsOfLeader(db, staffId, at)).length > 0;
  if (account.sectionId && !supervisesSomething) {
    const reviewers = (await sectionReviewers(db, account.sectionId, at)).filter((id) => id !== staffId);
    if (reviewers.length) return reviewers;
  }
  const unit = await getUnit(db, account.unitId);
  let heads = (await unitHead(db, account.unitId, at)).filter((id) => id !== staffId);
  // The enforcement unit's head answers to the commission's head.
  if (!heads.length && unit?.parentUnitId && unit.headStaffId === staffId) {
    heads = (await unitHead(db, unit.parentUnitId, at)).filter((id) => id !== staffId);
  }
  return heads;
}

async function unitMap(db: Database): Promise<Map<string, OrgUnit>> {
  const units = await findAll<OrgUnit>(db, UNITS_COLLECTION, { kind: db.command.in([...UNIT_KINDS]) });
  return new Map(units.map((u) => [u._id, u]));
}

/** The commission a unit belongs to (core/org/units.ts `commissionOfUnit`): it approves publication for both. */
export async function commissionOf(db: Database, unitId: string): Promise<string> {
  return commissionOfUnit(unitId, await unitMap(db));
}

/** Every unit whose commission is one of `commissionIds` (the commission itself and its enforcement unit). */
export async function unitsUnderCommissions(
  db: Database,
  commissionIds: readonly string[],
): Promise<string[]> {
  if (!commissionIds.length) return [];
  const units = await unitMap(db);
  return [...units.keys()].filter((id) => commissionIds.includes(commissionOfUnit(id, units)));
}
