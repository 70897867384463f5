/**
 * The pure view models of a served document (core/service/views.ts; PUB-5, REC-7): dates never earlier than told,
 * the countdown, and the receipt's lines.
 */
import type { ReceiptView } from '../../../core/contract/service-documents';
import type { RightDeadline } from '../../../core/service/deadlines';
import type { RightItem } from '../../../core/service/rights';
import { countdownLabel, deadlineViews, receiptLines, toldOf } from '../../../core/service/views';

const hearing: RightItem = {
  id: 'hearing',
  kind: 'right',
  title: '要求听证',
  text: '……',
  article: '《中华人民共和国行政处罚法》第六十三条、第六十四条',
  period: { unit: 'workingDays', count: 5 },
  start: 'service',
  late: 'refused',
};
const recusal: RightItem = {
  ...hearing,
  id: 'recusal',
  title: '申请回避',
  period: { unit: 'untilDecision' },
};

describe('deadlineViews', () => {
  it('dates each right, with no date before the service date is fixed', () => {
    expect(deadlineViews([hearing, recusal], [])).toEqual([
      expect.objectContaining({ id: 'hearing', due: null, untilDecision: false }),
      expect.objectContaining({ id: 'recusal', due: null, untilDecision: false }),
    ]);
    const computed: RightDeadline[] = [
      { id: 'hearing', due: { date: '2026-06-26', provisional: false } },
      { id: 'recusal', untilDecision: true },
    ];
    expect(deadlineViews([hearing, recusal], computed)).toEqual([
      expect.objectContaining({ id: 'hearing', due: '2026-06-26', provisional: false, kept: false }),
      expect.objectContaining({ id: 'recusal', due: null, untilDecision: true }),
    ]);
  });

  it('never moves a told date earlier, and lets it move later (PUB-5)', () => {
    const told = toldOf(
      deadlineViews([hearing], [{ id: 'hearing', due: { date: '2027-02-19', provisional: true } }]),
    );
    expect(told).toEqual({ hearing: { due: { date: '2027-02-19', provisional: true } } });
    // The official table would make it earlier: the told date is kept.
    expect(
      deadlineViews([hearing], [{ id: 'hearing', due: { date: '2027-02-18', provisional: false } }], told)[0],
    ).toMatchObject({ due: '2027-02-19', kept: true });
    // Later: the later date replaces it.
    expect(
      deadlineViews([hearing], [{ id: 'hearing', due: { date: '2027-02-22', provisional: false } }], told)[0],
    ).toMatchObject({ due: '2027-02-22', kept: false });
  });
});

describe('countdownLabel', () => {
  it('counts calendar days to the last day, which counts whole', () => {
    const d = { due: '2026-06-26', from: null, untilDecision: false };
    expect(countdownLabel(d, '2026-06-18')).toBe('还剩 8 天');
    expect(countdownLabel(d, '2026-06-26')).toBe('今天是最后一天');
    expect(countdownLabel(d, '2026-06-27')).toBe('已届满');
    expect(countdownLabel({ due: null, from: '2026-07-04', untilDecision: false }, '2026-07-01')).toBe(
      '3 天后开始',
    );
    expect(countdownLabel({ due: null, from: null, untilDecision: true }, '2026-07-01')).toBe(
      '作出决定前均可提出',
    );
  });
});

describe('receiptLines', () => {
  it('lists the receipt number, document and hash, party, service date, times and the running deadlines', () => {
    const receipt: ReceiptView = {
      receiptNo: 'SD20260618ABCDEF01',
      caseNo: '万卫罚立〔2026〕1号',
      docType: 'priorNotice',
      docTypeLabel: '行政处罚事先告知书',
      docNo: '万卫罚告〔2026〕1号',
      title: '行政处罚事先告知书',
      fileSha256: 'ab'.repeat(32),
      signerSubject: 'C=CN, CN=重庆市万州区卫生健康委员会',
      partyName: '某某口腔诊所有限公司',
      dateRule: 'firstOpenOrAcknowledge',
      serviceDate: { date: '2026-06-18', at: '2026-06-18T02:40:00.000Z', by: 'firstOpen' },
      times: {
        issuedAt: '2026-06-18T02:30:00.000Z',
        arrivedAt: '2026-06-18T02:30:00.000Z',
        firstOpenedAt: '2026-06-18T02:40:00.000Z',
        acknowledgedAt: null,
      },
      deadlines: [
        {
          id: 'hearing',
          kind: 'right',
          title: '要求听证',
          text: '',
          article: '',
          due: '2026-06-26',
          from: null,
          untilDecision: false,
          provisional: false,
          kept: false,
        },
        {
          id: 'recusal',
          kind: 'right',
          title: '申请回避',
          text: '',
          article: '',
          due: null,
          from: null,
          untilDecision: true,
          provisional: false,
          kept: false,
        },
      ],
    };
    expect(receiptLines(receipt)).toEqual([
      '电子送达凭证',
      '凭证编号：SD20260618ABCDEF01',
      '案号：万卫罚立〔2026〕1号',
      '送达文书：行政处罚事先告知书（万卫罚告〔2026〕1号）',
      '文书名称：行政处罚事先告知书',
      `文书哈希值（SHA-256）：${'ab'.repeat(32)}`,
      '电子签章：C=CN, CN=重庆市万州区卫生健康委员会',
      '受送达人：某某口腔诊所有限公司',
      '送达日期规则：以首次打开或确认收悉中在先者为送达日期',
      '送达日期：2026-06-18，以首次打开（已阅知）为准',
      '发出时间：2026-06-18 10:30:00',
      '到达时间：2026-06-18 10:30:00',
      '首次打开时间：2026-06-18 10:40:00',
      '确认收悉时间：—',
      '正在计算的期限：',
      '  要求听证：2026-06-26 前',
      '  申请回避：作出决定前',
    ]);
  });
});
