/**
 * Staff: the electronic services of a case (REC-7): each document's state and times, its receipt number and hash,
 * the paper-service flag with the day paper service must go out by (行政处罚法 Art. 61), a hearing notice's
 * rescheduling flag (Art. 64(二)), and the party's statements with their late marks.
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { staffServiceRow, type StaffServiceRow } from '../../service/view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    caseId: '',
    rows: [] as StaffServiceRow[],
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
  },
});
