/**
 * Binding a WeChat identity to a staff account with an invitation code (`staff.bind`). The backend
 * limits attempts and expiry; this page only passes the code and shows the answer.
 *
 * Privacy: the invitation code itself is not personal information (a random, single-use credential issued by an
 * administrator; it describes no one), but binding links the caller's WeChat identity to a named staff account,
 * which is processing personal information (个人信息保护法 Art. 4). So the page opens with WeChat's privacy flow
 * and binds only after agreement (`wx.requirePrivacyAuthorize`; docs/privacy-guide.md lists it).
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
    onPrivacyAgreed() {
      if (this.data.privacyRefused) this.setData({ privacyRefused: false, message: '' });
    },
    onPrivacyRefused() {
      this.setData({
        privacyRefused: true,
        message: '未同意隐私保护指引时无法绑定工作人员账号。同意后可再次点击“绑定”。',
        messageTone: 'error',
      });
    },
    onSubmit() {
      const inviteCode = cleanInviteCode(this.data.inviteCode);
      if (!inviteCode) {
        this.setData({ inputError: '请输入邀请码' });
        return;
      }
      // Shows WeChat's privacy panel (privacy-consent) if the user has not agreed yet; binds only after agreement.
      if (typeof wx.requirePrivacyAuthorize === 'function') {
        wx.requirePrivacyAuthorize({
          success: () => void this.bind(inviteCode),
          fail: () => this.onPrivacyRefused(),
        });
      } else void this.bind(inviteCode);
    },
    async bind(inviteCode: string) {
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
