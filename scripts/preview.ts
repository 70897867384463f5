/**
 * `npm run preview`: renders every mini-program page to PNG under preview/ with data from a seeded emulator
 * (started in-process), at the standard and the largest font size, and checks each render mechanically
 * (scripts/miniprogram/checks.ts). Exits non-zero on any failure. Needs Chromium (see render.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../emulator/app';
import { DEMO_CERT_NOS } from '../emulator/seed/officers';
import { build } from './build';
import { buildMiniprogram } from './build-miniprogram';
import { checkRender } from './miniprogram/checks';
import { COMPLAINT_SCENARIOS } from './miniprogram/complaint-scenarios';
import { seedComplaintFixtures, type ComplaintFixtures } from './miniprogram/complaint-fixtures';
import { seedStaffFixtures, STAFF_SCENARIOS } from './miniprogram/staff-scenarios';
import { CASE_SCENARIOS, loadCaseFixtures } from './miniprogram/case-scenarios';
import { loadPublicationFixtures, PUBLICATION_SCENARIOS } from './miniprogram/publication-scenarios';
import { loadRightsFixtures, RIGHTS_SCENARIOS } from './miniprogram/rights-scenarios';
import {
  loadOfficialAccountFixtures,
  OFFICIAL_ACCOUNT_SCENARIOS,
} from './miniprogram/official-account-scenarios';
import {
  loadPublicationStaffFixtures,
  PUBLICATION_STAFF_SCENARIOS,
} from './miniprogram/publication-staff-scenarios';
import { seedServiceFixtures, SERVICE_DOCUMENT_SCENARIOS } from './miniprogram/service-documents-scenarios';
import {
  loadFullTextFixtures,
  PUBLICATION_FULLTEXT_SCENARIOS,
} from './miniprogram/publication-fulltext-scenarios';
import { loadServiceFixtures, SERVICE_ENROL_SCENARIOS } from './miniprogram/service-enrol-scenarios';
import { ANNUAL_STAFF_SCENARIOS, loadAnnualStaffFixtures } from './miniprogram/annual-staff-scenarios';
import type { Scenario } from './miniprogram/scenario';
import { launchBrowser, renderPage, type BackendCall } from './miniprogram/render';
import { REPO_ROOT } from './miniprogram/tdesign';

/** Every page, and the verification page in each state the issue names. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'home',
    page: 'pages/home/index',
    openid: 'demo-citizen',
    keyStrings: [
      '核验执法人员',
      '执法结果公示',
      '即将上线',
      '权利与程序',
      '权利告知',
      '我的投诉举报',
      '扫码核验执法人员',
    ],
  },
  {
    name: 'officer-verify-empty',
    page: 'pages/officer/verify/index',
    openid: 'demo-citizen',
    keyStrings: ['核验执法人员', '执法证号', '扫描执法证二维码', '请在您自己的手机上核验'],
  },
  {
    name: 'officer-verify-valid',
    page: 'pages/officer/verify/index',
    query: { certNo: DEMO_CERT_NOS.valid },
    openid: 'demo-citizen',
    keyStrings: [
      '有效',
      '张伟',
      '区卫生健康综合行政执法支队',
      DEMO_CERT_NOS.valid,
      '2023-03-01 至 2029-02-28',
      // the live clock, the field and area, and the advice to check on one's own phone.
      '当前时间',
      '公共卫生、医疗卫生',
      '本区行政区域',
      '请在您自己的手机上核验',
      '核验其他执法人员',
    ],
  },
  {
    name: 'officer-verify-scan-network-error',
    page: 'pages/officer/verify/index',
    openid: 'demo-citizen',
    scanResults: (f: ComplaintFixtures) => [
      { path: `pages/officer/verify/index?scene=${f.validBadgeScene}` },
    ],
    failCalls: 1,
    steps: [{ method: 'onScan' }],
    keyStrings: ['核验未完成', '网络不畅', '重试', '扫描的执法证二维码'],
  },
  {
    name: 'officer-verify-scan-retried',
    page: 'pages/officer/verify/index',
    openid: 'demo-citizen',
    scanResults: (f: ComplaintFixtures) => [
      { path: `pages/officer/verify/index?scene=${f.validBadgeScene}` },
    ],
    failCalls: 1,
    steps: [{ method: 'onScan' }, { method: 'onRetry' }],
    keyStrings: ['执法证有效', '张伟', '当前时间'],
  },
  {
    name: 'officer-verify-revoked',
    page: 'pages/officer/verify/index',
    query: (f: ComplaintFixtures) => ({ scene: f.revokedBadgeScene }),
    openid: 'demo-citizen',
    keyStrings: [
      '已吊销',
      '马强',
      DEMO_CERT_NOS.revoked,
      '吊销日期',
      '2025-03-20',
      '拒绝接受检查',
      '第五十五条',
      '我要举报',
      '拨打 12345',
    ],
  },
  {
    name: 'officer-verify-cancelled',
    page: 'pages/officer/verify/index',
    query: { certNo: DEMO_CERT_NOS.cancelled },
    openid: 'demo-citizen',
    keyStrings: ['已注销', '执法证已注销', '陈刚', '注销日期', '2025-09-30', '调离、退休'],
  },
  {
    name: 'officer-verify-suspended',
    page: 'pages/officer/verify/index',
    query: { certNo: DEMO_CERT_NOS.suspended },
    openid: 'demo-citizen',
    keyStrings: ['已暂扣', '执法证已被暂扣', '刘洋', '暂扣日期', '2026-10-15'],
  },
  {
    name: 'officer-verify-expired',
    page: 'pages/officer/verify/index',
    query: { certNo: DEMO_CERT_NOS.expired },
    openid: 'demo-citizen',
    keyStrings: ['已过期', '何静', '拒绝接受检查'],
  },
  {
    name: 'officer-verify-unknown',
    page: 'pages/officer/verify/index',
    query: { certNo: '99999999999999' },
    openid: 'demo-citizen',
    keyStrings: ['未查到', '本委执法人员名录中没有这个证号', '99999999999999', '拨打 12345', '110'],
  },
  {
    name: 'staff-bind',
    page: 'pages/staff/bind/index',
    openid: 'demo-new-staff',
    keyStrings: ['绑定工作人员账号', '邀请码', '绑定'],
  },
  {
    name: 'staff-home',
    page: 'pages/staff/home/index',
    openid: 'demo-admin-1',
    keyStrings: ['黄磊', '系统管理员', '待办与时限', '消息投递异常', '逾期 0 件'],
  },
  {
    name: 'staff-home-unbound',
    page: 'pages/staff/home/index',
    openid: 'demo-nobody',
    keyStrings: ['尚未绑定工作人员账号', '使用邀请码绑定'],
  },
  ...COMPLAINT_SCENARIOS,
  ...STAFF_SCENARIOS,
  ...CASE_SCENARIOS,
  ...PUBLICATION_SCENARIOS,
  ...RIGHTS_SCENARIOS,
  ...OFFICIAL_ACCOUNT_SCENARIOS,
  ...PUBLICATION_STAFF_SCENARIOS,
  ...SERVICE_DOCUMENT_SCENARIOS,
  ...PUBLICATION_FULLTEXT_SCENARIOS,
  ...SERVICE_ENROL_SCENARIOS,
  ...ANNUAL_STAFF_SCENARIOS,
];

/** The standard size and WeChat's largest (关怀模式 特大). */
export const FONT_SETTINGS = [
  { label: 'normal', px: 17 },
  { label: 'largest', px: 28 },
];

async function main(): Promise<void> {
  await build({ quiet: true });
  await buildMiniprogram({ quiet: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'preview-emu-'));
  const emu = await startEmulator({
    port: 0,
    dataDir,
    seed: true,
    mode: 'dev',
    strictIndexes: true,
    timers: false,
    logSink: () => undefined,
  });
  const fixtures = await seedComplaintFixtures(emu.url, emu.ctx.options.appId);
  await seedStaffFixtures(emu.url, emu.ctx.options.appId);
  await loadCaseFixtures(emu.url, emu.ctx.options.appId);
  await loadPublicationFixtures(emu.url, emu.ctx.options.appId);
  await loadRightsFixtures(emu.url, emu.ctx.options.appId);
  await loadOfficialAccountFixtures(emu.url, emu.ctx.options.appId);
  await loadPublicationStaffFixtures(emu.url, emu.ctx.options.appId);
  await seedServiceFixtures(emu.url, emu.ctx.options.appId);
  await loadFullTextFixtures(emu.url, emu.ctx.options.appId);
  await loadServiceFixtures(emu.url, emu.ctx.options.appId);
  await loadAnnualStaffFixtures(emu.url, emu.ctx.options.appId);
  const browser = await launchBrowser();
  const outDir = path.join(REPO_ROOT, 'preview');
  mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  // PREVIEW_ONLY=home,complaint-detail renders only the scenarios whose names contain one of these.
  const only = process.env.PREVIEW_ONLY?.split(',').filter(Boolean);
  const chosen = only ? SCENARIOS.filter((sc) => only.some((p) => sc.name.includes(p))) : SCENARIOS;
  try {
    for (const scenario of chosen) {
      for (const font of FONT_SETTINGS) {
        let failing = scenario.failCalls ?? 0;
        const onCall = async (call: BackendCall) => {
          if (failing > 0) {
            failing--;
            throw new Error('预览：模拟网络故障');
          }
          if (call.transport !== 'emulator') throw new Error('develop 版本应当调用本地模拟器');
          const res = await fetch(`${emu.url}/fn/${call.fn}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...call.headers },
            body: JSON.stringify(call.event),
          });
          return res.json();
        };
        const rendered = await renderPage(browser, {
          page: scenario.page,
          query: typeof scenario.query === 'function' ? scenario.query(fixtures) : scenario.query,
          fontSizeSetting: font.px,
          envVersion: 'develop',
          devEmulator: {
            enabled: true,
            baseUrl: emu.url,
            openid: scenario.openid,
            appId: emu.ctx.options.appId,
          },
          onCall,
        });
        if (scenario.scanResults) {
          await rendered.page.evaluate(
            (results) => ((globalThis as unknown as { __scanResults: unknown[] }).__scanResults = results),
            scenario.scanResults(fixtures),
          );
        }
        for (const step of scenario.steps ?? []) await rendered.invoke(step.method, ...(step.args ?? []));
        const file = path.join(outDir, `${scenario.name}-${font.label}.png`);
        await rendered.page.screenshot({ path: file, fullPage: true });
        const keys =
          typeof scenario.keyStrings === 'function' ? scenario.keyStrings(fixtures) : scenario.keyStrings;
        const problems = await checkRender(rendered.page, keys);
        await rendered.close();
        const label = `${scenario.name} @ ${font.label}`;
        if (problems.length) failures.push(`${label}:\n    ${problems.join('\n    ')}`);
        console.log(`${problems.length ? '✗' : '✓'} ${label} → ${path.relative(REPO_ROOT, file)}`);
      }
    }
  } finally {
    await browser.close();
    await emu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\n预览检查未通过：\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\n预览检查全部通过（${chosen.length} 个页面状态 × ${FONT_SETTINGS.length} 种字号）`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
