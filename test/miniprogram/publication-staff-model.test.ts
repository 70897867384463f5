/**
 * The staff publication pages' view models (miniprogram/pages/pubstaff/view.ts, form.ts; PUB-6, PUB-8, PUB-11,
 * PUB-12, PUB-13): queue tabs by role, deadlines (7/20 working days; 3 for a withdrawal), the entry page's steps,
 * history and rejection, a batch approval's per-entry results, the form's fields by kind and its error mapping.
 */
import {
  batchResultLines,
  dueRule,
  entryDetail,
  hasPublicationQueue,
  historyRounds,
  lastRejection,
  mayOverride,
  publishAtOf,
  queueRowView,
  queueTabs,
  stepButtons,
  withdrawalClockText,
  withdrawErrors,
} from '../../miniprogram/pages/pubstaff/view';
import { emptyForm, entryOf, formErrors, formOf, formSections } from '../../miniprogram/pages/pubstaff/form';
import { queueRow, staffView } from './publication-staff-fixtures';

const roles = (...r: string[]) => r.map((role) => ({ role }));
const keys = (kind: string, party: string) =>
  formSections(kind, party).flatMap((s) => s.fields.map((f) => f.key));

describe('queue tabs (PUB-11)', () => {
  it('gives each workflow role its queue, in the workflow order', () => {
    expect(queueTabs(roles('principal', 'officer')).map((t) => t.label)).toEqual(['我制作的', '待审批']);
    expect(queueTabs(roles('reviewer', 'publisher')).map((t) => t.queue)).toEqual(['review', 'office']);
    expect(queueTabs(roles('auditor')).map((t) => t.queue)).toEqual(['section']);
  });

  it('shows the 执法公示 card only to a role with a queue', () => {
    expect(hasPublicationQueue(roles('custodian'))).toBe(false);
    expect(hasPublicationQueue(roles('admin'))).toBe(false);
    expect(hasPublicationQueue(roles('custodian', 'officer'))).toBe(true);
  });
});

describe('queue rows and deadlines (PUB-12, PUB-13)', () => {
  it('marks an entry past its publication deadline overdue, with the 7-working-day rule for a penalty', () => {
    const row = queueRowView(queueRow({ dueDate: '2026-11-30' }), '2026-12-01');
    expect(row.dueLabel).toBe('应于 2026年11月30日 前公示，已逾期');
    expect(row.overdue).toBe(true);
    expect(row.dueRule).toBe('公示期限：作出决定之日起 7 个工作日内');
    expect(queueRowView(queueRow(), '2026-12-03').dueLabel).toBe('应于 2026年12月3日 前公示，今天到期');
  });

  it('uses 20 working days for other kinds and 3 for a withdrawal', () => {
    expect(dueRule('inspection', 'draft')).toBe('公示期限：作出决定之日起 20 个工作日内');
    expect(dueRule('penalty', 'published')).toContain('3 个工作日');
    expect(
      queueRowView(queueRow({ status: 'published', dueDate: '2026-12-04' }), '2026-12-01').dueLabel,
    ).toBe('应于 2026年12月4日 前撤下');
    expect(queueRowView(queueRow({ status: 'withdrawn' }), '2026-12-01').dueLabel).toContain(
      '前公布撤回理由',
    );
  });

  it('says a draft was sent back, and shows no deadline when none is open', () => {
    const row = queueRowView(queueRow({ status: 'draft', round: 2, dueDate: null }), '2026-12-01');
    expect(row.returned).toBe('已退回修改（第 2 轮）');
    expect(row.dueLabel).toBe('');
    expect(row.overdue).toBe(false);
  });
});

describe('the entry page', () => {
  it('offers the steps the backend allows, the passing step first', () => {
    expect(stepButtons(['reject', 'approve']).map((b) => b.label)).toEqual(['批准公开', '退回修改']);
    expect(stepButtons(['edit', 'submit']).map((b) => b.step)).toEqual(['submit', 'edit']);
    // Recording the change and taking down are one form (PUB-13).
    expect(stepButtons(['noteChange', 'correct']).map((b) => b.step)).toEqual(['correct', 'withdraw']);
  });

  it('groups acts and comments by round, newest first, with the rejection comment beside its act', () => {
    const v = staffView({
      status: 'draft',
      round: 2,
      acts: [
        { step: 'submit', label: '提交审核', round: 1, actedAt: '2026-11-25T01:00:00.000Z', byMe: true },
        { step: 'reject', label: '退回修改', round: 1, actedAt: '2026-11-25T03:00:00.000Z', byMe: false },
      ],
      comments: [
        { step: 'reject', round: 1, text: '处罚依据条款有误', at: '2026-11-25T03:00:00.000Z', byMe: false },
      ],
    });
    const rounds = historyRounds(v);
    expect(rounds.map((r) => r.title)).toEqual(['第 1 轮']);
    expect(rounds[0]!.lines.map((l) => [l.label, l.time, l.text])).toEqual([
      ['提交审核', '2026-11-25 09:00', ''],
      ['退回修改', '2026-11-25 11:00', '退回意见：处罚依据条款有误'],
    ]);
    expect(lastRejection(v)).toBe('处罚依据条款有误');
    expect(lastRejection(staffView())).toBe('');
  });

  it('shows the public preview (张某, no ID or phone), the disclosure and the waiting step', () => {
    const d = entryDetail(staffView({ allowedSteps: [] }), '2026-12-01');
    const preview = JSON.stringify(d.preview);
    expect(preview).toContain('张某');
    expect(preview).not.toContain('张德明');
    expect(preview).not.toContain('13628391045');
    expect(d.preview.find((f) => f.key === 'fine')?.value).toBe('2.5 万元（25,000 元）');
    expect(d.disclosure).toBe('可以公开');
    expect(d.waiting).toBe('该条目待主要领导审批。');
    const held = entryDetail(
      staffView({
        withheldLabels: ['涉及个人隐私'],
        entry: { ...staffView().entry, withhold: { privacy: true } },
      }),
    );
    expect(held.disclosure).toBe('暂不公开：涉及个人隐私');
    expect(held.flags).toEqual(['涉及个人隐私']);
  });

  it('lists the withdrawal as recorded, and the versions', () => {
    const d = entryDetail(
      staffView({
        status: 'withdrawn',
        version: 2,
        supersedes: 'pub_00000000aaaa',
        withdrawal: {
          reason: '复议机关撤销了该决定',
          reasonPublished: false,
          change: 'revoked',
          effectiveOn: '2026-11-27',
          receivedOn: '2026-11-30',
          withdrawnOn: '2026-12-01',
        },
      }),
    );
    expect(d.withdrawal).toEqual([
      '变更情形：决定被撤销',
      '变更决定生效日期：2026年11月27日',
      '收到变更决定日期：2026年11月30日',
      '撤下日期：2026年12月1日',
      '撤回理由：复议机关撤销了该决定',
      '撤回理由待分管领导或主要领导审核后公布',
    ]);
    expect(d.versions[0]).toBe('第 2 版');
    expect(d.versions[1]).toContain('更正版本');
  });
});

describe('override of a hold (PUB-8; 个人信息保护法 Art. 55)', () => {
  const held = (withheld: Array<'privacy' | 'commercialSecret' | 'minor' | 'stateSecret'>, over = {}) =>
    staffView({ withheld, withheldLabels: ['x'], allowedSteps: ['reject'], ...over });

  it('is offered to the principal at the approval step for a commercial secret or privacy only', () => {
    expect(mayOverride(held(['privacy']))).toBe(true);
    expect(mayOverride(held(['privacy', 'commercialSecret']))).toBe(true);
    expect(mayOverride(held(['privacy', 'minor']))).toBe(false);
    expect(mayOverride(held(['stateSecret']))).toBe(false);
    expect(mayOverride(held([]))).toBe(false);
  });

  it('is not offered at another step, to someone without the step, or twice', () => {
    expect(mayOverride(held(['privacy'], { status: 'reviewed' }))).toBe(false);
    expect(mayOverride(held(['privacy'], { allowedSteps: [] }))).toBe(false);
    const entry = {
      ...staffView().entry,
      override: {
        ground: 'consent' as const,
        reason: '权利人书面同意公开该信息',
        approvedBy: 'stf_principal',
        assessmentId: 'PIA-2026-07',
      },
    };
    expect(mayOverride(held(['privacy'], { entry }))).toBe(false);
    expect(entryDetail(held(['privacy'], { entry })).override).toBe(
      '经主要领导批准公开（权利人同意公开）：权利人书面同意公开该信息；个人信息保护影响评估记录 PIA-2026-07',
    );
  });
});

describe('batch approval results', () => {
  it('gives one line per selected entry: approved, refused with the reason, or not reached', () => {
    const out = batchResultLines(
      {
        approved: 1,
        results: [
          { id: 'pub_a0000000', ok: true },
          {
            id: 'pub_b0000000',
            ok: false,
            code: 'FORBIDDEN',
            message: '只有主要领导（或经登记的委托人）可以批准公开，且不能批准本人制作的条目',
          },
        ],
        remaining: ['pub_c0000000'],
      },
      { pub_a0000000: 'A号', pub_b0000000: 'B号', pub_c0000000: 'C号' },
    );
    expect(out.summary).toBe('已批准 1 条，2 条未批准');
    expect(out.lines.map((l) => `${l.docNo} ${l.text}`)).toEqual([
      'A号 已批准',
      'B号 未批准：只有主要领导（或经登记的委托人）可以批准公开，且不能批准本人制作的条目',
      'C号 本次未处理完，请再次提交',
    ]);
  });

  it('sends a set time in Beijing time with its zone', () => {
    expect(publishAtOf('2026-12-02', '08:30')).toBe('2026-12-02T08:30:00+08:00');
    expect(publishAtOf('', '08:30')).toBeUndefined();
  });
});

describe('withdraw form (PUB-13)', () => {
  it('asks for the change, both dates and a reason of at least 5 characters', () => {
    expect(
      withdrawErrors({ noted: false, change: '', effectiveOn: '', receivedOn: '', reason: '撤' }),
    ).toEqual({
      change: '请选择变更类别',
      effectiveOn: '请填写变更决定生效日期',
      receivedOn: '请填写收到变更决定日期',
      reason: '撤回理由至少 5 个字',
    });
    expect(
      withdrawErrors({ noted: true, change: '', effectiveOn: '', receivedOn: '', reason: '决定已被撤销' }),
    ).toEqual({});
  });

  it('runs the deadlines from the later of the two dates', () => {
    expect(withdrawalClockText('2026-11-27', '2026-11-30')).toBe(
      '撤下和公布撤回理由的期限均自 2026年11月30日 起算，各为 3 个工作日。',
    );
    expect(withdrawalClockText('2026-11-27', '')).toBe('');
  });
});

describe('the entry form (PUB-6)', () => {
  it('asks for the 双公示 fields by kind and party category', () => {
    expect(keys('penalty', 'person')).toEqual(
      expect.arrayContaining(['violationType', 'categories', 'fine', 'partyPersonIdNumber', 'partyMinor']),
    );
    expect(keys('penalty', 'person')).not.toContain('partyCreditCode');
    expect(keys('permit', 'individualBusiness')).toEqual(
      expect.arrayContaining(['certificateName', 'validTo', 'partyCreditCode', 'partyPremisesConfirmed']),
    );
    expect(keys('inspection', 'organisation')).toEqual(expect.arrayContaining(['category', 'conclusion']));
    expect(keys('inspection', 'organisation')).not.toContain('facts');
  });

  it('builds the entry of the chosen kind, leaving out empty optional fields and other kinds', () => {
    const f = emptyForm({ authority: '重庆市万州区卫生健康委员会' });
    Object.assign(f, {
      kind: 'inspection',
      docNo: ' 万卫医查〔2026〕47号 ',
      category: '双随机一公开抽查',
      conclusion: '未发现问题',
      violationType: '不应出现',
      withholdPrivacy: true,
    });
    const entry = entryOf(f, { unitId: 'unit_commission', sectionId: 'sec_medical' });
    expect(entry).toMatchObject({
      kind: 'inspection',
      unitId: 'unit_commission',
      sectionId: 'sec_medical',
      docNo: '万卫医查〔2026〕47号',
      authority: '重庆市万州区卫生健康委员会',
      party: { category: 'organisation' },
      withhold: { privacy: true },
    });
    expect(entry).not.toHaveProperty('violationType');
    expect(entry).not.toHaveProperty('basis');
    expect(entry).not.toHaveProperty('note');
    expect(entry).not.toHaveProperty('decisionDate'); // empty: the backend asks 请填写决定日期
    expect(entry.party).not.toHaveProperty('legalRepId');
  });

  it('reads a stored entry back unchanged (edit, correct)', () => {
    const stored = staffView().entry;
    const back = entryOf(formOf(stored), { unitId: stored.unitId, sectionId: stored.sectionId });
    expect(back).toEqual(stored);
  });

  it("maps the backend's field messages onto the form, the first in the form's order", () => {
    const out = formErrors(
      {
        'payload.entry.fine': '处罚类别含罚款时请填写罚款金额',
        'payload.entry.party.personId.number': '行政相对人证件：校验位不正确',
        'payload.entry.unitId': '所属单位不在您的范围内',
      },
      'penalty',
      'person',
    );
    expect(out.errors).toEqual({
      fine: '处罚类别含罚款时请填写罚款金额',
      partyPersonIdNumber: '行政相对人证件：校验位不正确',
    });
    expect(out.first).toBe('partyPersonIdNumber');
    expect(out.other).toEqual(['所属单位不在您的范围内']);
  });
});
