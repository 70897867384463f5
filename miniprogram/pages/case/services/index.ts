/**
 * Staff: the electronic services of a case (REC-7): each document's state and times, its receipt number and hash,
 * the paper-service flag with the day paper service must go out by (行政处罚法 Art. 61), a hearing notice's
 * rescheduling flag (Art. 64(二)), and the party's statements with their late marks; a hearing request refused as
 * late may be accepted here for good cause, with the reason (recorded on the service's ledger chain). Each receipt
 * can be verified against the ledger and the stored file (`service.verifyReceipt`) and copied as text
 * (`service.staffReceipt` through `receiptLines`, wx.setClipboardData) to paste into the case file.
 */
import { pageBase } from '../../../behaviors/page-base';
import { receiptLines } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { staffServiceRow, type StaffServiceRow } from '../../service/view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    caseId: '',
    rows: [] as StaffServiceRow[],
    reasons: {} as Record<string, string>,
    errors: {} as Record<string, string>,
    busy: '',
    /** Per service: the verification's outcome shown under its receipt. */
    checks: {} as Record<string, { ok: boolean; lines: string[] }>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ caseId: decodeURIComponent(query.caseId ?? '').trim() });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh?.());
    },
    async load() {
      if (!this.data.caseId) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('staff', 'service.ofCase', { caseId: this.data.caseId });
      if (res.ok) this.setData({ state: 'ready', rows: res.data.map(staffServiceRow) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    onReason(e: WechatMiniprogram.Input) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) this.setData({ [`reasons.${id}`]: e.detail.value, [`errors.${id}`]: '' });
    },
    async onVerify(e: WechatMiniprogram.TouchEvent) {
      const { service, receipt } = e.currentTarget.dataset as { service?: string; receipt?: string };
      if (!service || !receipt || this.data.busy) return;
      this.setData({ busy: `verify-${service}` });
      const res = await call('staff', 'service.verifyReceipt', { receiptNo: receipt });
      this.setData({ busy: '' });
      const outcome = res.ok
        ? {
            ok: res.data.ok,
            lines: res.data.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.message}`),
          }
        : { ok: false, lines: [res.error.message] };
      this.setData({ [`checks.${service}`]: outcome });
    },
    async onExport(e: WechatMiniprogram.TouchEvent) {
      const { service } = e.currentTarget.dataset as { service?: string };
      if (!service || this.data.busy) return;
      this.setData({ busy: `export-${service}` });
      const res = await call('staff', 'service.staffReceipt', { serviceId: service });
      this.setData({ busy: '' });
      if (!res.ok) {
        wx.showToast({ title: res.error.message, icon: 'none' });
        return;
      }
      wx.setClipboardData({
        data: receiptLines(res.data).join('\n'),
        success: () => wx.showToast({ title: '送达凭证已复制', icon: 'success' }),
      });
    },
    async onAcceptLate(e: WechatMiniprogram.TouchEvent) {
      const { service, id } = e.currentTarget.dataset as { service?: string; id?: string };
      if (!service || !id || this.data.busy) return;
      this.setData({ busy: id, [`errors.${id}`]: '' });
      const res = await call(
        'staff',
        'service.acceptLateHearing',
        { serviceId: service, submissionId: id, reason: (this.data.reasons[id] ?? '').trim() },
        { requestId: newRequestId() },
      );
      if (res.ok) {
        this.setData({ busy: '' });
        void this.load();
        return;
      }
      const message = res.error.fields?.['payload.reason'] ?? res.error.message;
      this.setData({ busy: '', [`errors.${id}`]: message });
    },
  },
});
