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
import type { Scenario } from './miniprogram/scenario';
import { launchBrowser, renderPage, type BackendCall } from './miniprogram/render';
import { REPO_ROOT } from './miniprogram/tdesign';

/** Every page, and the verification page in each state the issue names. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'home',
    page: 'pages/home/index',
    openid: 'demo-citizen',
    keyStrings: ['核验执法人员', '执法结果公示', '即将上线', '权利与程序'],
  },
  {
    name: 'officer-verify-empty',
    page: 'pages/officer/verify/index',
    openid: 'demo-citizen',
    keyStrings: ['核验执法人员', '执法证号', '扫描执法证二维码'],
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
    ],
  },
  {
    name: 'officer-verify-revoked',
    page: 'pages/officer/verify/index',
    query: (f: ComplaintFixtures) => ({ scene: f.revokedBadgeScene }),
    openid: 'demo-citizen',
    keyStrings: ['已吊销', '马强', DEMO_CERT_NOS.revoked, '拒绝接受检查', '第五十五条', '我要举报'],
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
  const browser = await launchBrowser();
  const outDir = path.join(REPO_ROOT, 'preview');
  mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  try {
    // PREVIEW_ONLY=staff- renders only the scenarios whose name starts so (the whole set takes minutes).
    const only = process.env.PREVIEW_ONLY ?? '';
    for (const scenario of SCENARIOS.filter((s) => s.name.startsWith(only))) {
      for (const font of FONT_SETTINGS) {
        const onCall = async (call: BackendCall) => {
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
  console.log(`\n预览检查全部通过（${SCENARIOS.length} 个页面状态 × ${FONT_SETTINGS.length} 种字号）`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
