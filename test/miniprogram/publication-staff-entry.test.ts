/**
 * The staff entry page rendered in Chromium (pages/pubstaff/entry; PUB-7, PUB-8, PUB-11, PUB-13): the public
 * preview (张某; never the ID, phone or address), disclosure, history, the steps the backend allows; passing with an
 * optional comment, rejecting only with a comment, approving at a set time, and a separation-of-duty refusal shown
 * in the backend's own Chinese words (seed Art. 22-23: nobody passes an entry at two steps).
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';
import { ENTRY_ID, ok, refused, staffView } from './publication-staff-fixtures';

const harness = pageHarness();
const { calls } = harness;
const ENTRY = 'pages/pubstaff/entry/index';
const SOD = '只有分管该科室的领导可以审核，且不能审核本人制作的条目';
const step = (c: BackendCall) => c.event.action;
const render = () => harness.render(ENTRY, { query: { id: ENTRY_ID } });

describe('publication entry page', () => {
  it('shows the public preview, the disclosure, the deadline and the history, never the personal data', async () => {
    harness.answer = () => ok(staffView());
    const p = await render();
    expect(calls[0]).toMatchObject({
      fn: 'staff',
      event: { action: 'publication.staffGet', payload: { id: ENTRY_ID } },
    });
    const text = await p.text();
    for (const s of [
      '行政处罚 · 万卫医罚〔2026〕21号',
      '待主要领导审批',
      '公众将看到的内容',
      '张某',
      '2.5 万元（25,000 元）',
      '能否公开',
      '可以公开',
      '应于 2026年12月3日 前公示',
      '公示期限：作出决定之日起 7 个工作日内',
      '版本与办理记录',
      '第 1 版',
      '第 1 轮',
      '报送',
      '批准公开',
      '退回修改',
    ])
      expect(text).toContain(s);
    for (const s of ['张德明', '500101197908234512', '13628391045', '北山大道'])
      expect(text).not.toContain(s);
  });

  it('approves at a set time through the popup', async () => {
    harness.answer = (c) =>
      step(c) === 'publication.approve'
        ? ok({ id: ENTRY_ID, status: 'approved', publishAt: '2026-12-02T01:00:00.000Z' })
        : ok(staffView());
    const p = await render();
    await p.invoke('onStep', tap({ step: 'approve' }));
    expect(await p.text()).toContain('批准后立即发布');
    await p.invoke('onTiming', tap({ timing: 'later' }));
    await p.invoke('onPublishDate', { detail: { value: '2026-12-02' } });
    await p.invoke('onConfirm');
    const approve = calls.find((c) => step(c) === 'publication.approve')!;
    expect(approve.event.payload).toEqual({ id: ENTRY_ID, publishAt: '2026-12-02T09:00:00+08:00' });
    expect((await p.effects()).some((e) => e.api === 'showToast')).toBe(true);
    expect(await p.text()).not.toContain('批准后立即发布'); // the popup closed
    expect(calls.filter((c) => step(c) === 'publication.staffGet')).toHaveLength(2); // reloaded
  });

  it('rejects only with a comment', async () => {
    harness.answer = (c) =>
      step(c) === 'publication.reject'
        ? ok({ id: ENTRY_ID, status: 'draft', publishAt: null })
        : ok(staffView());
    const p = await render();
    await p.invoke('onStep', tap({ step: 'reject' }));
    await p.invoke('onConfirm');
    expect(await p.text()).toContain('请填写退回意见，说明需要修改的内容');
    expect(calls.some((c) => step(c) === 'publication.reject')).toBe(false);
    await p.invoke('onComment', typed('处罚依据条款有误，请核对后重新提交'));
    await p.invoke('onConfirm');
    expect(calls.find((c) => step(c) === 'publication.reject')!.event.payload).toEqual({
      id: ENTRY_ID,
      comment: '处罚依据条款有误，请核对后重新提交',
    });
  });

  it("shows a separation-of-duty refusal in the backend's words", async () => {
    harness.answer = (c) =>
      step(c) === 'publication.review'
        ? refused('FORBIDDEN', SOD)
        : ok(
            staffView({
              status: 'submitted',
              statusLabel: '待分管领导审核',
              allowedSteps: ['review', 'reject'],
            }),
          );
    const p = await render();
    expect(await p.text()).toContain('审核通过');
    await p.invoke('onStep', tap({ step: 'review' }));
    await p.invoke('onConfirm');
    expect(calls.find((c) => step(c) === 'publication.review')!.event.payload).toEqual({ id: ENTRY_ID });
    expect(await p.text()).toContain(SOD);
    expect(await p.text()).not.toContain('服务暂时不可用');
  });

  it("shows the preparer a rejection's comment, and edits or submits again", async () => {
    const draft = staffView({
      status: 'draft',
      statusLabel: '待提交',
      round: 2,
      allowedSteps: ['edit', 'submit'],
      acts: [
        { step: 'submit', label: '提交审核', round: 1, actedAt: '2026-11-25T01:00:00.000Z', byMe: true },
        { step: 'reject', label: '退回修改', round: 1, actedAt: '2026-11-25T03:00:00.000Z', byMe: false },
      ],
      comments: [
        {
          step: 'reject',
          round: 1,
          text: '罚款金额与决定书不一致',
          at: '2026-11-25T03:00:00.000Z',
          byMe: false,
        },
      ],
    });
    harness.answer = (c) =>
      step(c) === 'publication.submit'
        ? ok({ id: ENTRY_ID, status: 'submitted', publishAt: null })
        : ok(draft);
    const p = await render();
    const text = await p.text();
    expect(text).toContain('已退回修改');
    expect(text).toContain('退回意见：罚款金额与决定书不一致');
    expect(text).toContain('提交审核（本人）');
    await p.invoke('onStep', tap({ step: 'edit' }));
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toEqual({
      url: `/pages/pubstaff/form/index?id=${ENTRY_ID}`,
    });
    await p.invoke('onStep', tap({ step: 'submit' }));
    expect(calls.find((c) => step(c) === 'publication.submit')!.event.payload).toEqual({ id: ENTRY_ID });
  });

  it('offers withdrawal and correction of a published entry; says whom an entry waits for', async () => {
    harness.answer = () =>
      ok(
        staffView({
          status: 'published',
          statusLabel: '已公示',
          allowedSteps: ['correct', 'noteChange', 'withdraw'],
        }),
      );
    const p = await render();
    await p.invoke('onStep', tap({ step: 'withdraw' }));
    await p.invoke('onStep', tap({ step: 'correct' }));
    expect((await p.effects()).filter((e) => e.api === 'navigateTo').map((e) => e.args)).toEqual([
      { url: `/pages/pubstaff/withdraw/index?id=${ENTRY_ID}` },
      { url: `/pages/pubstaff/form/index?correct=${ENTRY_ID}` },
    ]);
    harness.answer = () => ok(staffView({ allowedSteps: [] }));
    const q = await render();
    expect(await q.text()).toContain('该条目待主要领导审批。');
  });

  it('lets the reviewer publish a withdrawal reason, and opens the other versions (PUB-13)', async () => {
    const withdrawn = staffView({
      status: 'withdrawn',
      statusLabel: '已撤回',
      dueDate: '2026-12-03',
      allowedSteps: ['publishWithdrawalReason'],
      correctionId: 'pub_00000000cccc',
      withdrawal: {
        reason: '该行政处罚决定已被复议机关撤销',
        reasonPublished: false,
        change: 'revoked',
        effectiveOn: '2026-11-27',
        receivedOn: '2026-11-30',
        withdrawnOn: '2026-12-01',
      },
    });
    harness.answer = (c) =>
      step(c) === 'publication.publishWithdrawalReason'
        ? ok({ id: ENTRY_ID, status: 'withdrawn', publishAt: null })
        : ok(withdrawn);
    const p = await render();
    const text = await p.text();
    expect(text).toContain('应于 2026年12月3日 前公布撤回理由');
    expect(text).toContain('公布撤回理由期限：3 个工作日内');
    expect(text).toContain('撤回理由：该行政处罚决定已被复议机关撤销');
    expect(text).toContain('撤回理由待分管领导或主要领导审核后公布');
    await p.invoke('onStep', tap({ step: 'publishWithdrawalReason' }));
    expect(calls.find((c) => step(c) === 'publication.publishWithdrawalReason')!.event.payload).toEqual({
      id: ENTRY_ID,
    });
    await p.invoke('onOpenVersion', tap({ id: 'pub_00000000cccc' }));
    expect((await p.effects()).find((e) => e.api === 'navigateTo')?.args).toEqual({
      url: '/pages/pubstaff/entry/index?id=pub_00000000cccc',
    });
  });

  it('lets the principal approve publishing an entry held for privacy, with ground, reason and assessment (PUB-8)', async () => {
    harness.answer = (c) =>
      step(c) === 'publication.override'
        ? (c.event.payload as { reason: string }).reason.length < 10
          ? refused('INVALID_INPUT', '输入有误', { 'payload.reason': '公开理由至少 10 个字' })
          : ok({ id: ENTRY_ID, status: 'forwarded', publishAt: null })
        : ok(
            staffView({
              withheld: ['privacy'],
              withheldLabels: ['涉及个人隐私，不予公开'],
              allowedSteps: ['reject'],
            }),
          );
    const p = await render();
    expect(await p.text()).toContain('《个人信息保护法》第五十五条');
    await p.invoke('onOverride');
    const field = (f: string, value: string) => ({
      currentTarget: { dataset: { field: f } },
      detail: { value },
    });
    await p.invoke('onOverrideField', tap({ field: 'ground', value: 'publicInterest' }));
    await p.invoke('onOverrideField', field('reason', '太短'));
    await p.invoke('onOverrideField', field('assessmentId', 'PIA-2026-07'));
    await p.invoke('onOverrideConfirm');
    expect(await p.text()).toContain('公开理由至少 10 个字');
    await p.invoke('onOverrideField', field('reason', '该诊所违法行为涉及公众就医安全，公开符合公共利益'));
    await p.invoke('onOverrideConfirm');
    expect(calls.filter((c) => step(c) === 'publication.override').at(-1)!.event.payload).toEqual({
      id: ENTRY_ID,
      ground: 'publicInterest',
      reason: '该诊所违法行为涉及公众就医安全，公开符合公共利益',
      assessmentId: 'PIA-2026-07',
    });
    expect(await p.text()).not.toContain('确认批准公开'); // the popup closed
  });

  it('says not found for an entry out of reach, and offers 重试 on a failure', async () => {
    harness.answer = () => refused('NOT_FOUND', '未找到该公示条目');
    const p = await render();
    expect(await p.text()).toContain('它可能不在您的办理范围内');
    harness.answer = () => refused('INTERNAL', '服务暂时不可用，请稍后重试');
    await p.invoke('load');
    expect(await p.text()).toContain('重试');
  });
});
