/**
 * 立案登记 rendered in Chromium (REC-1; 行政处罚法第四十二条: at least two officers): reached from
 * 我的案件; the party found in the register with party.find or entered new; officers picked from the unit's
 * register (a suspended certificate cannot be picked); the backend's field errors shown under their fields in
 * Chinese and the first scrolled into view; opened from a report, the report is linked; a role that may not open a
 * case is told so.
 */
import type { BackendCall } from '../../scripts/miniprogram/render';
import { CASE_ID, listItem } from './case-fixtures';
import { staffCaseView, tap, typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;
const ok = (data: unknown) => ({ ok: true, data });
const PARTY_ID = `pty_${'c'.repeat(24)}`;
const COMPLAINT_ID = `cmp_${'d'.repeat(24)}`;
const sent = (action: string) => calls.find((c) => c.event.action === action)?.event.payload;

const me = (role: string) =>
  ok({
    staffId: 'stf_1',
    name: '张伟',
    unit: { id: 'unit_enforcement', name: '卫生健康执法支队', kind: 'enforcement' },
    section: { id: 'sec_1', name: '公共场所卫生监督科', kind: 'enforcement' },
    grants: [],
    roles: [{ role, label: role, unitId: 'unit_enforcement' }],
    delegations: [],
  });
const officer = (certNo: string, name: string, status = 'active') => ({
  certNo,
  name,
  unitName: '卫生健康执法支队',
  status,
  validFrom: '2024-01-01',
  validUntil: '2029-12-31',
  statusDate: null,
  field: null,
  area: null,
  photoUrl: null,
});

function backend(c: BackendCall) {
  switch (c.event.action) {
    case 'staff.me':
      return me('officer');
    case 'officer.list':
      return ok({
        items: [officer('WZ0001', '张伟'), officer('WZ0002', '王芳'), officer('WZ0003', '赵磊', 'suspended')],
        total: 3,
        totalCapped: false,
        nextCursor: null,
      });
    case 'party.find':
      return ok({
        party: {
          id: PARTY_ID,
          kind: 'organisation',
          name: '某某游泳馆',
          idKind: 'uscc',
          idMasked: '9****3',
          legalRepresentative: '李某',
        },
        cases: [listItem()],
        records: [],
      });
    case 'case.open':
      return ok({ id: CASE_ID, caseNo: '卫罚〔2026〕12号', partyId: PARTY_ID, stage: 'opened' });
    case 'case.list':
      return ok({ items: [], total: 0, totalCapped: false, nextCursor: null });
    default:
      return { ok: false, error: { code: 'INTERNAL', message: '未设置' } };
  }
}

async function fillCase(p: Awaited<ReturnType<typeof harness.render>>) {
  await p.invoke('onKind', tap({ key: 'penalty' }));
  await p.invoke('onField', typed('卫罚〔2026〕12号', 'caseNo'));
  await p.invoke('onField', typed('未取得卫生许可证经营公共场所', 'cause'));
  await p.invoke('onFindIdNo', { detail: { value: '91350100M000100Y43' } });
  await p.invoke('onFind');
  await p.invoke('onOfficer', tap({ cert: 'WZ0001' }));
  await p.invoke('onOfficer', tap({ cert: 'WZ0002' }));
}

describe('立案登记', () => {
  it('is reached from 我的案件', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/mine/index');
    expect(await p.text()).toContain('立案登记');
    await p.invoke('onOpenCase');
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: '/pages/case/open/index' }),
      }),
    );
  });

  it('finds the party, takes two officers from the register and opens the case', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/open/index');
    expect(sent('officer.list')).toEqual({ unitId: 'unit_enforcement', pageSize: 50 });
    let text = await p.text();
    expect(text).toMatch(/赵磊\s*（已暂扣）/);
    await fillCase(p);
    // A suspended certificate cannot be picked.
    await p.invoke('onOfficer', tap({ cert: 'WZ0003' }));
    text = await p.text();
    expect(text).toContain('已选择：某某游泳馆');
    expect(text).toContain('统一社会信用代码 9****3');
    expect(text).toContain('已选 2 名');
    expect(sent('party.find')).toEqual({ idKind: 'uscc', idNo: '91350100M000100Y43' });
    await p.invoke('onSubmit');
    expect(sent('case.open')).toEqual({
      kind: 'penalty',
      caseNo: '卫罚〔2026〕12号',
      cause: '未取得卫生许可证经营公共场所',
      officers: ['WZ0001', 'WZ0002'],
      partyId: PARTY_ID,
    });
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'redirectTo',
        args: expect.objectContaining({ url: `/pages/case/detail/index?id=${CASE_ID}` }),
      }),
    );
  });

  it("shows the backend's field errors in Chinese under their fields and scrolls to the first", async () => {
    harness.answer = (c) =>
      c.event.action === 'case.open'
        ? {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '请按提示修改',
              fields: { 'payload.officers.1': '王芳的执法证在立案当日不在有效期内或已被暂扣、吊销' },
            },
          }
        : backend(c);
    const p = await harness.render('pages/case/open/index');
    await fillCase(p);
    await p.invoke('onSubmit');
    expect(await p.text()).toContain('王芳的执法证在立案当日不在有效期内或已被暂扣、吊销');
    const scrolls = (await p.effects()).filter((e) => e.api === 'pageScrollTo');
    expect(scrolls.at(-1)?.args).toEqual(expect.objectContaining({ selector: '#f-officers' }));
  });

  it('checks the form before sending: a new party of the wrong identifier is named, nothing is sent', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/open/index');
    await p.invoke('onKind', tap({ key: 'penalty' }));
    await p.invoke('onPartyMode', tap({ mode: 'new' }));
    await p.invoke('onPartyKind', tap({ key: 'person' }));
    await p.invoke('onField', typed('张三', 'party.name'));
    await p.invoke('onField', typed('110105194912310021', 'party.idNo'));
    await p.invoke('onSubmit');
    const text = await p.text();
    expect(text).toContain('身份证号码校验位不符，请逐位核对');
    expect(text).toContain('至少须有两名执法人员');
    expect(sent('case.open')).toBeUndefined();
    const scrolls = (await p.effects()).filter((e) => e.api === 'pageScrollTo');
    expect(scrolls[0]?.args).toEqual(expect.objectContaining({ selector: '#f-caseNo' }));
  });

  it('links the report it was opened from (the report is marked 立案 in the same step)', async () => {
    harness.answer = backend;
    const p = await harness.render('pages/case/open/index', { query: { complaintId: COMPLAINT_ID } });
    expect(await p.text()).toContain('本案由举报线索立案');
    await fillCase(p);
    await p.invoke('onSubmit');
    expect(sent('case.open')).toMatchObject({ complaintId: COMPLAINT_ID, partyId: PARTY_ID });
  });

  it('tells a role that may not open a case so, without loading the register', async () => {
    harness.answer = (c) => (c.event.action === 'staff.me' ? me('custodian') : backend(c));
    const p = await harness.render('pages/case/open/index');
    const text = await p.text();
    expect(text).toContain('无权立案');
    expect(text).toContain('只有执法人员或其分管领导、单位负责人可以立案');
    expect(sent('officer.list')).toBeUndefined();
  });

  it("a report's 立案 decision offers opening the case in the register with the report linked", async () => {
    const report = staffCaseView({ status: 'accepted', statusLabel: '已受理', allowedSteps: ['decideCase'] });
    harness.answer = (c) => (c.event.action === 'complaint.get' ? ok(report) : backend(c));
    const p = await harness.render('pages/staff/complaint-case/index', { query: { id: report.id } });
    await p.invoke('onAction', tap({ action: 'decideCase' }));
    await p.invoke('onCaseOpened', tap({ value: 'yes' }));
    expect(await p.text()).toContain('到案件登记中立案');
    await p.invoke('onOpenCase');
    expect(await p.effects()).toContainEqual(
      expect.objectContaining({
        api: 'navigateTo',
        args: expect.objectContaining({ url: `/pages/case/open/index?complaintId=${report.id}` }),
      }),
    );
  });
});
