/**
 * The organisation and staff-account actions of the `staff` function: units, sections, supervision (分管), unit
 * heads, delegations, invitations, binding, roles (REC-14: every role check runs on this model). Payloads are
 * strict (unknown keys are refused); messages name the field (labels.ts) and say what is expected.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { withLabels } from './labels';
import { ROLES, type Role, type RoleGrant } from '../org/roles';
import { normalizeIdInput, validatePartyId } from '../party/ids';
import { SECTION_KINDS, UNIT_KINDS, type SectionKind, type UnitKind } from '../org/units';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const role = z.enum(ROLES);
const isoTime = z.iso.datetime({ offset: true });
const inviteDays = z.int().check(z.minimum(1), z.maximum(30));

export const emptyInput = z.strictObject({});
export const bindInput = z.strictObject({ inviteCode: z.string().check(z.minLength(1), z.maxLength(64)) });
export const inviteInput = withLabels(
  z.strictObject({
    name,
    unitId: id,
    sectionId: z.optional(id),
    roles: z.array(role).check(z.minLength(1), z.maxLength(ROLES.length)),
    expiresInDays: z.optional(inviteDays),
  }),
  { name: '姓名' },
);
export const staffIdInput = z.strictObject({ staffId: id });
export const reinviteInput = z.strictObject({ staffId: id, expiresInDays: z.optional(inviteDays) });
export const roleInput = z.strictObject({ staffId: id, role, unitId: id });
export const grantRequestInput = z.strictObject({ grantRequestId: id });
export const staffListInput = z.strictObject({ unitId: z.optional(id) });
export const sectionsInput = z.strictObject({ unitId: z.optional(id) });
/** A unit's 统一社会信用代码, check character verified (core/party/ids.ts). */
const unitCreditCode = z.string().check(
  z.maxLength(40),
  z.superRefine((v: string, ctx) => {
    const r = validatePartyId('uscc', normalizeIdInput(v));
    if (!r.ok) ctx.issues.push({ code: 'custom', message: `统一社会信用代码：${r.message}`, input: '' });
  }),
);
export const createUnitInput = withLabels(
  z.strictObject({
    name,
    kind: z.enum(UNIT_KINDS),
    parentUnitId: z.optional(id),
    creditCode: z.optional(unitCreditCode),
  }),
  { name: '单位名称', kind: '单位类型', creditCode: '统一社会信用代码' },
);
export const createSectionInput = withLabels(
  z.strictObject({ unitId: id, name, kind: z.enum(SECTION_KINDS) }),
  { name: '科室名称', kind: '科室类型' },
);
export const supervisionInput = z.strictObject({
  leaderStaffId: id,
  sectionIds: z.array(id).check(z.maxLength(20)),
});
export const unitHeadInput = z.strictObject({ unitId: id, staffId: z.nullable(id) });
export const delegateInput = withLabels(
  z.strictObject({
    fromStaffId: z.optional(id),
    toStaffId: id,
    role,
    unitId: id,
    sectionId: z.optional(id),
    validFrom: z.optional(isoTime),
    validUntil: isoTime,
    reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
    /** 主持工作 decision's document number: required when an administrator records it for the principal. */
    appointmentDocNo: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(60))),
  }),
  { appointmentDocNo: '主持工作决定文号' },
);
export const delegationIdInput = z.strictObject({ delegationId: id });

/** What other staff may see of an account: never the identity reference. */
export interface StaffAccountView {
  staffId: string;
  name: string;
  unitId: string;
  sectionId: string | null;
  roles: RoleGrant[];
  status: 'active' | 'suspended';
  bound: boolean;
  officerId: string | null;
}

export interface StaffMeView extends StaffAccountView {
  unit: { id: string; name: string; kind: UnitKind } | null;
  section: { id: string; name: string; kind: SectionKind } | null;
  /** Held by grant; `roles` adds delegations in force and drops an officer role whose certificate lapsed. */
  grants: RoleGrant[];
  roles: Array<RoleGrant & { label: string }>;
  delegations: Array<{
    id: string;
    fromStaffId: string;
    role: Role;
    unitId: string;
    sectionId: string | null;
    validUntil: Date;
  }>;
}

/** The code is in the answer once; a replay of the request is refused (it is never stored). */
export interface InvitationCreated {
  inviteCode: string;
  staffId: string;
  expiresAt: Date;
}

export interface UnitView {
  id: string;
  name: string;
  kind: UnitKind;
  parentUnitId: string | null;
  headStaffId: string | null;
  /** 统一社会信用代码 (an organ's public identifier); null: not recorded. */
  creditCode?: string | null;
}

export interface SectionView {
  id: string;
  unitId: string;
  name: string;
  kind: SectionKind;
  supervisorStaffIds: string[];
}

export type DelegationStatus = 'pending' | 'approved' | 'rejected';

export interface DelegationView {
  id: string;
  fromStaffId: string;
  toStaffId: string;
  role: Role;
  unitId: string;
  sectionId: string | null;
  validFrom: Date;
  validUntil: Date;
  reason: string;
  appointmentDocNo: string | null;
  recordedAs: string | null;
  requestedBy: string | null;
  status: DelegationStatus;
  revokedAt: Date | null;
}

export type GrantAnswer =
  | { status: 'granted'; account: StaffAccountView }
  | { status: 'pending'; grantRequestId: string; expiresAt: Date };

/** What waits for a second administrator. */
export type PendingApproval =
  | {
      kind: 'grant';
      grantRequestId: string;
      staffId: string;
      role: Role;
      unitId: string;
      requestedBy: string | null;
      expiresAt: Date;
    }
  | {
      kind: 'delegation';
      delegationId: string;
      staffId: string;
      fromStaffId: string;
      role: Role;
      unitId: string;
      sectionId: string | null;
      requestedBy: string | null;
      appointmentDocNo: string | null;
      validFrom: Date;
      expiresAt: Date;
    };

const ADMIN = ['admin'] as const;
const staff = { fn: 'staff', access: 'staff' } as const;
const adminWrite = { ...staff, roles: ADMIN, idempotent: true } as const;

export const staffBind = declareAction<StaffAccountView>()({
  fn: 'staff',
  name: 'staff.bind',
  access: 'unboundStaff',
  idempotent: true,
  input: bindInput,
});
export const staffMe = declareAction<StaffMeView>()({ ...staff, name: 'staff.me', input: emptyInput });
export const staffInvite = declareAction<InvitationCreated>()({
  ...adminWrite,
  name: 'staff.invite',
  ids: 'request',
  input: inviteInput,
});
export const staffReinvite = declareAction<InvitationCreated>()({
  ...adminWrite,
  name: 'staff.reinvite',
  input: reinviteInput,
});
export const staffList = declareAction<Page<StaffAccountView>>()({
  ...staff,
  roles: ADMIN,
  name: 'staff.list',
  input: staffListInput,
});
export const staffSuspend = declareAction<StaffAccountView>()({
  ...adminWrite,
  name: 'staff.suspend',
  input: staffIdInput,
});
export const staffReinstate = declareAction<StaffAccountView>()({
  ...adminWrite,
  name: 'staff.reinstate',
  input: staffIdInput,
});
export const staffGrantRole = declareAction<GrantAnswer>()({
  ...adminWrite,
  name: 'staff.grantRole',
  ids: 'request',
  input: roleInput,
});
export const staffGrantRequests = declareAction<Page<PendingApproval>>()({
  ...staff,
  roles: ADMIN,
  name: 'staff.grantRequests',
  input: emptyInput,
});
export const staffApproveGrant = declareAction<{ status: string; account: StaffAccountView | null }>()({
  ...adminWrite,
  name: 'staff.approveGrant',
  input: grantRequestInput,
});
export const staffRejectGrant = declareAction<{ status: string }>()({
  ...adminWrite,
  name: 'staff.rejectGrant',
  input: grantRequestInput,
});
export const staffRevokeRole = declareAction<StaffAccountView>()({
  ...adminWrite,
  name: 'staff.revokeRole',
  input: roleInput,
});

export const orgUnits = declareAction<Page<UnitView>>()({ ...staff, name: 'org.units', input: emptyInput });
export const orgSections = declareAction<Page<SectionView>>()({
  ...staff,
  name: 'org.sections',
  input: sectionsInput,
});
export const orgCreateUnit = declareAction<Omit<UnitView, 'headStaffId'>>()({
  ...adminWrite,
  name: 'org.createUnit',
  ids: 'request',
  input: createUnitInput,
});
export const orgCreateSection = declareAction<Omit<SectionView, 'supervisorStaffIds'>>()({
  ...adminWrite,
  name: 'org.createSection',
  ids: 'request',
  input: createSectionInput,
});
/** Replaces the set of sections the leader supervises (分管). */
export const orgSetSupervision = declareAction<{ leaderStaffId: string; sectionIds: string[] }>()({
  ...adminWrite,
  name: 'org.setSupervision',
  ids: 'request',
  input: supervisionInput,
});
export const orgSetUnitHead = declareAction<{ id: string; headStaffId: string | null }>()({
  ...adminWrite,
  name: 'org.setUnitHead',
  input: unitHeadInput,
});
/** Who may record which delegation is the organisation model's rule (server/org/conferral.ts), not a role list. */
export const orgDelegate = declareAction<DelegationView>()({
  ...staff,
  name: 'org.delegate',
  idempotent: true,
  ids: 'request',
  input: delegateInput,
});
export const orgApproveDelegation = declareAction<DelegationView>()({
  ...adminWrite,
  name: 'org.approveDelegation',
  input: delegationIdInput,
});
export const orgRejectDelegation = declareAction<DelegationView>()({
  ...adminWrite,
  name: 'org.rejectDelegation',
  input: delegationIdInput,
});
export const orgRevokeDelegation = declareAction<DelegationView>()({
  ...staff,
  name: 'org.revokeDelegation',
  idempotent: true,
  input: delegationIdInput,
});

export const ORG_STAFF_ACTIONS = [
  staffBind,
  staffMe,
  staffInvite,
  staffReinvite,
  staffList,
  staffSuspend,
  staffReinstate,
  staffGrantRole,
  staffGrantRequests,
  staffApproveGrant,
  staffRejectGrant,
  staffRevokeRole,
  orgUnits,
  orgSections,
  orgCreateUnit,
  orgCreateSection,
  orgSetSupervision,
  orgSetUnitHead,
  orgDelegate,
  orgApproveDelegation,
  orgRejectDelegation,
  orgRevokeDelegation,
] as const;
