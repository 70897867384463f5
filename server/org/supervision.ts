/**
 * 分管: which leader supervises which sections. One entity per (leader, section) period, so that "who supervised
 * this section on that day" stays answerable and nothing is deleted: ending a supervision sets `validUntil`.
 */
import { AppError } from '../errors';
import { commitChange, type EntityWrite } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import { requireAccount, holdsGrant, isActive } from './accounts';
import { findAll, stateOf } from '../platform/docs';
import { requireSection, type ChangeContext } from './units';

export const SUPERVISIONS_COLLECTION = 'org_supervisions';

export interface Supervision {
  _id: string;
  _rev: number;
  leaderStaffId: string;
  sectionId: string;
  unitId: string;
  validFrom: Date;
  /** null while in force. */
  validUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function inForceAt(period: { validFrom: Date; validUntil: Date | null }, at: Date): boolean {
  const t = at.getTime();
  return (
    new Date(period.validFrom).getTime() <= t &&
    (period.validUntil === null || t < new Date(period.validUntil).getTime())
  );
}

export async function supervisionsOfSection(
  db: Database,
  sectionId: string,
  at: Date,
): Promise<Supervision[]> {
  return (await findAll<Supervision>(db, SUPERVISIONS_COLLECTION, { sectionId })).filter((s) =>
    inForceAt(s, at),
  );
}

export async function supervisionsOfLeader(
  db: Database,
  leaderStaffId: string,
  at: Date,
): Promise<Supervision[]> {
  return (await findAll<Supervision>(db, SUPERVISIONS_COLLECTION, { leaderStaffId })).filter((s) =>
    inForceAt(s, at),
  );
}

/**
 * Sets the sections a leader supervises from now on: supervisions not listed end now, new ones begin now, in one
 * ledgered change. The leader must hold `reviewer` in each section's unit: supervision must not hand out review
 * powers that bypass the second administrator's approval of the `reviewer` grant.
 */
export async function setSupervision(
  c: ChangeContext,
  leaderStaffId: string,
  sectionIds: string[],
): Promise<Supervision[]> {
  const leader = await requireAccount(c.db, leaderStaffId);
  if (!isActive(leader)) throw new AppError('PRECONDITION_FAILED', '该领导账号已停用');
  const wanted = [...new Set(sectionIds)];
  const sections = await Promise.all(wanted.map((id) => requireSection(c.db, id)));
  for (const s of sections) {
    if (!holdsGrant(leader, 'reviewer', s.unitId)) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `${leader.name}尚未获授该单位的分管领导（reviewer）角色，不能分管“${s.name}”`,
      );
    }
  }
  const current = await supervisionsOfLeader(c.db, leaderStaffId, c.now);
  const writes: EntityWrite[] = [];
  for (const s of current) {
    if (!wanted.includes(s.sectionId)) {
      writes.push({
        collection: SUPERVISIONS_COLLECTION,
        id: s._id,
        expectedRev: s._rev,
        state: { ...stateOf(s), validUntil: c.now, updatedAt: c.now },
      });
    }
  }
  for (const section of sections) {
    if (current.some((s) => s.sectionId === section._id)) continue;
    writes.push({
      collection: SUPERVISIONS_COLLECTION,
      id: c.ids.newId('sup', `${leaderStaffId}:${section._id}`),
      expectedRev: null,
      state: {
        leaderStaffId,
        sectionId: section._id,
        unitId: section.unitId,
        validFrom: c.now,
        validUntil: null,
        createdAt: c.now,
        updatedAt: c.now,
      },
    });
  }
  if (writes.length)
    await commitChange(c.db, { actor: c.actor, action: 'org.setSupervision', at: c.now, entities: writes });
  return supervisionsOfLeader(c.db, leaderStaffId, c.now);
}
