/**
 * The 双公示 CSV import page rendered in Chromium (pages/pubstaff/import; PUB-6, PUB-10, PUB-11): the preparer picks the
 * file from a chat, the page sends its text for their own unit and section; a refused file lists every bad row
 * with line and column in Chinese; a good file goes on batch by batch (`fromLine`) with its progress shown.
 */
import { pageHarness } from './harness';
import { me, ok, refused } from './publication-staff-fixtures';
import type { BackendCall } from '../../scripts/miniprogram/render';

const harness = pageHarness();
const { calls } = harness;
const PAGE = 'pages/pubstaff/import/index';
const CSV = 'CF_WSH,CF_CFLB\n万卫医罚〔2026〕21号,罚款\n';
const sent = (action: string) => calls.filter((c) => c.event.action === action).map((c) => c.event.payload);

async function choose(p: Awaited<ReturnType<typeof harness.render>>, name = '处罚.csv', text = CSV) {
  await p.page.evaluate(
    ([n, t]) => {
      const wx = (globalThis as unknown as { wx: Record<string, any> }).wx;
      wx.chooseMessageFile = (o: any) =>
        o.success({ tempFiles: [{ name: n, path: `wxfile://tmp/${n}`, size: 200 }] });
      wx.getFileSystemManager = () => ({ readFile: (o: any) => o.success({ data: t }) });
    },
    [name, text],
  );
  await p.invoke('onChoose');
}

function backend(onImport: (c: BackendCall) => unknown) {
  return (c: BackendCall) =>
    c.event.action === 'staff.me'
      ? me(['officer'])
      : c.event.action === 'publication.import'
        ? onImport(c)
        : refused('INTERNAL', '未设置');
}

describe('publication CSV import page', () => {
  it('sends the file for the caller’s unit and section and lists every bad row with line and column', async () => {
    harness.answer = backend(() =>
      ok({
        status: 'refused',
        errors: [
          {
            line: 3,
            column: 'CF_XDR_SHXYM',
            field: '行政相对人统一社会信用代码',
            message: '统一社会信用代码校验位不符，请逐位核对',
          },
          { line: 5, column: 'CF_JDRQ', field: '处罚决定日期', message: '日期不存在' },
        ],
      }),
    );
    const p = await harness.render(PAGE);
    expect(await p.text()).toContain('导入到：重庆市万州区卫生健康委员会 · 医政医管科');
    await choose(p);
    expect(await p.text()).toContain('处罚.csv');
    await p.invoke('onImport');
    expect(sent('publication.import')).toEqual([
      { csv: CSV, unitId: 'unit_commission', sectionId: 'sec_medical' },
    ]);
    const text = await p.text();
    expect(text).toContain('文件未导入：2 处不合格');
    expect(text).toContain('第 3 行 · CF_XDR_SHXYM（行政相对人统一社会信用代码）');
    expect(text).toContain('统一社会信用代码校验位不符');
    expect(text).toContain('第 5 行 · CF_JDRQ（处罚决定日期）');
  });

  it('goes on batch by batch until every row is in, showing the progress', async () => {
    harness.answer = backend((c) => {
      const from = (c.event.payload as { fromLine?: number }).fromLine;
      return from
        ? ok({ status: 'imported', count: 50, ids: [], total: 250, nextLine: null })
        : ok({ status: 'partial', count: 200, ids: [], total: 250, nextLine: 202 });
    });
    const p = await harness.render(PAGE);
    await choose(p);
    await p.invoke('onImport');
    expect(sent('publication.import').map((x: any) => x.fromLine)).toEqual([undefined, 202]);
    const text = await p.text();
    expect(text).toContain('已导入 250 / 250 行（100%）');
    expect(text).toContain('全部导入完成');
  });

  it('keeps what is in after a failed batch and resumes from the next line with 继续', async () => {
    let n = 0;
    harness.answer = backend(() => {
      n += 1;
      if (n === 1) return ok({ status: 'partial', count: 200, ids: [], total: 300, nextLine: 202 });
      if (n === 2) return refused('UNAVAILABLE', '网络不稳定，请稍后重试');
      return ok({ status: 'imported', count: 100, ids: [], total: 300, nextLine: null });
    });
    const p = await harness.render(PAGE);
    await choose(p);
    await p.invoke('onImport');
    let text = await p.text();
    expect(text).toContain('网络不稳定，请稍后重试');
    expect(text).toContain('已导入 200 / 300 行（67%）');
    expect(text).toContain('继续');
    await p.invoke('onContinue');
    expect(sent('publication.import').map((x: any) => x.fromLine)).toEqual([undefined, 202, 202]);
    text = await p.text();
    expect(text).toContain('已导入 300 / 300 行（100%）');
  });

  it('refuses a file that is not CSV before reading it, and a caller who prepares no entries', async () => {
    harness.answer = backend(() => refused('INTERNAL', '不应调用'));
    let p = await harness.render(PAGE);
    await choose(p, '处罚.xlsx');
    expect(await p.text()).toContain('请选择双公示格式的 .csv 文件');
    harness.answer = (c) =>
      c.event.action === 'staff.me' ? me(['principal']) : refused('INTERNAL', '不应调用');
    p = await harness.render(PAGE);
    expect(await p.text()).toContain('无权导入公示条目');
    expect(sent('publication.import')).toEqual([]);
  });
});
