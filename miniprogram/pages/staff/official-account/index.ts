/**
 * 公众号发布, for the Party committee office (党委办公室): the day's digest of newly published
 * results as its articles read, 发布 (a permanent link) or 群发 (to every follower, within the account's quota),
 * each after a confirmation, and the state of every delivery with its attempts and last error, a failed one
 * retried from here. Staff without the role are told whose page this is.
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { STAFF_REMINDER_TEMPLATE_ID } from '../../../config';
import { digestChips, digestPageView, reminderNote, type DigestPageView } from './view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    chips: [] as Array<{ id: string; label: string; on: boolean }>,
    view: null as DigestPageView | null,
    busy: false,
    actionError: '',
    reminder: '',
    canAskReminder: !!STAFF_REMINDER_TEMPLATE_ID,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.load(query.id);
      void this.loadReminder();
    },
    async loadReminder() {
      const res = await call('staff', 'reminders.channels', {});
      if (res.ok) this.setData({ reminder: reminderNote(res.data) });
    },
    onAskReminder() {
      const templateId = STAFF_REMINDER_TEMPLATE_ID;
      if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return;
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: async (r) => {
          if ((r as unknown as Record<string, string>)[templateId] !== 'accept') return;
          const res = await call('staff', 'reminders.setChannels', { oneTimeAccepted: true });
          if (res.ok) this.setData({ reminder: reminderNote(res.data) });
        },
      } as WechatMiniprogram.RequestSubscribeMessageOption);
    },
    async load(id?: string) {
      this.setData({ state: 'loading', actionError: '' });
      const list = await call('staff', 'officialAccount.digests', {});
      if (!list.ok) return this.fail(list.error);
      const items = list.data.items;
      const chosen = typeof id === 'string' && id ? id : items[0]?.id;
      if (!chosen) {
        this.setData({ state: 'empty', chips: [] });
        return;
      }
      const res = await call('staff', 'officialAccount.digest', { id: chosen });
      if (!res.ok) return this.fail(res.error);
      this.setData({ state: 'ready', view: digestPageView(res.data), chips: digestChips(items, chosen) });
    },
    fail(error: { code: string; message: string }) {
      this.setData({
        state: error.code === 'FORBIDDEN' ? 'notForRole' : 'error',
        errorMessage: error.message,
      });
    },
    reload() {
      void this.load(this.data.view?.id);
    },
    onChip(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (id) void this.load(id);
    },
    onPublish() {
      this.confirmThen(
        '发布本期摘要',
        '发布后生成永久链接，可在公众号主页查看，不推送给关注者。确定发布？',
        'officialAccount.publish',
      );
    },
    onMassSend() {
      this.confirmThen(
        '群发本期摘要',
        '群发将推送给全部关注者，占用当日群发次数；如开启了群发保护，需管理员在手机上确认。确定群发？',
        'officialAccount.massSend',
      );
    },
    confirmThen(
      title: string,
      content: string,
      action: 'officialAccount.publish' | 'officialAccount.massSend',
    ) {
      const id = this.data.view?.id;
      if (!id || this.data.busy) return;
      wx.showModal({
        title,
        content,
        confirmText: '确定',
        success: (r) => {
          if (r.confirm) void this.send(action, id);
        },
      });
    },
    async send(action: 'officialAccount.publish' | 'officialAccount.massSend', id: string) {
      this.setData({ busy: true, actionError: '' });
      const res = await call('staff', action, { id });
      this.setData({ busy: false });
      if (res.ok) this.setData({ view: digestPageView(res.data) });
      else this.setData({ actionError: res.error.message });
    },
    async onRetry(e: WechatMiniprogram.TouchEvent) {
      const id = (e.currentTarget.dataset as { id?: string }).id;
      if (!id || this.data.busy) return;
      this.setData({ busy: true, actionError: '' });
      const res = await call('staff', 'outbox.retry', { id });
      this.setData({ busy: false });
      if (res.ok) this.reload();
      else this.setData({ actionError: res.error.message });
    },
    onCopyLink() {
      const url = this.data.view?.url;
      if (url) wx.setClipboardData({ data: url });
    },
  },
});
