/**
 * The case register's staff pages rendered in Chromium (REC-1, REC-2, REC-10, REC-16; docs/cases.md): 我的案件 with the
 * next deadline in working days, a case with its findings and what the law requires next, advancing a stage in a
 * popup, the record form's errors scrolled into view before anything is sent, and the custodian receiving a record
 * from the intake queue (全过程记录制度第二十一条).
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { CASE_ID, caseView, listItem, record } from './case-fixtures';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const listPage = (items: unknown[]) =>
  ok({ items, total: items.length, totalCapped: false, nextCursor: null });
const CHECK = {
  id: CASE_ID,
  findings: [
    { code: 'w', level: 'warning', article: '全过程记录制度第十一条', message: '录像中断已说明，请核实原因' },
    {
      code: 'f',
      level: 'failure',
      article: '全过程记录制度第十五条',
      message: '询问笔录记载的时间不在录像时段内',
    },
  ],
  failures: 1,
  warnings: 1,
};
const actions = () => calls.map((c) => c.event.action);

function backend(c: BackendCall) {
  switch (c.event.action) {
    case 'case.list':
      return listPage([listItem(), listItem({ id: `case_${'b'.repeat(24)}`, pendingHandovers: 0 })]);
    case 'case.get':
      return ok(caseView());
    case 'case.check':
      return ok(CHECK);
    case 'case.advance':
      return ok({ id: CASE_ID, stage: 'priorNotice', stageLabel: '事先告知' });
    case 'record.receive':
      return ok({ ...record(), receivedAt: '2026-11-30T02:00:00.000Z', late: true });
    default:
      return { ok: false, error: { code: 'INTERNAL', message: '未设置' } };
  }
}

describe('case pages', () => {
  it('我的案件 shows each case with its stage, failures, pending hand-overs and working days left', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/mine/index');
    const text = await p.text();
    expect(text).toContain('行政处罚 · 未取得卫生许可证经营公共场所');
    expect(text).toContain('2 项不符合规定');
    expect(text).toContain('1 份记录待移交');
    expect(text).toMatch(/最近的法定期限 2026年12月3日/);
    await p.invoke('onOpen', tap({ id: CASE_ID }));
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: `/pages/case/detail/index?id=${CASE_ID}` }),
      }),
    );
  });

  it('a case lists failures first with their articles and what the law requires next; advancing goes through the popup', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/detail/index', { query: { id: CASE_ID } });
    const text = await p.text();
    expect(text.indexOf('询问笔录记载的时间不在录像时段内')).toBeLessThan(text.indexOf('录像中断已说明'));
    expect(text).toContain('依据：全过程记录制度第十五条');
    expect(text).toContain('下一步可办理：事先告知');
    expect(text).toContain('SHA-256');
    await p.invoke('onAdvance');
    await p.invoke('onSubmit');
    expect(calls.find((c) => c.event.action === 'case.advance')?.event.payload).toEqual({
      id: CASE_ID,
      stage: 'priorNotice',
    });
  });

  it('the record form names its errors and scrolls to the first before anything is sent', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/record/index', { query: { caseId: CASE_ID } });
    await p.invoke('onType', tap({ key: 'av' }));
    await p.invoke('onField', typed('询问录像', 'title'));
    await p.invoke('onSubmit');
    const text = await p.text();
    expect(text).toContain('执法记录仪编号至少 2 个字');
    expect(actions()).not.toContain('record.register');
    const scrolls = (await p.effects()).filter((e) => e.api === 'pageScrollTo');
    expect(scrolls[0]?.args).toEqual(expect.objectContaining({ selector: '#f-workEndedAt' }));
  });

  it('the intake queue lists what record.intake answers, late first, receives one and loads more (REC-10)', async () => {
    const late = {
      ...record({ id: `rec_${'2'.repeat(24)}`, title: '询问录像', handoverDueDate: '2026-11-20' }),
      caseNo: '万卫罚立〔2026〕12号',
      overdue: true,
    };
    const onTime = { ...record(), caseNo: '万卫罚立〔2026〕12号', overdue: false };
    const later = {
      ...record({ id: `rec_${'3'.repeat(24)}`, title: '现场检查录像', handoverDueDate: '2026-12-04' }),
      caseNo: '万卫罚立〔2026〕15号',
      overdue: false,
    };
    harness.answer = (c) => {
      if (c.event.action !== 'record.intake') return backend(c);
      const cursor = (c.event.payload as { cursor?: string }).cursor;
      return cursor
        ? ok({ items: [later], total: null, totalCapped: false, nextCursor: null })
        : ok({ items: [late, onTime], total: 3, totalCapped: false, nextCursor: 'next' });
    };
    const p = await harness.render('pages/case/intake/index');
    // One queue read; no case is read record by record.
    expect(actions()).not.toContain('case.get');
    expect(actions()).not.toContain('case.list');
    const text = await p.text();
    expect(text).toContain('待接收 3 份');
    expect(text.indexOf('询问录像')).toBeLessThan(text.indexOf('现场笔录'));
    expect(text).toContain('未移交，已超过移交期限 2026年11月20日');
    expect(text).toContain('万卫罚立〔2026〕12号');
    await p.invoke('onReachBottom');
    expect(calls.filter((c) => c.event.action === 'record.intake').at(-1)?.event.payload).toEqual({
      pageSize: 20,
      cursor: 'next',
    });
    expect(await p.text()).toContain('现场检查录像');
    await p.invoke('onReceive', tap({ id: `rec_${'2'.repeat(24)}` }));
    expect(calls.find((c) => c.event.action === 'record.receive')?.event.payload).toEqual({
      recordId: `rec_${'2'.repeat(24)}`,
    });
    const after = await p.text();
    expect(after).not.toContain('询问录像');
    expect(after).toContain('待接收 2 份');
  });

  it('the intake queue tells a non-custodian why it is refused', async () => {
    harness.answer = (c) =>
      c.event.action === 'record.intake'
        ? { ok: false, error: { code: 'FORBIDDEN', message: '只有本单位的档案专人可以查看待接收的执法记录' } }
        : backend(c);
    const p = await harness.render('pages/case/intake/index');
    expect(await p.text()).toContain('无权接收记录');
  });

  it('the staff home links to the cases for the case roles, and to the import for the administrator', async () => {
    const me = (role: string) =>
      ok({
        staffId: 's1',
        name: '张伟',
        unit: { id: 'u', name: '执法支队' },
        section: null,
        roles: [{ role, label: role, unitId: 'u' }],
      });
    harness.answer = () => me('officer');
    const p = await harness.render('pages/staff/home/index');
    expect(await p.text()).toContain('执法案件与记录');
    await p.invoke('gotoCases');
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: '/pages/case/mine/index' }),
      }),
    );
    expect(await p.text()).not.toContain('导入案件清单'); // the officer reaches the import through 我的案件
    await p.close();
    // The administrator imports manifests without working on cases: the import has its own entry.
    harness.answer = () => me('admin');
    const q = await harness.render('pages/staff/home/index');
    expect(await q.text()).not.toContain('执法案件与记录');
    expect(await q.text()).toContain('导入案件清单');
    await q.invoke('gotoImport');
    expect(await q.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: '/pages/case/import/index' }),
      }),
    );
  });
});
