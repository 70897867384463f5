/**
 * Before the form (PUB-2: Art. 11 makes the channels and acceptance conditions public): what we
 * accept, what happens next, and how the personal information given is handled. The basis is the commission's
 * statutory duty (个人信息保护法 Art. 13(1)3), not consent, so the notice (Art. 17: processor, purpose, retention,
 * rights, contact) is acknowledged as read, not agreed to. WeChat's own privacy flow (`wx.requirePrivacyAuthorize`,
 * answered by the shell's privacy-consent panel) still gates the privacy interfaces the form uses.
 */
import { pageBase } from '../../../behaviors/page-base';
import { phoneCall } from '../../../behaviors/phone-call';
import { call } from '../../../services/api';
import { termLines } from '../../../utils/complaint-terms';

const FORM_PAGE = '/pages/complaint/form/index';
const MINE_PAGE = '/pages/complaint/mine/index';

Component({
  behaviors: [pageBase, phoneCall],
  data: { kind: '', acknowledged: false, hint: '', hintCall: false, terms: termLines(null) },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.kind === 'complaint' || query.kind === 'report') this.setData({ kind: query.kind });
      void this.loadTerms();
    },
    /** The periods of the legal settings in force; without them the sentences say so without a number. */
    async loadTerms() {
      const res = await call('public', 'complaint.terms', {});
      if (res.ok) this.setData({ terms: termLines(res.data.periods) });
    },
    /** Public page: shared as the intro, never with anyone's complaint. */
    onShareAppMessage() {
      return { title: '卫生健康领域投诉举报：受理条件和办理流程', path: '/pages/complaint/intro/index' };
    },
    onToggleAcknowledge() {
      this.setData({ acknowledged: !this.data.acknowledged, hint: '' });
    },
    onStart() {
      if (!this.data.acknowledged) {
        this.setData({ hint: '请先阅读并勾选“我已阅读上述个人信息处理说明”' });
        return;
      }
      const go = () =>
        wx.navigateTo({ url: this.data.kind ? `${FORM_PAGE}?kind=${this.data.kind}` : FORM_PAGE });
      if (typeof wx.requirePrivacyAuthorize === 'function') {
        wx.requirePrivacyAuthorize({ success: go, fail: () => this.onPrivacyRefused() });
      } else go();
    },
    onPrivacyRefused() {
      this.setData({
        hint: '未同意隐私保护指引时不能在线提交。您也可以拨打 12345 政务服务便民热线反映问题。',
        hintCall: true,
      });
    },
    onMine() {
      wx.navigateTo({ url: MINE_PAGE });
    },
  },
});
