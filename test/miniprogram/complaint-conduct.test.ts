/**
 * Conduct complaints on the citizen's form (PUB-3), rendered in Chromium: choosing
 * 执法行为（执法人员或执法机构） shows the optional officer fields and where the complaint goes, the officer is sent as
 * `officer` after the contract's own `officerConcernedSchema` check (same messages as the function), and any other
 * field of health hides and clears them, in the page and in the saved draft, so an officer is never sent with it
 * (the function refuses that: 只有反映执法行为时才填写被投诉的执法人员).
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const FORM = 'pages/complaint/form/index';
const CONDUCT = '执法行为（执法人员或执法机构）';
const DRAFT_KEY = 'complaint.draft';

/** Storage backed by a map the test reads back (the saved draft); no subscribe grant is asked for. */
async function scriptStorage(page: Rendered, storage: Record<string, unknown> = {}) {
  await page.page.evaluate((initial) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __store: Record<string, unknown> };
    w.__store = { ...initial };
    Object.assign(w.wx, {
      getStorageSync: (k: string) => w.__store[k] ?? '',
      setStorageSync: (k: string, v: unknown) => {
        w.__store[k] = v;
      },
      removeStorageSync: (k: string) => {
        delete w.__store[k];
      },
      requestSubscribeMessage: undefined,
    });
  }, storage);
}

const savedDraft = (page: Rendered) =>
  page.page.evaluate(
    (key) =>
      (globalThis as unknown as { __store: Record<string, { form?: Record<string, unknown> }> }).__store[key],
    DRAFT_KEY,
  );

const submitted = {
  ok: true,
  data: {
    trackingNo: 'TS20261127-7KQ4MX',
    submittedAt: '2026-11-27T02:00:00.000Z',
    acceptanceDueDate: '2026-12-08',
    acceptanceDueProvisional: false,
  },
};

async function fillConductComplaint(page: Rendered) {
  await page.invoke('onKind', tap({ kind: 'complaint' }));
  await page.invoke('onCategory', tap({ category: CONDUCT }));
  await page.invoke('onField', typed('某某卫生监督所', 'subjectName'));
  await page.invoke('onField', typed('北山大道 9 号', 'subjectAddress'));
  await page.invoke('onField', typed('检查时执法人员未出示证件，态度恶劣。', 'description'));
  await page.invoke('onField', typed('张三丰', 'contactName'));
  await page.invoke('onField', typed('13987654321', 'contactPhone'));
}

describe('complaint form: a complaint about enforcement conduct', () => {
  it('shows the officer fields and who handles it only for the conduct category', async () => {
    const page = await render();
    expect(await page.text()).not.toContain('执法证号');
    await page.invoke('onCategory', tap({ category: CONDUCT }));
    const text = await page.text();
    expect(text).toContain('被投诉的执法人员（可选）');
    expect(text).toContain('执法证号');
    expect(text).toContain('委机关法规与综合监督科');
    expect(text).toContain('被投诉的执法人员不能查看本投诉举报，也看不到您的姓名和联系方式');
  });

  it('sends the officer as the contract normalises it (certificate number without spaces, upper case)', async () => {
    harness.answer = () => submitted;
    const page = await render();
    await fillConductComplaint(page);
    await page.invoke('onField', typed(' 李四 ', 'officerName'));
    await page.invoke('onField', typed('ab 1234', 'officerCertNo'));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event).toMatchObject({
      action: 'complaint.submit',
      payload: { category: CONDUCT, officer: { name: '李四', certNo: 'AB1234' } },
    });
  });

  it('sends no officer when both fields are left empty (they are optional)', async () => {
    harness.answer = () => submitted;
    const page = await render();
    await fillConductComplaint(page);
    await page.invoke('onField', typed('   ', 'officerName'));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event.payload).not.toHaveProperty('officer');
  });

  it("refuses a malformed certificate number with the contract's message, without calling", async () => {
    const page = await render();
    await fillConductComplaint(page);
    await page.invoke('onField', typed('证号#12', 'officerCertNo'));
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(0);
    const text = await page.text();
    expect(text).toContain('执法证号只能包含数字、字母或汉字');
    expect(text).toContain('有 1 处需要修改');
  });

  it('hides and clears the officer when another field is chosen, in the page, the draft and the call', async () => {
    harness.answer = () => submitted;
    const page = await render();
    await fillConductComplaint(page);
    await page.invoke('onField', typed('李四', 'officerName'));
    await page.invoke('onField', typed('AB1234', 'officerCertNo'));
    expect((await savedDraft(page))?.form).toMatchObject({ officerName: '李四', officerCertNo: 'AB1234' });

    await page.invoke('onCategory', tap({ category: '公共场所' }));
    expect(await page.text()).not.toContain('执法证号');
    expect((await savedDraft(page))?.form).toMatchObject({ officerName: '', officerCertNo: '' });
    await page.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event.payload).toMatchObject({ category: '公共场所' });
    expect(calls[0]!.event.payload).not.toHaveProperty('officer');
    // Back to conduct: the fields come back empty, not with what was cleared.
    await page.invoke('onCategory', tap({ category: CONDUCT }));
    expect((await savedDraft(page))?.form).toMatchObject({
      category: CONDUCT,
      officerName: '',
      officerCertNo: '',
    });
  });

  it('restores the officer from a conduct draft, and drops it from a draft of another field', async () => {
    harness.answer = () => submitted;
    const page = await render();
    const form = {
      kind: 'complaint',
      category: CONDUCT,
      description: '执法人员态度恶劣',
      officerName: '李四',
    };
    await scriptStorage(page, { [DRAFT_KEY]: { savedAt: Date.now(), form } });
    await page.invoke('onLoad', {});
    expect(await page.text()).toContain('已恢复您上次未提交的内容');
    expect(await page.text()).toContain('被投诉的执法人员（可选）');

    const other = await render();
    const otherForm = { ...form, category: '公共场所', officerCertNo: 'AB1234' };
    await scriptStorage(other, { [DRAFT_KEY]: { savedAt: Date.now(), form: otherForm } });
    await other.invoke('onLoad', {});
    // Switching that draft to conduct brings back no officer it should not have kept.
    await fillConductComplaint(other);
    await other.invoke('onSubmit');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.event.payload).not.toHaveProperty('officer');
  });

  it("puts the function's officer fields on the officer inputs, its category refusal on the field of health", async () => {
    harness.answer = () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容有误，请检查后重试',
        fields: { 'payload.officer.name': '执法人员姓名不能超过 32 个字' },
      },
    });
    const page = await render();
    await fillConductComplaint(page);
    await page.invoke('onField', typed('李四', 'officerName'));
    await page.invoke('onSubmit');
    expect(await page.text()).toContain('执法人员姓名不能超过 32 个字');

    harness.answer = () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容有误，请检查后重试',
        fields: { 'payload.officer': '只有反映执法行为时才填写被投诉的执法人员' },
      },
    });
    await page.invoke('onField', typed('李四四', 'officerName'));
    await page.invoke('onSubmit');
    expect(await page.text()).toContain('只有反映执法行为时才填写被投诉的执法人员');
  });
});

async function render(): Promise<Rendered> {
  const page = await harness.render(FORM);
  await scriptStorage(page);
  return page;
}
