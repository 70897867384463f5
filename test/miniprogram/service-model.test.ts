/**
 * The served-document pages' view models (miniprogram/pages/service/view.ts; REC-7, PUB-5): the list row, rights
 * with dates, countdowns and the provisional mark, the statements' marks, the receipt rows, and staff's flags.
 */
import {
  documentView,
  PROVISIONAL_MARK,
  receiptRows,
  serviceRow,
  signerName,
  staffServiceRow,
  submissionRow,
} from '../../miniprogram/pages/service/view';
import { documentOf, receiptOf, serviceRowOf, staffServiceOf } from './service-fixtures';

describe('serviceRow', () => {
  it('names the document, its number and case, its state and asks to open it while unopened', () => {
    expect(serviceRow(serviceRowOf())).toEqual({
      id: serviceRowOf().id,
      title: '行政处罚事先告知书',
      docLine: '万卫罚告〔2026〕7号 · 万卫罚立〔2026〕1号',
      state: 'served',
      stateLabel: '已送达，待打开',
      issued: '发出时间 2026-06-18 10:30',
      action: '请打开查看',
    });
    expect(serviceRow(serviceRowOf({ state: 'acknowledged' })).action).toBe('');
  });
});

describe('documentView', () => {
  it('dates each right with its countdown from today, recusal until the decision', () => {
    const v = documentView(documentOf(), '2026-06-22');
    expect(v.serviceDate).toBe('2026年6月18日');
    expect(v.rights.map((r) => [r.title, r.when, r.countdown])).toEqual([
      ['陈述和申辩', '2026年6月26日前', '还剩 4 天'],
      ['要求听证', '2026年6月26日前', '还剩 4 天'],
      ['申请回避', '作出决定前均可提出', ''],
    ]);
    expect(v.actions.map((a) => a.label)).toEqual(['陈述、申辩', '要求听证', '申请回避']);
    expect(v.notFixedNote).toBe('');
  });

  it('marks a provisional date and a past one, and says no period runs before service', () => {
    const base = documentOf();
    const provisional = documentView(
      documentOf({ deadlines: [{ ...base.deadlines[1]!, due: '2027-02-19', provisional: true }] }),
      '2027-02-20',
    );
    expect(provisional.rights[0]).toMatchObject({
      past: true,
      countdown: '已届满',
      provisionalMark: PROVISIONAL_MARK,
    });
    const unserved = documentView(
      documentOf({ state: 'served', serviceDate: null, deadlines: [{ ...base.deadlines[1]!, due: null }] }),
      '2026-06-18',
    );
    expect(unserved.rights[0]).toMatchObject({ when: '', countdown: '' });
    expect(unserved.notFixedNote).toContain('各项期限从送达之日的次日起计算');
    expect(
      documentView(documentOf({ allows: { statement: false, hearing: false, recusal: false } }), '2026-06-18')
        .actions,
    ).toEqual([]);
  });
});

describe('submissionRow', () => {
  it('says whether a submission was late, refused or accepted late', () => {
    const s = {
      id: 'sub_1',
      kind: 'statement' as const,
      text: '意见',
      photos: 0,
      at: '2026-06-29T02:00:00.000Z',
    };
    expect(submissionRow({ ...s, late: false, refused: false, acceptedLate: null }).mark).toBe('已收到');
    expect(submissionRow({ ...s, late: true, refused: false, acceptedLate: null }).mark).toBe(
      '逾期提出，已受理并记录为逾期',
    );
    expect(
      submissionRow({ ...s, kind: 'hearing', late: false, refused: true, acceptedLate: null }),
    ).toMatchObject({
      kindLabel: '要求听证',
      mark: '逾期提出，未受理',
    });
    expect(
      submissionRow({
        ...s,
        kind: 'hearing',
        late: false,
        refused: true,
        acceptedLate: { reason: '住院', at: s.at },
      }).mark,
    ).toBe('逾期提出，已受理');
  });
});

describe('receiptRows', () => {
  it('are the receipt lines as label and value', () => {
    const rows = receiptRows(receiptOf());
    expect(rows[0]).toEqual({ label: '凭证编号', value: 'SD20260618ABCDEF01' });
    expect(rows).toContainEqual({ label: '文书哈希值（SHA-256）', value: 'ab'.repeat(32) });
    expect(rows).toContainEqual({ label: '要求听证', value: '2026-06-26 前' });
  });
});

describe('staffServiceRow', () => {
  it('flags an unopened document for paper service with the day it must go out by', () => {
    const row = staffServiceRow(staffServiceOf());
    expect(row.paperFlag).toBe('当事人未在 2026年6月23日 前打开，请于 2026年6月30日 前纸质送达');
    expect(row.fields).toContainEqual({ label: '凭证编号', value: 'SD20260618ABCDEF01', mono: true });
    expect(staffServiceRow(staffServiceOf({ state: 'opened' })).paperFlag).toBe('');
  });

  it('says whether the seal was compared with the registered certificates (REC-7)', () => {
    expect(staffServiceRow(staffServiceOf()).fields).toContainEqual({
      label: '电子签章',
      value: '重庆市万州区卫生健康委员会（与登记的“万州区卫生健康委员会行政执法专用章”证书一致）',
    });
    expect(staffServiceRow(staffServiceOf({ sealRegisteredAs: null })).fields).toContainEqual({
      label: '电子签章',
      value: '重庆市万州区卫生健康委员会（未核对：法定设置中未登记本机关签章证书）',
    });
    expect(signerName('C=CN, O=某单位')).toBe('C=CN, O=某单位');
  });

  it('flags a hearing notice served too late for rescheduling (Art. 64(二))', () => {
    const row = staffServiceRow(
      staffServiceOf({
        docTypeLabel: '行政处罚听证通知书',
        hearing: { date: '2026-07-10', latestServiceDay: '2026-06-30', provisional: false, reschedule: true },
      }),
    );
    expect(row.hearingFlag).toBe('听证通知书送达晚于 2026年6月30日，不足 7 个工作日，须另定听证日期');
    expect(row.fields.at(-1)).toEqual({
      label: '听证日期',
      value: '2026年7月10日（通知书最晚 2026年6月30日 送达）',
    });
  });
});
