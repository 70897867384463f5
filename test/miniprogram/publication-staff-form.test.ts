/**
 * The entry form and the withdraw form rendered in Chromium (pages/pubstaff/form, withdraw; PUB-6, PUB-10,
 * PUB-13): the fields of the chosen kind, the backend's field errors shown under their fields and the first
 * scrolled into view, a correction sent as `publication.correct`; the withdrawal recorded with the changing act's
 * dates and then taken down with its reason (行政处罚法 Art. 48), each with its own requestId.
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { tap } from './fixtures';
import { pageHarness } from './harness';
import { ENTRY_ID, me, ok, refused, staffView } from './publication-staff-fixtures';

const harness = pageHarness();
const { calls } = harness;
const FORM = 'pages/pubstaff/form/index';
const WITHDRAW = 'pages/pubstaff/withdraw/index';
const action = (c: BackendCall) => c.event.action;
const input = (key: string, value: string) => ({ currentTarget: { dataset: { key } }, detail: { value } });
const field = (f: string, value: string) => ({ currentTarget: { dataset: { field: f } }, detail: { value } });

describe('entry form', () => {
  it("creates an entry in the preparer's unit and section; the backend's field errors show and scroll", async () => {
    harness.answer = (c) =>
      action(c) === 'staff.me'
        ? me(['officer'])
        : refused('INVALID_INPUT', '输入有误', {
            'payload.entry.docNo': '请填写决定文书号',
            'payload.entry.party.creditCode': '行政相对人统一社会信用代码：校验位不正确',
          });
    const p = await harness.render(FORM);
    let text = await p.text();
    expect(text).toContain('新建公示条目');
    expect(text).toContain('重庆市万州区卫生健康委员会 · 医政医管科');
    expect(text).toContain('违法行为类型');
    expect(text).toContain('罚款金额（万元）');
    await p.invoke('onKind', tap({ value: 'permit' }));
    text = await p.text();
    expect(text).toContain('许可证书名称');
    expect(text).not.toContain('违法行为类型');
    await p.invoke('onKind', tap({ value: 'penalty' }));
    await p.invoke('onInput', input('partyName', '重庆嘉禾酒店管理有限公司'));
    await p.invoke('onMulti', tap({ key: 'categories', value: '罚款' }));
    await p.invoke('onSubmit');
    const sent = calls.find((c) => action(c) === 'publication.create')!.event.payload as {
      entry: Record<string, unknown>;
    };
    expect(sent.entry).toMatchObject({
      kind: 'penalty',
      unitId: 'unit_commission',
      sectionId: 'sec_medical',
      authority: '重庆市万州区卫生健康委员会',
      categories: ['罚款'],
      party: { category: 'organisation', name: '重庆嘉禾酒店管理有限公司' },
    });
    text = await p.text();
    expect(text).toContain('请按提示修改后再提交');
    expect(text).toContain('请填写决定文书号');
    expect(text).toContain('行政相对人统一社会信用代码：校验位不正确');
    const scrolls = (await p.effects()).filter((e) => e.api === 'pageScrollTo');
    expect(scrolls.at(-1)?.args).toMatchObject({ selector: '#f-docNo' });
  });

  it('opens a created entry, and sends a correction of a published entry as a new version', async () => {
    harness.answer = (c) =>
      action(c) === 'publication.correct'
        ? ok({ id: ENTRY_ID, status: 'published', publishAt: null, correctionId: 'pub_00000000cccc' })
        : ok(staffView({ status: 'published', statusLabel: '已公示' }));
    const p = await harness.render(FORM, { query: { correct: ENTRY_ID } });
    expect(await p.text()).toContain('更正已公示的条目');
    expect(await p.text()).toContain('在此之前现公示内容继续公示');
    await p.invoke('onInput', input('content', '没收违法所得0.18万元，并处罚款2万元'));
    await p.invoke('onInput', input('fine', '2'));
    await p.invoke('onSubmit');
    const sent = calls.find((c) => action(c) === 'publication.correct')!.event.payload as {
      id: string;
      entry: Record<string, unknown>;
    };
    expect(sent.id).toBe(ENTRY_ID);
    expect(sent.entry).toEqual({
      ...staffView().entry,
      content: '没收违法所得0.18万元，并处罚款2万元',
      fine: '2',
    });
    expect((await p.effects()).find((e) => e.api === 'redirectTo')?.args).toEqual({
      url: '/pages/pubstaff/entry/index?id=pub_00000000cccc',
    });
  });

  it('refuses a person who is not an officer before showing the form', async () => {
    harness.answer = () => me(['reviewer']);
    const p = await harness.render(FORM);
    expect(await p.text()).toContain('只有执法人员可以制作公示条目。');
  });
});

describe('withdraw form (PUB-13)', () => {
  const published = staffView({
    status: 'published',
    statusLabel: '已公示',
    allowedSteps: ['noteChange', 'withdraw'],
  });

  it('records the change and its dates, then takes the entry down with its reason', async () => {
    harness.answer = (c) =>
      action(c) === 'publication.staffGet'
        ? ok(published)
        : ok({ id: ENTRY_ID, status: 'withdrawn', publishAt: null });
    const p = await harness.render(WITHDRAW, { query: { id: ENTRY_ID } });
    let text = await p.text();
    expect(text).toContain('《行政处罚法》第四十八条');
    expect(text).toContain('各为 3 个工作日');
    await p.invoke('onSubmit');
    text = await p.text();
    expect(text).toContain('请选择变更类别');
    expect(text).toContain('请填写变更决定生效日期');
    expect(text).toContain('请填写撤回理由');
    expect(calls.map(action)).toEqual(['publication.staffGet']);
    await p.invoke('onChange', tap({ value: 'revoked' }));
    await p.invoke('onField', field('effectiveOn', '2026-11-27'));
    await p.invoke('onField', field('receivedOn', '2026-11-30'));
    expect(await p.text()).toContain('撤下和公布撤回理由的期限均自 2026年11月30日 起算，各为 3 个工作日。');
    await p.invoke('onField', field('reason', '该行政处罚决定已被复议机关撤销'));
    await p.invoke('onSubmit');
    expect(calls.slice(1).map((c) => [action(c), c.event.payload])).toEqual([
      [
        'publication.noteChange',
        { id: ENTRY_ID, change: 'revoked', effectiveOn: '2026-11-27', receivedOn: '2026-11-30' },
      ],
      ['publication.withdraw', { id: ENTRY_ID, reason: '该行政处罚决定已被复议机关撤销' }],
    ]);
    expect(calls[1]!.event.requestId).not.toBe(calls[2]!.event.requestId);
    expect((await p.effects()).find((e) => e.api === 'redirectTo')?.args).toEqual({
      url: `/pages/pubstaff/entry/index?id=${ENTRY_ID}`,
    });
  });

  it('does not ask again for a change already recorded, and shows its deadline', async () => {
    harness.answer = (c) =>
      action(c) === 'publication.staffGet'
        ? ok({
            ...published,
            dueDate: '2026-12-03',
            withdrawal: {
              reason: null,
              reasonPublished: false,
              change: 'void',
              effectiveOn: '2026-11-28',
              receivedOn: '2026-11-28',
            },
          })
        : refused('PRECONDITION_FAILED', '该条目已撤回');
    const p = await harness.render(WITHDRAW, { query: { id: ENTRY_ID } });
    const text = await p.text();
    expect(text).toContain('已登记：决定被确认无效');
    expect(text).toContain('应于 2026年12月3日 前撤下并公布撤回理由');
    expect(text).not.toContain('变更类别');
    await p.invoke('onField', field('reason', '该决定已被确认无效'));
    await p.invoke('onSubmit');
    expect(calls.slice(1).map(action)).toEqual(['publication.withdraw']);
    expect(await p.text()).toContain('该条目已撤回');
  });

  it('refuses an entry that is not published', async () => {
    harness.answer = () => ok(staffView());
    const p = await harness.render(WITHDRAW, { query: { id: ENTRY_ID } });
    expect(await p.text()).toContain('只有已公示的条目可以撤回');
  });
});
