/**
 * The demo organisation seeded at emulator start: set up through the operator's own path (the admin command's
 * bootstrap from an organisation chart), then every demo person binds their account with the invitation code
 * through the `staff` function, exactly as people do in production. So the demo data has a valid ledger, and the
 * emulator imports nothing from server/.
 *
 * Demo staff and their fixed WeChat openids (the mini-program in develop and the tests act as them by sending
 * the openid as `X-WX-OPENID`):
 *
 * | openid             | staff id          | who                                   | roles (unit)                          |
 * |--------------------|-------------------|---------------------------------------|---------------------------------------|
 * | `demo-principal`   | `stf_principal`   | 主要领导, head of the commission      | principal (commission)*               |
 * | `demo-leader-1`    | `stf_leader_1`    | 分管领导: 医政医管科, 法规与综合监督科 | reviewer (commission)                 |
 * | `demo-leader-2`    | `stf_leader_2`    | 分管领导: 办公室, 公共卫生科          | reviewer (commission)                 |
 * | `demo-unit-head`   | `stf_unit_head`   | 支队长; supervises both departments   | principal, reviewer (enforcement)     |
 * | `demo-officer-1`   | `stf_officer_1`   | 执法一大队                            | officer (enforcement)                 |
 * | `demo-officer-2`   | `stf_officer_2`   | 执法二大队                            | officer (enforcement)                 |
 * | `demo-officer-3`   | `stf_officer_3`   | 医政医管科                            | officer (commission)                  |
 * | `demo-custodian`   | `stf_custodian`   | 执法一大队, 档案专人                  | custodian (enforcement)               |
 * | `demo-publisher`   | `stf_publisher`   | 办公室, 公示专员                      | publisher (commission)                |
 * | `demo-publisher-2` | `stf_publisher_2` | 支队公示专员                          | publisher (enforcement)               |
 * | `demo-auditor`     | `stf_auditor`     | 法规与综合监督科                      | auditor (commission, enforcement)     |
 * | `demo-admin-1`     | `stf_admin_1`     | 办公室, 系统管理员                    | admin (commission)                    |
 * | `demo-admin-2`     | `stf_admin_2`     | 办公室, 系统管理员                    | admin (commission)                    |
 * | `demo-party-office`| `stf_party_office`| 党委办公室, runs the official account | partyOffice (commission)              |
/**
 * | `demo-statistician`| `stf_statistician`| 信息统计科 (portal feed, 信用重庆)     | statistician, creditReporter (both)   |
 *
 * (*) The commission's 主要领导 approves the publication of enforcement results (seed publicity Art. 22-23) for the
 * enforcement unit too, without any role there: the publication guard resolves the approver through the model
 * (the entry's unit's commission, server/org/resolvers.ts `commissionOf`). In the enforcement unit the unit head
 * reviews (分管 its departments; principal there for recording matters only) and the unit's own 公示专员
 * forwards, so the four steps are four people in both units.
 *
 * Sections: the commission's 办公室, 医政医管科, 公共卫生科, 信息统计科 (the portal and the credit platform's upload)
 * and 法规与综合监督科 (kind `oversight`: it handles
 * complaints about enforcement conduct, which never go to the enforcement unit); the enforcement unit's 执法一大队,
 * 执法二大队 and 法制稽查 (its internal legal review and inspection).
 */
import type { Role } from '../../core/org/roles';
import { bootstrapOrganisation, type OrgChart } from '../../scripts/admin/bootstrap';
import type { connect } from '../../scripts/admin/connect';
import type { SeedCaller } from './call';

export const DEMO_UNITS = { commission: 'unit_commission', enforcement: 'unit_enforcement' } as const;

export const DEMO_SECTIONS = {
  office: 'sec_office',
  medical: 'sec_medical',
  publicHealth: 'sec_public_health',
  legal: 'sec_legal',
  department1: 'sec_dept_1',
  department2: 'sec_dept_2',
  enforcementLegal: 'sec_enf_legal',
  partyOffice: 'sec_party_office',
  statistics: 'sec_statistics',
} as const;

/** The demo units' 统一社会信用代码: fictional, check character valid (GB 32100-2015). */
export const DEMO_UNIT_CREDIT_CODES = {
  commission: '11500101MB1D47263A',
  enforcement: '12500101MB0N83515C',
} as const;

const C = DEMO_UNITS.commission;
const E = DEMO_UNITS.enforcement;

interface DemoStaff {
  staffId: string;
  openid: string;
  name: string;
  unitId: string;
  sectionId: string | null;
  roles: Array<[Role, string]>;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    staffId: 'stf_principal',
    openid: 'demo-principal',
    name: '王建国',
    unitId: C,
    sectionId: null,
    roles: [['principal', C]],
  },
  {
    staffId: 'stf_leader_1',
    openid: 'demo-leader-1',
    name: '李卫东',
    unitId: C,
    sectionId: null,
    roles: [['reviewer', C]],
  },
  {
    staffId: 'stf_leader_2',
    openid: 'demo-leader-2',
    name: '陈晓燕',
    unitId: C,
    sectionId: null,
    roles: [['reviewer', C]],
  },
  {
    staffId: 'stf_unit_head',
    openid: 'demo-unit-head',
    name: '赵志刚',
    unitId: E,
    sectionId: null,
    roles: [
      ['principal', E],
      ['reviewer', E],
    ],
  },
  {
    staffId: 'stf_officer_1',
    openid: 'demo-officer-1',
    name: '张伟',
    unitId: E,
    sectionId: DEMO_SECTIONS.department1,
    roles: [['officer', E]],
  },
  {
    staffId: 'stf_officer_2',
    openid: 'demo-officer-2',
    name: '刘洋',
    unitId: E,
    sectionId: DEMO_SECTIONS.department2,
    roles: [['officer', E]],
  },
  {
    staffId: 'stf_officer_3',
    openid: 'demo-officer-3',
    name: '周敏',
    unitId: C,
    sectionId: DEMO_SECTIONS.medical,
    roles: [['officer', C]],
  },
  {
    staffId: 'stf_custodian',
    openid: 'demo-custodian',
    name: '孙丽',
    unitId: E,
    sectionId: DEMO_SECTIONS.department1,
    roles: [['custodian', E]],
  },
  {
    staffId: 'stf_publisher',
    openid: 'demo-publisher',
    name: '吴芳',
    unitId: C,
    sectionId: DEMO_SECTIONS.office,
    roles: [['publisher', C]],
  },
  {
    staffId: 'stf_publisher_2',
    openid: 'demo-publisher-2',
    name: '钱静',
    unitId: E,
    sectionId: null,
    roles: [['publisher', E]],
  },
  {
    staffId: 'stf_auditor',
    openid: 'demo-auditor',
    name: '郑涛',
    unitId: C,
    sectionId: DEMO_SECTIONS.legal,
    roles: [
      ['auditor', C],
      ['auditor', E],
    ],
  },
  {
    staffId: 'stf_admin_1',
    openid: 'demo-admin-1',
    name: '黄磊',
    unitId: C,
    sectionId: DEMO_SECTIONS.office,
    roles: [['admin', C]],
  },
  {
    staffId: 'stf_admin_2',
    openid: 'demo-admin-2',
    name: '林静',
    unitId: C,
    sectionId: DEMO_SECTIONS.office,
    roles: [['admin', C]],
  },
  {
    staffId: 'stf_party_office',
    openid: 'demo-party-office',
    name: '何静',
    unitId: C,
    sectionId: DEMO_SECTIONS.partyOffice,
    roles: [['partyOffice', C]],
  },
  {
    staffId: 'stf_statistician',
    openid: 'demo-statistician',
    name: '周敏',
    unitId: C,
    sectionId: DEMO_SECTIONS.statistics,
    roles: [
      ['statistician', C],
      ['creditReporter', C],
      ['creditReporter', E],
    ],
  },
];

const SECTIONS: Array<[string, string, string, OrgChart['sections'][number]['kind']]> = [
  [DEMO_SECTIONS.office, C, '办公室', 'office'],
  [DEMO_SECTIONS.medical, C, '医政医管科', 'section'],
  [DEMO_SECTIONS.publicHealth, C, '公共卫生科', 'section'],
  [DEMO_SECTIONS.legal, C, '法规与综合监督科', 'oversight'],
  [DEMO_SECTIONS.statistics, C, '信息统计科', 'section'],
  [DEMO_SECTIONS.department1, E, '执法一大队', 'department'],
  [DEMO_SECTIONS.department2, E, '执法二大队', 'department'],
  [DEMO_SECTIONS.enforcementLegal, E, '法制稽查', 'department'],
  [DEMO_SECTIONS.partyOffice, C, '党委办公室', 'office'],
];

const SUPERVISION: Array<[string, string[]]> = [
  ['stf_leader_1', [DEMO_SECTIONS.medical, DEMO_SECTIONS.legal]],
  ['stf_leader_2', [DEMO_SECTIONS.office, DEMO_SECTIONS.publicHealth]],
  ['stf_unit_head', [DEMO_SECTIONS.department1, DEMO_SECTIONS.department2]],
];

/** The chart as the operator would write it (scripts/admin/bootstrap.ts). */
export const DEMO_CHART: OrgChart = {
  units: [
    // Fictional 统一社会信用代码 with a valid check character (11: 机关; 12: 事业单位; 500101: 万州区).
    {
      id: C,
      name: '区卫生健康委员会',
      kind: 'commission',
      creditCode: DEMO_UNIT_CREDIT_CODES.commission,
      headStaffId: 'stf_principal',
    },
    {
      id: E,
      name: '区卫生健康综合行政执法支队',
      kind: 'enforcement',
      parentUnitId: C,
      creditCode: DEMO_UNIT_CREDIT_CODES.enforcement,
      headStaffId: 'stf_unit_head',
    },
  ],
  sections: SECTIONS.map(([id, unitId, name, kind]) => ({ id, unitId, name, kind })),
  staff: DEMO_STAFF.map((s) => ({
    id: s.staffId,
    name: s.name,
    unitId: s.unitId,
    ...(s.sectionId ? { sectionId: s.sectionId } : {}),
    roles: s.roles,
  })),
  supervision: SUPERVISION.map(([leaderStaffId, sectionIds]) => ({ leaderStaffId, sectionIds })),
};

type Database = ReturnType<typeof connect>['db'];

export async function seedOrganisation(db: Database, call: SeedCaller): Promise<void> {
  const { invitations } = await bootstrapOrganisation(db, DEMO_CHART, new Date());
  for (const inv of invitations) {
    const person = DEMO_STAFF.find((s) => s.staffId === inv.staffId)!;
    await call('staff', person.openid, 'staff.bind', { inviteCode: inv.code });
  }
}
