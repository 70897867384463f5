/**
 * Demo enforcement certificates: one of each status, so the verification page has something real to show. Added,
 * suspended and revoked by the demo administrator through the `staff` function's officer actions, like real ones.
 *
 * Stable certificate numbers to type on the verification page (a badge's short id is random, as in production:
 * `officer.badgeCode` shows it):
 *
 * | certNo           | name | unit                     | status on the demo dates                           |
 * |------------------|------|--------------------------|----------------------------------------------------|
 * | `50010120230001` | 张伟 | 执法支队 (stf_officer_1) | active, valid 2023-03-01 – 2029-02-28              |
 * | `50010120240021` | 高峰 | 执法支队                 | active, valid 2024-07-01 – 2030-06-30              |
 * | `50010120220015` | 周敏 | 卫健委 (stf_officer_3)   | active, valid 2022-09-01 – 2028-08-31              |
 * | `50010120230002` | 刘洋 | 执法支队 (stf_officer_2) | 暂扣 since 2026-10-15 (stf_officer_2: no `officer`) |
 * | `50010120190007` | 马强 | 执法支队                 | 吊销 (a sanction) on 2025-03-20                    |
 * | `50010120200011` | 陈刚 | 执法支队                 | 注销 (transferred) on 2025-09-30; not listed       |
 * | `50010120180003` | 何静 | 执法支队                 | active on record, expired since 2024-05-31         |
 *
 * 张伟 has no registered photo (the register may not have photos yet); the result then shows none.
 */
import type { OfficerAddInput } from '../../core/contract/officer';
import type { SeedCaller } from './call';
import { DEMO_UNITS } from './org';

/** 执法领域 and 执法区域 as printed on the demo certificates. */
const ENFORCEMENT = {
  unitId: DEMO_UNITS.enforcement,
  unitName: '区卫生健康综合行政执法支队',
  field: '公共卫生、医疗卫生',
  area: '本区行政区域',
};
const COMMISSION = {
  unitId: DEMO_UNITS.commission,
  unitName: '区卫生健康委员会',
  field: '职业卫生、放射卫生',
  area: '本区行政区域',
};

type DemoOfficer = Omit<OfficerAddInput, 'staffId'> & {
  staffId: string | null;
  status: 'active' | 'suspended' | 'revoked' | 'cancelled';
  statusReason: string | null;
  /** The day the 暂扣 / 吊销 / 注销 took effect. */
  statusDate?: string;
};

export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  {
    certNo: '50010120230001',
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
    name: '刘洋',
    ...ENFORCEMENT,
    status: 'suspended',
    statusReason: '演示：暂扣执法证',
    statusDate: '2026-10-15',
    validFrom: '2023-03-01',
    validUntil: '2029-02-28',
    staffId: 'stf_officer_2',
  },
  {
    certNo: '50010120190007',
    name: '马强',
    ...ENFORCEMENT,
    status: 'revoked',
    statusReason: '演示：违法使用执法证，依法吊销',
    statusDate: '2025-03-20',
    validFrom: '2019-05-01',
    validUntil: '2025-04-30',
    staffId: null,
  },
  {
    certNo: '50010120200011',
    name: '陈刚',
    ...ENFORCEMENT,
    status: 'cancelled',
    statusReason: '演示：调离执法岗位',
    statusDate: '2025-09-30',
    validFrom: '2020-08-01',
    validUntil: '2026-07-31',
    staffId: null,
  },
  {
    certNo: '50010120180003',
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
  cancelled: '50010120200011',
  expired: '50010120180003',
} as const;

const ADMIN = 'demo-admin-1';

export async function seedOfficers(call: SeedCaller): Promise<void> {
  const verbs = {
    suspended: 'officer.suspend',
    revoked: 'officer.revoke',
    cancelled: 'officer.cancel',
  } as const;
  for (const { status, statusReason, statusDate, staffId, ...officer } of DEMO_OFFICERS) {
    const added = await call<{ id: string }>('staff', ADMIN, 'officer.add', {
      ...officer,
      ...(staffId ? { staffId } : {}),
    });
    if (status !== 'active')
      await call('staff', ADMIN, verbs[status], {
        officerId: added.id,
        reason: statusReason,
        date: statusDate,
      });
  }
}
