/**
 * Withdrawing a published entry (PUB-13; seed Art. 25; 行政处罚法 Art. 48): the decision was changed, revoked, found
 * unlawful or void. Records what happened and the changing act's dates (`publication.noteChange`: the 3-working-day
 * clocks run from the later of the date it took effect and the date it was received), then takes the entry down
 * with the reason (`publication.withdraw`: its content leaves the public list at once). The reason is published
 * after the leader's review, from the entry page. Each call keeps its requestId, so a retry does nothing twice; a
 * change already recorded is not asked again.
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  DECISION_CHANGE_LABELS,
  DECISION_CHANGES,
  type PublicationStaffView,
} from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { chineseDate, shanghaiToday } from '../../../utils/date-format';
import { ENTRY_PAGE, withdrawalClockText, withdrawErrors } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    docNo: '',
    partyName: '',
    /** The change is already recorded (an earlier attempt got that far): only the reason is asked. */
    noted: false,
    notedText: '',
    due: '',
    clock: '',
    changes: DECISION_CHANGES.map((value) => ({ value, label: DECISION_CHANGE_LABELS[value] })),
    change: '',
    effectiveOn: '',
    receivedOn: '',
    reason: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    today: shanghaiToday(),
    noteRequestId: '',
    withdrawRequestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '', noteRequestId: newRequestId(), withdrawRequestId: newRequestId() });
      void this.load();
    },
    async load() {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('staff', 'publication.staffGet', { id: this.data.id });
      if (!res.ok) {
        const code = res.error.code;
        this.setData({
          state:
            code === 'NOT_FOUND' || code === 'INVALID_INPUT'
              ? 'notFound'
              : code === 'FORBIDDEN'
                ? 'refused'
                : 'error',
          errorMessage: res.error.message,
        });
        return;
      }
      const v = res.data as PublicationStaffView;
      if (!v.allowedSteps.includes('withdraw')) {
        this.setData({
          state: 'refused',
          errorMessage:
            v.status === 'published'
              ? '只有作出该决定的科室（单位）的工作人员可以撤回。'
              : `该条目当前为“${v.statusLabel}”，只有已公示的条目可以撤回。`,
        });
        return;
      }
      const w = v.withdrawal;
      const noted = !!w?.effectiveOn;
      this.setData({
        state: 'ready',
        docNo: v.docNo,
        partyName: v.partyName,
        noted,
        notedText: noted
          ? `已登记：${(DECISION_CHANGE_LABELS as Record<string, string>)[w!.change ?? ''] ?? ''}，生效 ${chineseDate(w!.effectiveOn)}，收到 ${chineseDate(w!.receivedOn)}`
          : '',
        due: v.dueDate ? `应于 ${chineseDate(v.dueDate)} 前撤下并公布撤回理由` : '',
      });
    },
    onChange(e: WechatMiniprogram.TouchEvent) {
      this.setData({
        change: (e.currentTarget.dataset as { value?: string }).value ?? '',
        'errors.change': '',
      });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (!field) return;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
      this.setData({ clock: withdrawalClockText(this.data.effectiveOn, this.data.receivedOn) });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const form = {
        noted: this.data.noted,
        change: this.data.change,
        effectiveOn: this.data.effectiveOn,
        receivedOn: this.data.receivedOn,
        reason: this.data.reason,
      };
      const errors = withdrawErrors(form);
      if (Object.keys(errors).length) {
        this.setData({ errors, banner: '请按提示填写后再提交' });
        return;
      }
      this.setData({ busy: true, banner: '', errors: {} });
      const id = this.data.id;
      if (!this.data.noted) {
        const noted = await call(
          'staff',
          'publication.noteChange',
          {
            id,
            change: this.data.change as (typeof DECISION_CHANGES)[number],
            effectiveOn: this.data.effectiveOn,
            receivedOn: this.data.receivedOn,
          },
          { requestId: this.data.noteRequestId },
        );
        if (!noted.ok) return this.refused(noted.error.message, noted.error.fields);
        this.setData({ noted: true });
      }
      const done = await call(
        'staff',
        'publication.withdraw',
        { id, reason: this.data.reason.trim() },
        { requestId: this.data.withdrawRequestId },
      );
      if (!done.ok) return this.refused(done.error.message, done.error.fields);
      this.setData({ busy: false });
      wx.showToast({ title: '已撤下', icon: 'success' });
      wx.redirectTo({ url: `${ENTRY_PAGE}?id=${id}` });
    },
    refused(message: string, fields?: Record<string, string>) {
      const errors: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields ?? {})) errors[k.replace(/^payload\./, '')] = v;
      this.setData({
        busy: false,
        errors,
        banner: Object.keys(errors).length ? '请按提示修改后再提交' : message,
      });
    },
  },
});
