/**
 * Setting up a deployment from an organisation chart (`npm run admin -- bootstrap --file chart.json`): units,
 * sections, staff accounts with their roles (each with an invitation code, printed once), unit heads and the
 * sections each leader supervises (分管). It is the operator's path (the environment's credentials, actor
 * `system:admin-cli`, sensitive roles allowed as for the first administrators); every change is on the ledger.
 * The emulator seeds its demo organisation through this very function, then binds and works through the
 * functions' actions like any user.
 *
 * Running it again on a set-up database changes nothing and answers no codes: what exists is left alone.
 */
import * as z from 'zod';
import { ROLES } from '../../core/org/roles';
import { STAFF_COLLECTION, type StaffAccount } from '../../server/org/accounts';
import { OPERATOR } from '../../server/org/conferral';
import { getDoc } from '../../server/platform/docs';
import { grantRole } from '../../server/org/grants';
import { createInvitation } from '../../server/org/invitations';
import { setSupervision } from '../../server/org/supervision';
import {
  createSection,
  createUnit,
  getSection,
  getUnit,
  SECTION_KINDS,
  setUnitHead,
  UNIT_KINDS,
  type ChangeContext,
} from '../../server/org/units';
import type { Database } from '../../server/platform/cloudbase';
import { randomIds } from '../../server/platform/ids';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号只能含字母、数字、下划线和连字符' });
const name = z.string().trim().min(1).max(40);

export const orgChartSchema = z.strictObject({
  units: z
    .array(
      z.strictObject({
        id,
        name,
        kind: z.enum(UNIT_KINDS),
        parentUnitId: z.optional(id),
        /** 统一社会信用代码 (check character verified by createUnit). */
        creditCode: z.optional(z.string().max(40)),
        headStaffId: z.optional(id),
      }),
    )
    .min(1),
  sections: z.array(z.strictObject({ id, unitId: id, name, kind: z.enum(SECTION_KINDS) })),
  staff: z.array(
    z.strictObject({
      id,
      name,
      unitId: id,
      sectionId: z.optional(id),
      /** Roles per unit: `[role, unitId]`. */
      roles: z.array(z.tuple([z.enum(ROLES), id])).min(1),
    }),
  ),
  supervision: z.array(z.strictObject({ leaderStaffId: id, sectionIds: z.array(id) })),
});

export type OrgChart = z.infer<typeof orgChartSchema>;

export interface BootstrapResult {
  /** One per account created now: the code to hand to that person (valid `days` days, single use). */
  invitations: Array<{ staffId: string; name: string; code: string; expiresAt: Date }>;
}

export async function bootstrapOrganisation(
  db: Database,
  chart: OrgChart,
  now: Date,
  days = 7,
): Promise<BootstrapResult> {
  const c: ChangeContext = { db, actor: 'system:admin-cli', now, ids: randomIds() };
  for (const u of chart.units) {
    if (!(await getUnit(db, u.id)))
      await createUnit(c, {
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentUnitId: u.parentUnitId,
        creditCode: u.creditCode,
      });
  }
  for (const s of chart.sections) {
    if (!(await getSection(db, s.id))) await createSection(c, s);
  }
  const invitations: BootstrapResult['invitations'] = [];
  for (const s of chart.staff) {
    if (await getDoc<StaffAccount>(db, STAFF_COLLECTION, s.id)) continue;
    // Roles in the account's own unit come with the invitation; roles in other units (an auditor of both
    // bodies) are granted to the account as the operator.
    const own = s.roles.filter(([, unitId]) => unitId === s.unitId).map(([role]) => role);
    const created = await createInvitation(c, OPERATOR, {
      staffId: s.id,
      name: s.name,
      unitId: s.unitId,
      sectionId: s.sectionId ?? null,
      roles: own,
      expiresInDays: days,
    });
    for (const [role, unitId] of s.roles.filter(([, u]) => u !== s.unitId)) {
      await grantRole(c, OPERATOR, { staffId: s.id, role, unitId });
    }
    invitations.push({ staffId: s.id, name: s.name, code: created.code, expiresAt: created.expiresAt });
  }
  for (const u of chart.units) {
    const unit = await getUnit(db, u.id);
    if (u.headStaffId && unit && unit.headStaffId !== u.headStaffId)
      await setUnitHead(c, u.id, u.headStaffId);
  }
  for (const s of chart.supervision) await setSupervision(c, s.leaderStaffId, s.sectionIds);
  return { invitations };
}
