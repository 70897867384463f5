/** Staff roles, granted per unit (docs/architecture.md "Who may do what"). */
export const ROLES = [
  'officer',
  'custodian',
  'reviewer',
  'principal',
  'publisher',
  'auditor',
  'admin',
  'partyOffice',
  'statistician',
  'creditReporter',
] as const;
export type Role = (typeof ROLES)[number];

/** Granting these needs a second administrator's approval (server/org/conferral.ts). */
export const SENSITIVE_ROLES: readonly Role[] = ['reviewer', 'principal', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  custodian: '档案专人',
  reviewer: '分管领导',
  principal: '主要领导',
  publisher: '办公室公示专员',
  auditor: '法制稽查',
  admin: '系统管理员',
  partyOffice: '党委办公室（公众号）',
  statistician: '信息统计员',
  creditReporter: '信用信息报送员',
};

/**
 * A role in a unit, over the whole unit or only one section of it. Stored grants are unit-wide; a delegation
 * limited to one section gives a section-scoped grant in the effective roles, which acts only on records of
 * that section.
 */
export interface RoleGrant {
  role: Role;
  unitId: string;
  /** null or absent: the whole unit. */
  sectionId?: string | null;
}
