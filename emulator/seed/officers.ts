/**
 * Demo enforcement certificates (issue 4): one of each status, so the verification page has something real to
 * show. Written through commitChange like production data, so the ledger stays valid.
 *
 * Stable certificate numbers (type them on the verification page, or use the shortId as a badge `scene`):
 *
 * | certNo           | shortId    | name | unit                 | status on the demo dates                      |
 * |------------------|------------|------|----------------------|-----------------------------------------------|
 * | `50010120230001` | `VALD2345` | 张伟 | 执法支队 (stf_officer_1) | active, valid 2023-03-01 – 2029-02-28       |
 * | `50010120240021` | `VALD3456` | 高峰 | 执法支队                 | active, valid 2024-07-01 – 2030-06-30       |
 * | `50010120220015` | `VALD4567` | 周敏 | 卫健委 (stf_officer_3)   | active, valid 2022-09-01 – 2028-08-31       |
 * | `50010120230002` | `SUSP2345` | 刘洋 | 执法支队 (stf_officer_2) | suspended (so stf_officer_2 has no `officer` role) |
 * | `50010120190007` | `REVK2345` | 马强 | 执法支队                 | revoked                                      |
 * | `50010120180003` | `EXPD2345` | 何静 | 执法支队                 | active on record, expired since 2024-05-31   |
 */
import { commitChange } from '../../server/ledger/commit';
import {
  officerIdForCertNo,
  OFFICERS_COLLECTION,
  type OfficerRecord,
} from '../../server/features/officer/repository';
import type { Database } from '../../server/platform/cloudbase';
import { DEMO_UNITS } from './org';

const ENFORCEMENT = { unitId: DEMO_UNITS.enforcement, unitName: '区卫生健康综合行政执法支队' };
const COMMISSION = { unitId: DEMO_UNITS.commission, unitName: '区卫生健康委员会' };

type DemoOfficer = Pick<
  OfficerRecord,
  | 'certNo'
  | 'shortId'
  | 'name'
  | 'unitId'
  | 'unitName'
  | 'status'
  | 'statusReason'
  | 'validFrom'
  | 'validUntil'
  | 'staffId'
>;

export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  {
    certNo: '50010120230001',
    shortId: 'VALD2345',
    name: '张伟',
    ...ENFORCEMENT,
    status: 'active',
    statusReason: null,
    validFrom: '2023-03-01',
    validUntil: '2029-02-28',
    staffId: 'stf_officer_1',
  },
  {
    certNo: '50010120240021',
    shortId: 'VALD3456',
    name: '高峰',
    ...ENFORCEMENT,
    status: 'active',
    statusReason: null,
    validFrom: '2024-07-01',
    validUntil: '2030-06-30',
    staffId: null,
  },
  {
    certNo: '50010120220015',
    shortId: 'VALD4567',
    name: '周敏',
    ...COMMISSION,
    status: 'active',
    statusReason: null,
    validFrom: '2022-09-01',
    validUntil: '2028-08-31',
    staffId: 'stf_officer_3',
  },
  {
    certNo: '50010120230002',
    shortId: 'SUSP2345',
    name: '刘洋',
    ...ENFORCEMENT,
    status: 'suspended',
    statusReason: '演示：暂扣执法证',
    validFrom: '2023-03-01',
    validUntil: '2029-02-28',
    staffId: 'stf_officer_2',
  },
  {
    certNo: '50010120190007',
    shortId: 'REVK2345',
    name: '马强',
    ...ENFORCEMENT,
    status: 'revoked',
    statusReason: '演示：调离执法岗位',
    validFrom: '2019-05-01',
    validUntil: '2025-04-30',
    staffId: null,
  },
  {
    certNo: '50010120180003',
    shortId: 'EXPD2345',
    name: '何静',
    ...ENFORCEMENT,
    status: 'active',
    statusReason: null,
    validFrom: '2018-06-01',
    validUntil: '2024-05-31',
    staffId: null,
  },
];

export const DEMO_CERT_NOS = {
  valid: '50010120230001',
  suspended: '50010120230002',
  revoked: '50010120190007',
  expired: '50010120180003',
} as const;

export async function seedOfficers(db: Database, now: Date): Promise<void> {
  for (const officer of DEMO_OFFICERS) {
    await commitChange(db, {
      actor: 'system:seed',
      action: 'officer.add',
      at: now,
      entities: [
        {
          collection: OFFICERS_COLLECTION,
          id: officerIdForCertNo(officer.certNo),
          expectedRev: null,
          state: { ...officer, createdAt: now, updatedAt: now },
        },
      ],
    });
  }
}
