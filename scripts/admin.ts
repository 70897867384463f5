/**
 * Operator command (`npm run admin -- ...`): acts directly on the database through the SDK, reusing the very
 * functions of the `staff` actions. It bypasses the role check (whoever runs it holds the environment's
 * credentials, which give full database access anyway, and it is how the first administrator is invited), but
 * every change is on the ledger with actor `system:admin-cli`.
 *
 *   invite --roles officer,custodian [--name 张三] [--unit <unitId>] [--section <sectionId>] [--days 7]
 *          prints the invitation code as its LAST line
 *   unit create --name <name> --kind commission|enforcement [--parent <unitId>]
 *   section create --unit <unitId> --name <name> --kind office|section|department
 *   bootstrap --file chart.json [--days 7]
 *          sets up units, sections, staff accounts, unit heads and supervision from an organisation chart
 *          (scripts/admin/bootstrap.ts); prints each new account's invitation code, one per line
 *   list   units, sections and staff accounts
 *   rehash-records [--cursor <…>]
 *          reads every record file of the case register again and reports each whose SHA-256 no longer matches
 *          the registered (ledgered) hash (REC-11, REC-16), in batches until all are read
 *   seal-certificate --file <sealed.pdf|ofd> [--name <名称>]
 *          checks a sealed document offline and prints its seal certificate's SHA-256 and the legal settings'
 *          `sealCertificates` entry that lets documents sealed with it be served (REC-7)
 */
import { readFileSync } from 'node:fs';
import { issuesToFields, type ValidationIssue } from '../core/contract/validation';
import { ROLES, type Role } from '../core/org/roles';
import { AppError } from '../server/errors';
import { rehashRecordFiles } from '../server/features/case';
import { STAFF_COLLECTION, type StaffAccount } from '../server/org/accounts';
import { findAll } from '../server/platform/docs';
import { randomIds } from '../server/platform/ids';
import { OPERATOR } from '../server/org/conferral';
import { createInvitation } from '../server/org/invitations';
import {
  createSection,
  createUnit,
  listSections,
  listUnits,
  SECTION_KINDS,
  UNIT_KINDS,
  type ChangeContext,
  type SectionKind,
  type UnitKind,
} from '../server/org/units';
import { parseArgs, required } from './admin/args';
import { bootstrapOrganisation, orgChartSchema } from './admin/bootstrap';
import { connect } from './admin/connect';
import { sealCertificateReport } from './admin/seal-certificate';

const USAGE = `用法：
  npm run admin -- invite --roles officer,custodian [--name 张三] [--unit <单位编号>] [--section <科室编号>] [--days 7]
  npm run admin -- unit create --name <名称> --kind commission|enforcement [--parent <上级单位编号>]
  npm run admin -- section create --unit <单位编号> --name <名称> --kind office|section|department
  npm run admin -- bootstrap --file <组织架构.json> [--days 7]
  npm run admin -- list
  npm run admin -- rehash-records [--cursor <上次输出的续查标记>]
  npm run admin -- seal-certificate --file <盖章的 PDF 或 OFD 文件> [--name <证书名称>]`;

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`--${flag} 须为 ${allowed.join('、')} 之一`);
  return value as T;
}

function days(flag: string | undefined): number | undefined {
  const n = flag ? Number(flag) : undefined;
  if (n !== undefined && !(Number.isInteger(n) && n >= 1 && n <= 30))
    throw new Error('--days 须为 1–30 的整数');
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { words, flags } = parseArgs(argv);
  const command = words.join(' ');
  const commands = [
    'invite',
    'unit create',
    'section create',
    'bootstrap',
    'list',
    'rehash-records',
    'seal-certificate',
  ];
  if (!commands.includes(command)) {
    console.log(USAGE);
    process.exitCode = command ? 1 : 0;
    return;
  }
  if (command === 'seal-certificate') {
    const file = required(flags, 'file');
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new Error(`无法读取文件 ${file}`);
    }
    for (const line of sealCertificateReport(bytes, flags.name)) console.log(line);
    return;
  }
  const { db, target } = connect();
  console.log(`目标：${target}`);
  const c: ChangeContext = { db, actor: 'system:admin-cli', now: new Date(), ids: randomIds() };

  if (command === 'invite') {
    const roles = required(flags, 'roles')
      .split(',')
      .map((r) => oneOf(r.trim(), ROLES, 'roles') as Role);
    let unitId = flags.unit;
    if (!unitId) {
      const commissions = (await listUnits(db)).filter((u) => u.kind === 'commission');
      if (commissions.length !== 1) throw new Error('请用 --unit 指定单位（可先运行 list 查看）');
      unitId = commissions[0]!._id;
    }
    const created = await createInvitation(c, OPERATOR, {
      name: flags.name ?? '待绑定人员',
      unitId,
      sectionId: flags.section ?? null,
      roles,
      expiresInDays: days(flags.days),
    });
    console.log(
      `已创建工作人员账号 ${created.staffId}（角色：${roles.join('、')}），邀请码 ${created.expiresAt.toISOString()} 前有效，仅可使用一次：`,
    );
    console.log(created.code);
    return;
  }
  if (command === 'rehash-records') {
    let cursor: string | null = flags.cursor ?? null;
    let checked = 0;
    let bad = 0;
    do {
      const report = await rehashRecordFiles(db, { cursor, budgetMs: 60_000 });
      checked += report.checked;
      bad += report.mismatches.length;
      for (const m of report.mismatches) console.log(`不一致\t${m.recordId}\t${m.caseNo}\t${m.reason}`);
      cursor = report.cursor;
    } while (cursor);
    console.log(`已重新计算 ${checked} 个执法记录文件的哈希值，${bad} 个不一致`);
    if (bad) process.exitCode = 2;
    return;
  }
  if (command === 'bootstrap') {
    const file = required(flags, 'file');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`无法读取组织架构文件 ${file}（须为 JSON）`);
    }
    const chart = orgChartSchema.safeParse(raw);
    if (!chart.success) {
      const fields = issuesToFields(chart.error.issues as ValidationIssue[], '');
      throw new Error(
        `组织架构文件有误：${Object.entries(fields)
          .map(([k, v]) => `${k}：${v}`)
          .join('；')}`,
      );
    }
    const { invitations } = await bootstrapOrganisation(db, chart.data, c.now, days(flags.days));
    console.log(`已建立组织架构；新建 ${invitations.length} 个账号，邀请码各仅可使用一次：`);
    for (const inv of invitations) console.log(`${inv.staffId}\t${inv.name}\t${inv.code}`);
    return;
  }
  if (command === 'unit create') {
    const kind = oneOf<UnitKind>(required(flags, 'kind'), UNIT_KINDS, 'kind');
    const unit = await createUnit(c, {
      id: c.ids.newId('unit'),
      name: required(flags, 'name'),
      kind,
      parentUnitId: flags.parent,
      creditCode: flags['credit-code'],
    });
    console.log(`已创建单位 ${unit.name}`);
    console.log(unit._id);
    return;
  }
  if (command === 'section create') {
    const kind = oneOf<SectionKind>(required(flags, 'kind'), SECTION_KINDS, 'kind');
    const sec = await createSection(c, {
      id: c.ids.newId('sec'),
      unitId: required(flags, 'unit'),
      name: required(flags, 'name'),
      kind,
    });
    console.log(`已创建科室 ${sec.name}`);
    console.log(sec._id);
    return;
  }
  for (const unit of await listUnits(db)) {
    console.log(`单位 ${unit._id}  ${unit.name}（${unit.kind}）负责人：${unit.headStaffId ?? '—'}`);
    for (const sec of await listSections(db, unit._id))
      console.log(`  科室 ${sec._id}  ${sec.name}（${sec.kind}）`);
  }
  const accounts = await findAll<StaffAccount>(db, STAFF_COLLECTION, {
    status: db.command.in(['active', 'suspended']),
  });
  for (const a of accounts) {
    const roles = a.roles.map((g) => `${g.role}@${g.unitId}`).join(',');
    console.log(`人员 ${a._id}  ${a.name}  ${a.status}${a.openidRef ? '' : '（未绑定）'}  ${roles}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const fields =
    err instanceof AppError && err.fields
      ? `（${Object.entries(err.fields)
          .map(([k, v]) => `${k}：${v}`)
          .join('；')}）`
      : '';
  console.error(err instanceof Error ? `失败：${err.message}${fields}` : '失败');
  process.exitCode = 1;
});
