/**
 * WeChat's privacy flow for pages that collect personal data (小程序隐私保护指引, base library ≥ 2.32.3):
 * on show, `wx.getPrivacySetting` tells whether the user still has to agree; a privacy API called before that
 * triggers `wx.onNeedPrivacyAuthorization`, which this panel answers. Agreeing is the WeChat button
 * `open-type="agreePrivacyAuthorization"`; refusing closes the panel and tells the page (`refuse` event).
 * The guide's text is in docs/privacy-guide.md and is entered in the WeChat admin console (mp.weixin.qq.com).
 */
type Resolver = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

Component({
  properties: {
    /** Why this page needs personal data, one plain sentence ending with a full stop. */
    purpose: { type: String, value: '' },
    /**
     * Show the panel as soon as the page opens when agreement is still needed (a page whose main purpose collects
     * personal data, e.g. staff binding). Otherwise it appears only when the page asks (a privacy API, or
     * `wx.requirePrivacyAuthorize`), so a citizen who only types a number is not stopped by it.
     */
    eager: { type: Boolean, value: false },
  },
  data: { visible: false, contractName: '《小程序隐私保护指引》' },
  lifetimes: {
    attached() {
      (this as unknown as { pending: { resolve: Resolver | null } }).pending = { resolve: null };
      this.listen();
      if (typeof wx.getPrivacySetting === 'function') {
        wx.getPrivacySetting({
          success: (res) => {
            const name = res.privacyContractName || '小程序隐私保护指引';
            this.setData({
              visible: res.needAuthorization && this.data.eager,
              contractName: `《${name}》`,
            });
          },
        });
      }
    },
  },
  pageLifetimes: {
    // WeChat keeps one onNeedPrivacyAuthorization listener: take it back when this page shows again.
    show() {
      this.listen();
    },
  },
  methods: {
    listen() {
      if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
      const pending = (this as unknown as { pending: { resolve: Resolver | null } }).pending;
      wx.onNeedPrivacyAuthorization((resolve) => {
        pending.resolve = resolve as unknown as Resolver;
        this.setData({ visible: true });
      });
    },
    openContract() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },
    onAgree() {
      const pending = (this as unknown as { pending: { resolve: Resolver | null } }).pending;
      pending.resolve?.({ event: 'agree', buttonId: 'privacy-agree' });
      pending.resolve = null;
      this.setData({ visible: false });
      this.triggerEvent('agree');
    },
    onRefuse() {
      const pending = (this as unknown as { pending: { resolve: Resolver | null } }).pending;
      pending.resolve?.({ event: 'disagree' });
      pending.resolve = null;
      this.setData({ visible: false });
      this.triggerEvent('refuse');
    },
  },
});
