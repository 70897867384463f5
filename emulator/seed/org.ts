/**
 * The demo organisation seeded at emulator start (DESIGN.md "The local emulator"): written through the real SDK
 * and the server's ledgered change path, so the demo data has a valid ledger like production data.
 *
 * Demo staff and their fixed WeChat openids (the mini-program in develop and the tests act as them by sending
 * the openid as `X-WX-OPENID`):
 *
 * | openid             | staff id          | who                                   | roles (unit)                          |
 * |--------------------|-------------------|---------------------------------------|---------------------------------------|
 * | `demo-principal`   | `stf_principal`   | 主要领导, head of the commission      | principal (commission)                |
 * | `demo-leader-1`    | `stf_leader_1`    | 分管领导: 医政医管科, 法规科          | reviewer (commission)                 |
 * | `demo-leader-2`    | `stf_leader_2`    | 分管领导: 办公室, 公共卫生科          | reviewer (commission)                 |
 * | `demo-unit-head`   | `stf_unit_head`   | 支队长; supervises both departments   | principal, reviewer (enforcement)     |
 * | `demo-officer-1`   | `stf_officer_1`   | 执法一大队                            | officer (enforcement)                 |
 * | `demo-officer-2`   | `stf_officer_2`   | 执法二大队                            | officer (enforcement)                 |
 * | `demo-officer-3`   | `stf_officer_3`   | 医政医管科                            | officer (commission)                  |
 * | `demo-custodian`   | `stf_custodian`   | 执法一大队, 档案专人                  | custodian (enforcement)               |
 * | `demo-publisher`   | `stf_publisher`   | 办公室, 公示专员                      | publisher (commission)                |
 * | `demo-auditor`     | `stf_auditor`     | 法规科（法制稽查）                    | auditor (commission, enforcement)     |
 * | `demo-admin-1`     | `stf_admin_1`     | 办公室, 系统管理员                    | admin (commission)                    |
 * | `demo-admin-2`     | `stf_admin_2`     | 办公室, 系统管理员                    | admin (commission)                    |
 */
import type { Role, RoleGrant } from '../../core/org/roles';
import { commitChange } from '../../server/ledger/commit';
import { STAFF_COLLECTION, STAFF_IDENTITIES_COLLECTION } from '../../server/org/accounts';
import { setSupervision } from '../../server/org/supervision';
import {
  createSection,
  createUnit,
  setUnitHead,
  type ChangeContext,
  type SectionKind,
} from '../../server/org/units';
import type { Database } from '../../server/platform/cloudbase';
import { saltedRef } from '../../server/platform/crypto';

export const DEMO_UNITS = { commission: 'unit_commission', enforcement: 'unit_enforcement' } as const;

export const DEMO_SECTIONS = {
  office: 'sec_office',
  medical: 'sec_medical',
  publicHealth: 'sec_public_health',
  legal: 'sec_legal',
  department1: 'sec_dept_1',
  department2: 'sec_dept_2',
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
];

const SECTIONS: Array<[string, string, string, SectionKind]> = [
  [DEMO_SECTIONS.office, C, '办公室', 'office'],
  [DEMO_SECTIONS.medical, C, '医政医管科', 'section'],
  [DEMO_SECTIONS.publicHealth, C, '公共卫生科', 'section'],
  [DEMO_SECTIONS.legal, C, '法规科（法制稽查）', 'section'],
  [DEMO_SECTIONS.department1, E, '执法一大队', 'department'],
  [DEMO_SECTIONS.department2, E, '执法二大队', 'department'],
];

const SUPERVISION: Array<[string, string[]]> = [
  ['stf_leader_1', [DEMO_SECTIONS.medical, DEMO_SECTIONS.legal]],
  ['stf_leader_2', [DEMO_SECTIONS.office, DEMO_SECTIONS.publicHealth]],
  ['stf_unit_head', [DEMO_SECTIONS.department1, DEMO_SECTIONS.department2]],
];

export async function seedOrganisation(db: Database, now: Date): Promise<void> {
  const c: ChangeContext = { db, actor: 'system:seed', now, idempotencyKey: null };
  await createUnit(c, { id: C, name: '区卫生健康委员会', kind: 'commission' });
  await createUnit(c, { id: E, name: '区卫生健康综合行政执法支队', kind: 'enforcement', parentUnitId: C });
  for (const [id, unitId, name, kind] of SECTIONS) await createSection(c, { id, unitId, name, kind });
  for (const s of DEMO_STAFF) await createBoundAccount(c, s);
  await setUnitHead(c, C, 'stf_principal');
  await setUnitHead(c, E, 'stf_unit_head');
  for (const [leader, sections] of SUPERVISION) await setSupervision(c, leader, sections);
}

/** A demo account already bound to its fixed openid (in production, accounts are bound with an invitation). */
async function createBoundAccount(c: ChangeContext, s: DemoStaff): Promise<void> {
  const openidRef = saltedRef('openid', s.openid);
  const roles: RoleGrant[] = s.roles.map(([role, unitId]) => ({ role, unitId }));
  await commitChange(c.db, {
    actor: c.actor,
    action: 'seed.staff',
    at: c.now,
    entities: [
      {
        collection: STAFF_COLLECTION,
        id: s.staffId,
        expectedRev: null,
        state: {
          name: s.name,
          unitId: s.unitId,
          sectionId: s.sectionId,
          roles,
          status: 'active',
          openidRef,
          officerId: null,
          boundAt: c.now,
          createdAt: c.now,
          updatedAt: c.now,
        },
      },
    ],
    inserts: [
      {
        collection: STAFF_IDENTITIES_COLLECTION,
        id: 'oid_' + openidRef.split(':')[1],
        doc: { staffId: s.staffId, boundAt: c.now },
      },
    ],
  });
}
