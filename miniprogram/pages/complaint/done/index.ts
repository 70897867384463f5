/**
 * After submitting: the tracking number and the date by which acceptance will be decided, as the
 * function answered them (passed by the form; nothing is fetched, so the page shows even offline).
 */
import { pageBase } from '../../../behaviors/page-base';
import { chineseDate } from '../../../utils/date-format';

const TRACKING_NO = /^TS\d{8}-[A-HJ-NP-Z2-9]{6}$/;

Component({
  behaviors: [pageBase],
  data: { trackingNo: '', dueText: '', provisional: false, anonymous: false, copied: false },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const trackingNo = TRACKING_NO.test(query.trackingNo ?? '') ? query.trackingNo! : '';
      this.setData({
        trackingNo,
        dueText: chineseDate(query.due),
        provisional: query.provisional === '1',
        anonymous: query.anonymous === '1',
      });
    },
    onCopy() {
      wx.setClipboardData({ data: this.data.trackingNo, success: () => this.setData({ copied: true }) });
    },
    onDetail() {
      wx.redirectTo({ url: `/pages/complaint/detail/index?trackingNo=${this.data.trackingNo}` });
    },
    onMine() {
      wx.redirectTo({ url: '/pages/complaint/mine/index' });
    },
  },
});
