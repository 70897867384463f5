/**
 * The staff case page's clocks, conduct complaints and acceptance notices (PUB-3, REC-14), rendered in Chromium against the typed
 * client: clocks labelled as the backend declares them (the handling period an internal target, 内部目标), the
 * petition channel, a conduct complaint, the one extension a leader approves, and the acceptance notice recorded
 * with its method and Shanghai time.
 */
import type { BackendCall, Rendered } from '../../scripts/miniprogram/render';
import { staffCaseView, tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const ID = 'cmp_0123456789abcdef01234567';
const PAGE = 'pages/staff/complaint-case/index';

async function confirmDialogs(page: Rendered) {
  await page.page.evaluate(() => {
    const w = globalThis as unknown as { wx: Record<string, unknown> };
    w.wx.showModal = (o: { success?: (r: { confirm: boolean }) => void }) => o.success?.({ confirm: true });
  });
}

function backend(view: object, step: (c: BackendCall) => unknown = () => ({ ok: true, data: {} })) {
  harness.answer = (c) => (c.event.action === 'complaint.get' ? { ok: true, data: view } : step(c));
}

const clock = (name: string, label: string, dueDate: string, extra: Record<string, unknown> = {}) => ({
  name,
  label,
  legal: true,
  dueDate,
  stoppedOn: null,
  extendedDays: 0,
  ...extra,
});

it('shows the running clocks with their labels, the petition channel and the acceptance notice', async () => {
  backend(
    staffCaseView({
      status: 'accepted',
      source: 'petition',
      sourceLabel: '信访',
      channel: 'petition',
      clocks: [
        clock('petitionAcceptance', '信访事项受理告知', '2026-03-17', { stoppedOn: '2026-03-05' }),
        clock('caseDecision', '举报立案决定', '2026-04-14', { extendedDays: 15 }),
        clock('petitionHandling', '信访事项办结', '2026-05-06'),
      ],
      acceptanceNotice: { method: 'phone', methodLabel: '电话', at: '2026-03-05T02:30:00.000Z', note: null },
      allowedSteps: ['extendPetition'],
    }),
  );
  const page = await harness.render(PAGE, { query: { id: ID } });
  const text = await page.text();
  expect(text).toContain('举报立案决定');
  expect(text).toContain('（已延长）');
  expect(text).toContain('信访事项办结');
  expect(text).not.toContain('信访事项受理告知'); // stopped: no longer a due date
  expect(text).toContain('信访（按《信访工作条例》的期限办理）');
  expect(text).toContain('电话，2026-03-05 10:30');
  expect(text).toContain('批准延长信访办理期限');
});

it('labels a regular handling period as an internal target, and shows a conduct complaint', async () => {
  backend(
    staffCaseView({
      status: 'accepted',
      clocks: [{ ...clock('handling', '投诉举报办结（内部目标）', '2027-01-26'), legal: false }],
      conduct: { officerGiven: { name: '张伟' }, matched: true },
      allowedSteps: [],
    }),
  );
  const page = await harness.render(PAGE, { query: { id: ID } });
  const text = await page.text();
  expect(text).toContain('投诉举报办结（内部目标）');
  expect(text).toContain('所反映的执法人员：张伟');
  expect(text).toContain('被反映人员不能查看或承办本件');
});

it('records how and when the complainant was told, in Shanghai time', async () => {
  backend(
    staffCaseView({
      status: 'accepted',
      source: 'phone',
      sourceLabel: '电话',
      allowedSteps: ['recordNotice'],
    }),
  );
  const page = await harness.render(PAGE, { query: { id: ID } });
  await confirmDialogs(page);
  await page.invoke('onAction', tap({ action: 'recordNotice' }));
  await page.invoke('onPanelSubmit');
  expect(await page.text()).toContain('请选择告知方式');
  await page.invoke('onMethod', tap({ method: 'sms' }));
  await page.invoke('onNoticeDate', typed('2026-03-05'));
  await page.invoke('onNoticeTime', typed('14:20'));
  await page.invoke('onPanelSubmit');
  const sent = calls.find((c) => c.event.action === 'complaint.recordNotice');
  expect(sent?.event.payload).toEqual({ id: ID, notice: { method: 'sms', at: '2026-03-05T14:20:00+08:00' } });
});

it('sends a petition extension with its days and reason, and shows a refusal under the panel', async () => {
  backend(staffCaseView({ status: 'accepted', allowedSteps: ['extendPetition'] }), () => ({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '输入有误',
      fields: { 'payload.days': '延长期限不能超过 30 日' },
    },
  }));
  const page = await harness.render(PAGE, { query: { id: ID } });
  await confirmDialogs(page);
  await page.invoke('onAction', tap({ action: 'extendPetition' }));
  await page.invoke('onDays', typed('31'));
  await page.invoke('onText', typed('需会同有关部门核查'));
  await page.invoke('onPanelSubmit');
  const sent = calls.find((c) => c.event.action === 'complaint.extendPetition');
  expect(sent?.event.payload).toEqual({ id: ID, days: 31, reason: '需会同有关部门核查' });
  expect(await page.text()).toContain('延长期限不能超过 30 日');
});

it('records a conduct complaint with the officer as given, and notes the petition periods', async () => {
  harness.answer = () => ({
    ok: true,
    data: { id: ID, trackingNo: 'TS20261127-7KQ4MX', acceptanceDueDate: '2026-12-11' },
  });
  const page = await harness.render('pages/staff/complaint-record/index');
  await confirmDialogs(page);
  await page.invoke('onSource', tap({ source: 'petition' }));
  expect(await page.text()).toContain('收到之日起 15 日内告知是否受理，受理之日起 60 日内办结');
  await page.invoke('onKind', tap({ kind: 'complaint' }));
  expect(await page.text()).not.toContain('被反映的执法人员');
  await page.invoke('onCategory', tap({ category: '执法行为（执法人员或执法机构）' }));
  expect(await page.text()).toContain('由委机关法规与综合监督科办理');
  await page.invoke('onOfficer', typed('张伟', 'officerName'));
  await page.invoke('onOfficer', typed('5001 0120 2300 01', 'officerCertNo'));
  await page.invoke('onField', typed('某某执法大队', 'subjectName'));
  await page.invoke('onField', typed('万州区某某路 1 号', 'subjectAddress'));
  await page.invoke('onField', typed('来信反映执法人员检查时态度粗暴并索要财物。', 'description'));
  await page.invoke('onField', typed('欧阳明远', 'contactName'));
  await page.invoke('onField', typed('13987654321', 'contactPhone'));
  await page.invoke('onSubmit');
  const sent = calls.find((c) => c.event.action === 'complaint.record');
  expect(sent?.event.payload).toMatchObject({
    source: 'petition',
    category: '执法行为（执法人员或执法机构）',
    officer: { name: '张伟', certNo: '50010120230001' },
  });
});
