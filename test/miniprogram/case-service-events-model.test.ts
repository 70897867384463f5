/**
 * The case page's 送达记录 rows (miniprogram/pages/case/view.ts `serviceEventRow`; REC-7, REC-16): what happened and
 * who acted, the time in Shanghai, the served document with its number, the party by its registered name, and the
 * ledger event by its short hash and global batch (or that it waits for the sequencer, or is missing).
 */
import { caseDetail, serviceEventRow } from '../../miniprogram/pages/case/view';
import { caseView, serviceEvent } from './case-fixtures';

describe('送达记录 rows', () => {
  it('show the step, who took it, the time, the document and the ledger reference', () => {
    expect(serviceEventRow(serviceEvent())).toEqual({
      key: `services/svc_${'c'.repeat(24)}/1`,
      label: '送达 · 执法人员',
      detail: '文书已电子送达，到达受送达人的“我的送达文书”',
      time: '2026-06-18 10:30',
      document: '行政处罚事先告知书（万卫罚告〔2026〕12号）',
      party: '某某游泳馆',
      ledger: '台账 cdcdcdcd…cdcd',
      ledgerBatch: '已并入第 12 批',
      ledgerMissing: false,
      warn: false,
    });
  });

  it('mark a failed try for attention and say when the ledger event is not sequenced yet or missing', () => {
    const tried = serviceEventRow(
      serviceEvent({
        kind: 'attempt',
        label: '认证尝试',
        detail: '验证码错误，累计失败 2 次',
        by: 'party',
        document: null,
        failures: 2,
        attention: true,
        ledger: { event: 'serviceEnrolments/enr_1/3', hash: 'ef'.repeat(32), batch: null },
      }),
    );
    expect(tried).toMatchObject({
      label: '认证尝试 · 当事人',
      document: '',
      ledger: '台账 efefefef…efef',
      ledgerBatch: '待并入全局链',
      warn: true,
    });
    const missing = serviceEventRow(serviceEvent({ ledger: null }), 3);
    expect(missing).toMatchObject({ ledger: '台账中未找到对应事件', ledgerBatch: '', ledgerMissing: true });
    expect(missing.key).toBe('serve-2026-06-18T02:30:00.000Z-3');
  });

  it('come with the case detail oldest first, with the flag that older ones were left out', () => {
    const detail = caseDetail(
      caseView({
        services: {
          items: [serviceEvent({ kind: 'invite', label: '邀请', document: null }), serviceEvent()],
          more: true,
        },
      }),
      '2026-11-30',
    );
    expect(detail.services.map((r) => r.label)).toEqual(['邀请 · 执法人员', '送达 · 执法人员']);
    expect(detail.servicesMore).toBe(true);
    expect(caseDetail(caseView(), '2026-11-30')).toMatchObject({ services: [], servicesMore: false });
  });
});
