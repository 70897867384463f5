/**
 * Binding a WeChat identity to a staff account with an invitation code (`staff.bind`, issue 3). The backend
 * limits attempts and expiry; this page only passes the code and shows the answer. Binding records the caller's
 * WeChat identity, so the privacy flow comes first.
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';

const STAFF_HOME = '/pages/staff/home/index';

/** People copy codes from chat messages: drop spaces, unify case and dashes. */
export function cleanInviteCode(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/[－—]/g, '-')
    .toUpperCase();
}

Component({
  behaviors: [pageBase],
  data: {
    inviteCode: '',
    inputError: '',
    submitting: false,
    message: '',
    messageTone: 'error',
    privacyRefused: false,
  },
  methods: {
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ inviteCode: e.detail.value, inputError: '' });
    },
    onPrivacyRefused() {
      this.setData({
        privacyRefused: true,
        message: '未同意隐私保护指引时无法绑定工作人员账号。',
        messageTone: 'error',
      });
    },
    async onSubmit() {
      const inviteCode = cleanInviteCode(this.data.inviteCode);
      if (!inviteCode) {
        this.setData({ inputError: '请输入邀请码' });
        return;
      }
      this.setData({ submitting: true, message: '', inputError: '' });
      const res = await call('staff', 'staff.bind', { inviteCode });
      if (res.ok) {
        this.setData({ submitting: false, message: '绑定成功，正在进入工作台…', messageTone: 'success' });
        wx.redirectTo({ url: STAFF_HOME });
        return;
      }
      const fieldMessage = Object.values(res.error.fields ?? {})[0];
      this.setData({ submitting: false, message: fieldMessage ?? res.error.message, messageTone: 'error' });
    },
  },
});
