/** Payload schemas of the organisation and staff-account actions (strict: unknown keys are refused). */
import * as z from 'zod';
import { withLabels } from '../../../core/contract/labels';
import { ROLES } from '../../../core/org/roles';
import { SECTION_KINDS, UNIT_KINDS } from '../../org/units';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const name = z.string().trim().min(1).max(40);
const role = z.enum(ROLES);
// Messages name the field (core/contract/labels.ts) and say what is expected (validation.ts).
const isoTime = z.iso.datetime({ offset: true });

export const emptyInput = z.strictObject({});
export const bindInput = z.strictObject({ inviteCode: z.string().min(1).max(64) });
export const inviteInput = z.strictObject({
  name,
  unitId: id,
  sectionId: z.optional(id),
  roles: z.array(role).min(1).max(ROLES.length),
  expiresInDays: z.optional(z.int().min(1).max(30)),
});
export const staffIdInput = z.strictObject({ staffId: id });
export const reinviteInput = z.strictObject({
  staffId: id,
  expiresInDays: z.optional(z.int().min(1).max(30)),
});
export const roleInput = z.strictObject({ staffId: id, role, unitId: id });
export const grantRequestInput = z.strictObject({ grantRequestId: id });
export const staffListInput = z.strictObject({ unitId: z.optional(id) });
export const sectionsInput = z.strictObject({ unitId: z.optional(id) });
export const createUnitInput = z.strictObject({
  name,
  kind: z.enum(UNIT_KINDS),
  parentUnitId: z.optional(id),
});
export const createSectionInput = z.strictObject({ unitId: id, name, kind: z.enum(SECTION_KINDS) });
export const supervisionInput = z.strictObject({ leaderStaffId: id, sectionIds: z.array(id).max(20) });
export const unitHeadInput = z.strictObject({ unitId: id, staffId: z.nullable(id) });
export const delegateInput = z.strictObject({
  fromStaffId: z.optional(id),
  toStaffId: id,
  role,
  unitId: id,
  sectionId: z.optional(id),
  validFrom: z.optional(isoTime),
  validUntil: isoTime,
  reason: z.string().trim().min(2).max(200),
  /** 主持工作 decision's document number: required when an administrator records it for the principal. */
  appointmentDocNo: z.optional(z.string().trim().min(2).max(60)),
});
export const delegationIdInput = z.strictObject({ delegationId: id });

// `name` and `kind` mean different things per action; the router names the field with these.
withLabels(inviteInput, { name: '姓名' });
withLabels(createUnitInput, { name: '单位名称', kind: '单位类型' });
withLabels(createSectionInput, { name: '科室名称', kind: '科室类型' });
withLabels(delegateInput, { appointmentDocNo: '主持工作决定文号' });
