/**
 * The staff publication pages against the real backend (a seeded emulator; PUB-11, seed Art. 22-23): an entry taken
 * through submit, review and forward by three accounts on the entry page, then approved by the principal in a
 * batch from the approval queue beside one he forwarded himself, which the backend refuses (nobody passes an entry
 * at two steps); the results page shows each entry's outcome in the backend's words, and the approved entry is
 * public. The principal is given the office's `publisher` role (not a sensitive role) so the refusal is the
 * separation, not a missing role.
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { useSeededEmulator } from '../server/complaint/helpers';
import { AUTHORITY_CODE, COMPANY_CODE } from '../core/publication/fixtures';
import {
  companyPenalty,
  create,
  docNo,
  OFFICE,
  PREPARER,
  PRINCIPAL,
  REVIEWER,
} from '../server/publication/helpers';
import { tap, typed } from './fixtures';
import { pageHarness } from './harness';

const ctx = useSeededEmulator();
const harness = pageHarness();
const ENTRY = 'pages/pubstaff/entry/index';

/** Every call of the rendered page goes to the emulator as `openid`. */
const as = (openid: string) => (c: BackendCall) => ctx.emu.call(c.fn, c.event, openid);

async function stepOnPage(openid: string, id: string, step: string, comment?: string) {
  harness.answer = as(openid);
  const p = await harness.render(ENTRY, { query: { id } });
  await p.invoke('onStep', tap({ step }));
  if (comment !== undefined) {
    await p.invoke('onComment', typed(comment));
    await p.invoke('onConfirm');
  }
  const text = await p.text();
  await p.close();
  return text;
}

beforeAll(async () => {
  const res = await ctx.call.staff('demo-admin-1', 'staff.grantRole', {
    staffId: 'stf_principal',
    role: 'publisher',
    unitId: 'unit_commission',
  });
  expect(res).toMatchObject({ ok: true });
}, 60_000);

it('passes an entry through the pages, and the batch refuses the one the principal forwarded himself', async () => {
  const entry = companyPenalty();
  const mine = await create(ctx.call, entry);
  const his = await create(ctx.call, companyPenalty());

  expect(await stepOnPage(PREPARER, mine, 'submit')).toContain('待分管领导审核');
  expect(await stepOnPage(REVIEWER, mine, 'review', '内容核实无误')).toContain('待办公室报送');
  expect(await stepOnPage(OFFICE, mine, 'forward', '')).toContain('待主要领导审批');

  for (const [who, action] of [
    [PREPARER, 'publication.submit'],
    [REVIEWER, 'publication.review'],
  ] as const)
    expect((await ctx.call.staff(who, action, { id: his })).ok).toBe(true);
  // The principal forwards this one on its page (he holds the office's role now) ...
  expect(await stepOnPage(PRINCIPAL, his, 'forward', '')).toContain('待主要领导审批');

  // ... and approves both from his queue: one result per entry, the separation refused as the backend words it.
  harness.answer = as(PRINCIPAL);
  const p = await harness.render('pages/pubstaff/list/index', { query: { tab: 'approval' } });
  await p.invoke('onSelectAll');
  await p.invoke('onBatch');
  await p.invoke('onBatchConfirm');
  const text = await p.text();
  expect(text).toContain('已批准 1 条，1 条未批准');
  expect(text).toMatch(new RegExp(`${escape(entry.docNo)}\\s*已批准`));
  const refusal = text.match(/未批准：([^\n]+)/)?.[1] ?? '';
  expect(refusal).toMatch(/同一人不能/);
  expect(text).not.toContain('INTERNAL');

  const listed = await ctx.call.publicCall('publication.list', { pageSize: 50 });
  expect(listed.data.items.map((i: { id: string }) => i.id)).toContain(mine);
  expect(listed.data.items.map((i: { id: string }) => i.id)).not.toContain(his);
});

it('the principal approves publishing a privacy hold on the page, then approves it (PUB-8)', async () => {
  const id = await create(ctx.call, companyPenalty({ withhold: { privacy: true } }));
  for (const [who, action] of [
    [PREPARER, 'publication.submit'],
    [REVIEWER, 'publication.review'],
    [OFFICE, 'publication.forward'],
  ] as const)
    expect((await ctx.call.staff(who, action, { id })).ok).toBe(true);
  harness.answer = as(PRINCIPAL);
  const p = await harness.render(ENTRY, { query: { id } });
  expect(await p.text()).toContain('暂不公开：涉及个人隐私');
  // No approve step while held: the steps card (before the preview) offers only 退回修改.
  expect((await p.text()).split('公众将看到的内容')[0]).not.toContain('批准公开');
  const field = (f: string, value: string) => ({
    currentTarget: { dataset: { field: f } },
    detail: { value },
  });
  await p.invoke('onOverride');
  await p.invoke('onOverrideField', tap({ field: 'ground', value: 'consent' }));
  await p.invoke('onOverrideField', field('reason', '当事人书面同意公开该处罚决定信息'));
  await p.invoke('onOverrideField', field('assessmentId', 'PIA-2026-011'));
  await p.invoke('onOverrideConfirm');
  const text = await p.text();
  expect(text).toContain('可以公开');
  expect(text).toContain('经主要领导批准公开（权利人同意公开）');
  await p.invoke('onStep', tap({ step: 'approve' }));
  await p.invoke('onConfirm');
  expect(await p.text()).toContain('已公示');
});

it('creates an entry from the form as the backend checks it, after showing its field errors (PUB-6)', async () => {
  harness.answer = as(PREPARER);
  const p = await harness.render('pages/pubstaff/form/index');
  const input = (key: string, value: string) =>
    p.invoke('onInput', { currentTarget: { dataset: { key } }, detail: { value } });
  await p.invoke('onKind', tap({ value: 'inspection' }));
  const number = docNo('万卫医查');
  await input('docNo', number);
  await input('decisionDate', '2026-11-20');
  await input('authorityCode', AUTHORITY_CODE);
  await input('sourceUnitCode', AUTHORITY_CODE);
  await input('partyName', '重庆某某口腔诊所有限公司');
  await input('partyCreditCode', COMPANY_CODE.slice(0, -1) + (COMPANY_CODE.endsWith('0') ? '1' : '0'));
  await input('partyLegalRep', '刘某某');
  await input('category', '双随机一公开抽查');
  await input('conclusion', '未发现违法行为');
  await p.invoke('onSubmit');
  expect(await p.text()).toContain('校验');
  expect((await p.effects()).filter((e) => e.api === 'pageScrollTo').at(-1)?.args).toMatchObject({
    selector: '#f-partyCreditCode',
  });
  await input('partyCreditCode', COMPANY_CODE);
  await p.invoke('onSubmit');
  const to = (await p.effects()).find((e) => e.api === 'redirectTo')?.args as { url: string } | undefined;
  expect(to?.url).toMatch(/^\/pages\/pubstaff\/entry\/index\?id=pub_[0-9a-f]+$/);
  const id = to!.url.split('=')[1]!;
  const view = await ctx.call.staff(PREPARER, 'publication.staffGet', { id });
  expect(view.data).toMatchObject({
    kind: 'inspection',
    docNo: number,
    status: 'draft',
    sectionId: 'sec_medical',
  });
  expect(view.data.allowedSteps).toContain('submit');
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\〔〕]/g, '\\$&');
