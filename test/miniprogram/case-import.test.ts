/**
 * 导入案件清单 rendered in Chromium (docs/import-format.md): the custodian picks the CSV files from a
 * chat (wx.chooseMessageFile), each goes to its own upload slot, case.import receives their fileIDs; a refused file
 * lists every bad row with file, line and field in Chinese; a staged import shows batches applied of the total and
 * 继续 resumes it by its importId; a role outside CASE_IMPORT_ROLES is told it may not import.
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const IMPORT_ID = `imp_${'a'.repeat(32)}`;
const sent = (action: string) => calls.filter((c) => c.event.action === action).map((c) => c.event.payload);

const me = (role: string) =>
  ok({
    staffId: 'stf_9',
    name: '刘洋',
    unit: { id: 'unit_enforcement', name: '卫生健康执法支队', kind: 'enforcement' },
    section: { id: 'sec_1', name: '公共场所卫生监督科', kind: 'enforcement' },
    grants: [],
    roles: [{ role, label: role, unitId: 'unit_enforcement' }],
    delegations: [],
  });
const answer = (over: Record<string, unknown>) => ({
  importId: IMPORT_ID,
  done: false,
  applied: 1,
  total: 4,
  rows: 40,
  created: { cases: 5, records: 0 },
  updated: { cases: 0, records: 0 },
  unchanged: { cases: 0, records: 0 },
  updatedRows: [],
  errors: [],
  ...over,
});

let slot = 0;
function backend(c: BackendCall, importAnswer: unknown) {
  switch (c.event.action) {
    case 'staff.me':
      return me('custodian');
    case 'record.uploadSlot':
      slot += 1;
      return ok({ path: `quarantine/demo-custodian/upl_${slot}/1`, uploadBy: '2026-11-30T03:00:00.000Z' });
    case 'case.import':
      return ok(importAnswer);
    default:
      return { ok: false, error: { code: 'INTERNAL', message: '未设置' } };
  }
}

async function chooseAndUpload(p: Awaited<ReturnType<typeof harness.render>>, names: string[]) {
  await p.page.evaluate((files) => {
    const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
    wx.chooseMessageFile = (o: any) =>
      o.success({ tempFiles: files.map((name) => ({ name, path: `wxfile://tmp/${name}`, size: 100 })) });
    wx.cloud.uploadFile = (o: any) => {
      o.success({ fileID: `cloud://env.bucket/${o.cloudPath}` });
      return { onProgressUpdate() {} };
    };
  }, names);
  await p.invoke('onChoose');
}

describe('导入案件清单', () => {
  it('uploads the chosen CSV files and lists every bad row of a refused manifest', async () => {
    harness.answer = (c) =>
      backend(
        c,
        answer({
          importId: null,
          applied: 0,
          total: 0,
          rows: 0,
          errors: [
            { file: 'cases.csv', line: 3, field: '立案时间', path: 'openedAt', message: '时间格式不正确' },
            {
              file: 'av.csv',
              line: 7,
              field: 'SHA-256',
              path: 'sha256',
              message: '哈希值应为 64 位十六进制',
            },
          ],
        }),
      );
    const p = await harness.render('pages/case/import/index');
    await chooseAndUpload(p, ['cases.csv', 'av.csv']);
    expect(await p.text()).toContain('cases.csv');
    await p.invoke('onImport');
    expect(sent('record.uploadSlot')).toHaveLength(2);
    expect(sent('case.import')).toEqual([
      {
        format: 'csv',
        fileIDs: {
          'cases.csv': expect.stringMatching(/^cloud:\/\/env\.bucket\/quarantine\/demo-custodian\//),
          'av.csv': expect.stringMatching(/^cloud:\/\/env\.bucket\/quarantine\/demo-custodian\//),
        },
      },
    ]);
    const text = await p.text();
    expect(text).toContain('清单未导入：2 处不合格');
    expect(text).toContain('cases.csv 第 3 行 · 立案时间');
    expect(text).toContain('av.csv 第 7 行 · SHA-256');
  });

  it('shows the progress of a staged import and resumes it with 继续', async () => {
    let n = 0;
    harness.answer = (c) => {
      if (c.event.action === 'case.import') n += 1;
      return backend(
        c,
        n <= 1 ? answer({}) : answer({ applied: 4, done: true, created: { cases: 10, records: 30 } }),
      );
    };
    const p = await harness.render('pages/case/import/index');
    await chooseAndUpload(p, ['manifest.json']);
    await p.invoke('onImport');
    expect(sent('case.import')[0]).toMatchObject({ format: 'json' });
    let text = await p.text();
    expect(text).toContain('已导入 1 / 4 批（25%）');
    expect(text).toContain('继续');
    await p.invoke('onContinue');
    expect(sent('case.import')[1]).toEqual({ importId: IMPORT_ID });
    text = await p.text();
    expect(text).toContain('已导入 4 / 4 批（100%）');
    expect(text).toContain('全部导入完成');
  });

  it('refuses a mix of JSON and CSV before anything is uploaded', async () => {
    harness.answer = (c) => backend(c, answer({}));
    const p = await harness.render('pages/case/import/index');
    await chooseAndUpload(p, ['cases.csv', 'manifest.json']);
    expect(await p.text()).toContain('请选择一个 .json 文件，或若干 .csv 文件（不能混选）');
    await p.invoke('onImport');
    expect(sent('record.uploadSlot')).toEqual([]);
  });

  it('tells an officer that only the custodian or the administrator imports', async () => {
    harness.answer = (c) => (c.event.action === 'staff.me' ? me('officer') : backend(c, answer({})));
    const p = await harness.render('pages/case/import/index');
    expect(await p.text()).toContain('只有档案专人或系统管理员可以导入案件');
  });
});
