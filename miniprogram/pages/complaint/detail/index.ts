/**
 * One complaint as its owner sees it (PUB-3: progress query): the status, a timeline of every step with the replies, and
 * the result. Opened from the list, the confirmation, or a subscribe message (`?trackingNo=`; notify.ts). A
 * number that is not the caller's answers NOT_FOUND like one that does not exist. While the matter is open, a
 * real-name complainant may grant one more progress message here (one-time grants allow one message each).
 */
import { pageBase } from '../../../behaviors/page-base';
import { COMPLAINT_SUBSCRIBE_TEMPLATE_ID } from '../../../config';
import { COMPLAINT_KIND_LABELS, type CitizenComplaintView } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { chineseDate, shanghaiMinute } from '../../../utils/date-format';

export interface DetailView {
  trackingNo: string;
  kindLabel: string;
  category: string;
  status: string;
  statusLabel: string;
  statusNote: string;
  subjectName: string;
  subjectAddress: string;
  description: string;
  photoText: string;
  contactText: string;
  submitted: string;
  result: string;
  open: boolean;
  anonymous: boolean;
  timeline: Array<{ key: string; label: string; time: string; text: string }>;
}

function statusNote(c: CitizenComplaintView): string {
  switch (c.status) {
    case 'submitted':
      return `将于${chineseDate(c.acceptanceDueDate)}前决定是否受理`;
    case 'accepted':
      return '已受理，正在依法核查处理';
    case 'rejected':
      return '不予受理，理由见下方办理过程';
    default:
      return '已办结';
  }
}

export function detailView(c: CitizenComplaintView): DetailView {
  return {
    trackingNo: c.trackingNo,
    kindLabel: COMPLAINT_KIND_LABELS[c.kind] ?? '',
    category: c.category,
    status: c.status,
    statusLabel: c.statusLabel,
    statusNote: statusNote(c),
    subjectName: c.subject.name,
    subjectAddress: c.subject.address,
    description: c.description,
    photoText: c.photoCount ? `${c.photoCount} 张` : '无',
    contactText: c.anonymous || !c.contact ? '匿名' : `${c.contact.name} ${c.contact.phone}`,
    submitted: shanghaiMinute(c.submittedAt),
    result: c.result ?? '',
    open: c.status === 'submitted' || c.status === 'accepted',
    anonymous: c.anonymous,
    timeline: c.timeline.map((t, i) => ({
      key: `${i}-${t.event}`,
      label: t.label,
      time: shanghaiMinute(t.at),
      text: t.text ?? '',
    })),
  };
}

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    trackingNo: '',
    view: null as DetailView | null,
    subscribeNote: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ trackingNo: (query.trackingNo ?? '').trim() });
      void this.load();
    },
    async load() {
      if (!this.data.trackingNo) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('citizen', 'complaint.get', { trackingNo: this.data.trackingNo });
      if (res.ok) this.setData({ state: 'ready', view: detailView(res.data) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    onSubscribe() {
      const templateId = COMPLAINT_SUBSCRIBE_TEMPLATE_ID;
      if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return;
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: (res) => {
          const accepted = (res as unknown as Record<string, string>)[templateId] === 'accept';
          this.setData({
            subscribeNote: accepted
              ? '已开启：下一次进展会通过微信提醒您。'
              : '您未开启提醒，可以随时在这里查看进度。',
          });
        },
        fail: () => this.setData({ subscribeNote: '暂时无法开启提醒，您可以随时在这里查看进度。' }),
      } as WechatMiniprogram.RequestSubscribeMessageOption);
    },
  },
});
