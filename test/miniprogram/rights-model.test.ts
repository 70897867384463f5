/**
 * The public rights page's view model (miniprogram/pages/rights/view.ts; PUB-5): the document types from core,
 * rights and duties apart, periods and last days with a countdown, the bodies with callable phones, sharing.
 */
import { DOCUMENT_TYPES } from '../../core/case/stages';
import { RIGHTS_DOC_TYPES } from '../../core/service';
import { docOptions, dueOf, isRightsDocType, rightsView, shareOf } from '../../miniprogram/pages/rights/view';
import { rightsAnswer, WITH_CONTACTS } from './rights-fixtures';

describe('document types', () => {
  it('are the types core says carry a rights notice, by their standard names', () => {
    expect(docOptions().map((o) => o.value)).toEqual([...RIGHTS_DOC_TYPES]);
    expect(docOptions()[0]).toEqual({ value: 'priorNotice', label: DOCUMENT_TYPES.priorNotice });
    expect(docOptions().map((o) => o.label)).toContain('催告书');
    expect(isRightsDocType('penaltyDecision')).toBe(true);
    expect(isRightsDocType('inquiryRecord')).toBe(false);
    expect(isRightsDocType(undefined)).toBe(false);
  });
});

describe('rightsView', () => {
  it('puts a decision’s rights first, then the duties with deferment (Art. 66, 67, 72, 73), then the bodies', () => {
    const view = rightsView(rightsAnswer({ docType: 'penaltyDecision' }, '2026-06-20', WITH_CONTACTS).data);
    expect(view.title).toBe('行政处罚决定书');
    expect(view.rights.map((r) => r.id)).toEqual(['review', 'litigation']);
    expect(view.duties.map((r) => r.id)).toEqual(['payment', 'surcharge', 'deferment', 'noSuspension']);
    expect(view.duties[0]).toMatchObject({ duty: true, conditionTag: '处罚包括罚款时' });
    expect(view.duties[2]).toMatchObject({ duty: false, conditionTag: '处罚包括罚款时' });
    expect(view.duties[3]).toMatchObject({ duty: true, conditionTag: '' });
    expect(view.bodies).toEqual([
      expect.objectContaining({ key: 'reviewBody', phone: '023-00000000', callable: true }),
      expect.objectContaining({ key: 'court', phone: '', callable: false, address: '' }),
    ]);
    expect(view.servedOnText).toBe('');
    expect(view.rights[0]).toMatchObject({ dueText: '', countdown: '' });
  });

  it('marks the hearing right of a 事先告知书 read without a case as conditional (Art. 63)', () => {
    const view = rightsView(rightsAnswer({ docType: 'priorNotice' }).data);
    expect(view.rights.map((r) => [r.id, r.conditionTag])).toEqual([
      ['statement', ''],
      ['hearing', '符合条件时'],
      ['recusal', ''],
    ]);
    expect(view.duties).toEqual([]);
    expect(view.bodies).toEqual([]);
  });

  it('titles an on-the-spot decision so (当场处罚)', () => {
    expect(rightsView(rightsAnswer({ docType: 'penaltyDecision', onSpot: true }).data).title).toBe(
      '行政处罚决定书（当场处罚）',
    );
  });

  it('with a receipt date, shows each last day and the countdown from today', () => {
    const view = rightsView(rightsAnswer({ docType: 'priorNotice', servedOn: '2026-06-18' }).data);
    expect(view.servedOnText).toBe('2026年6月18日');
    expect(view.rights.find((r) => r.id === 'hearing')).toMatchObject({
      dueLabel: '截止日期',
      dueText: '2026年6月26日',
      countdown: '还剩 6 天',
      dueState: 'open',
      provisional: false,
    });
    expect(view.provisional).toBe(false);
  });
});

describe('dueOf', () => {
  const due = (date: string, provisional = false) => ({ id: 'payment' as const, due: { date, provisional } });
  it('counts down to the last day, says the last day, and says when it has passed', () => {
    expect(dueOf(due('2026-07-03'), '2026-07-01').countdown).toBe('还剩 2 天');
    expect(dueOf(due('2026-07-03'), '2026-07-03')).toMatchObject({
      countdown: '今天是最后一天',
      dueState: 'lastDay',
    });
    expect(dueOf(due('2026-07-03'), '2026-07-04')).toMatchObject({ countdown: '已届满', dueState: 'past' });
  });
  it('gives the surcharge’s first day, started or not, and keeps the provisional mark', () => {
    const from = { id: 'surcharge' as const, from: { date: '2027-01-05', provisional: true } };
    expect(dueOf(from, '2027-01-01')).toMatchObject({
      dueLabel: '起算日期',
      dueText: '2027年1月5日起',
      countdown: '',
      provisional: true,
    });
    expect(dueOf(from, '2027-01-05').countdown).toBe('已开始计算');
  });
});

it('shares the document type’s notice, never the receipt date', () => {
  expect(shareOf('demandNotice')).toEqual({
    title: '权利告知：催告书',
    path: '/pages/rights/notice/index?docType=demandNotice',
  });
});
