/**
 * Home: the citizen's main entries, the working services first (their own complaints and a scan shortcut to
 * verify an officer among them), then the services not yet available, grouped and marked; a tap on one of those
 * says so in a toast rather than leading to an empty page. Shareable.
 */
import { pageBase } from '../../behaviors/page-base';
import { permissionNotice } from '../../utils/permission';

export interface HomeEntry {
  key: string;
  title: string;
  description: string;
  /** Page to open; null while the feature is not built. */
  url: string | null;
  ready: boolean;
}

export const HOME_ENTRIES: HomeEntry[] = [
  {
    key: 'officer',
    title: '核验执法人员',
    description: '输入执法证号或扫描执法证二维码，核验执法人员身份',
    url: '/pages/officer/verify/index',
    ready: true,
  },
  {
    key: 'complaints',
    title: '投诉举报',
    description: '对执法行为或违法行为进行投诉、举报',
    url: '/pages/complaint/intro/index',
    ready: true,
  },
  {
    key: 'mine',
    title: '我的投诉举报',
    description: '查看您提交的投诉举报的办理进度，补充材料',
    url: '/pages/complaint/mine/index',
    ready: true,
  },
  {
    key: 'results',
    title: '执法结果公示',
    description: '行政处罚、行政许可等执法决定的公示信息',
    url: '/pages/publication/list/index',
    ready: true,
  },
  {
    key: 'rightsNotice',
    title: '权利告知',
    description: '收到执法文书后，您有哪些权利、义务，期限多长，向谁申请复议或者起诉',
    url: '/pages/rights/notice/index',
    ready: true,
  },
  {
    key: 'documents',
    title: '我的送达文书',
    description: '查看向您送达的执法文书，确认收悉',
    url: '/pages/service/mine/index',
    ready: true,
  },
  {
    key: 'rights',
    title: '权利与程序（事前公开）',
    description: '执法职责、依据、程序和裁量基准',
    url: null,
    ready: false,
  },
];

export const PENDING_TOAST = '该功能即将上线';
const STAFF_HOME = '/pages/staff/home/index';
const VERIFY_PAGE = '/pages/officer/verify/index';

/**
 * The verification page's query for what wx.scanCode read: a badge's mini-program code carries `path` with
 * `scene=` (the page decodes it), a plain QR code its text (taken as a certificate number; the page checks it).
 */
export function verifyUrlOfScan(res: { result?: string; path?: string }): string | null {
  const scene = /[?&]scene=([^&]+)/.exec(res.path ?? '')?.[1];
  if (scene) return `${VERIFY_PAGE}?scene=${scene}`;
  const text = (res.result ?? '').trim();
  return text ? `${VERIFY_PAGE}?certNo=${encodeURIComponent(text.slice(0, 64))}` : null;
}

Component({
  behaviors: [pageBase],
  data: {
    ready: HOME_ENTRIES.filter((e) => e.ready),
    pending: HOME_ENTRIES.filter((e) => !e.ready),
    notice: '',
    noticeSettings: false,
  },
  methods: {
    onEntry(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: string }).key;
      if (key === 'staff') {
        wx.navigateTo({ url: STAFF_HOME });
        return;
      }
      const entry = HOME_ENTRIES.find((x) => x.key === key);
      if (!entry) return;
      if (!entry.url) {
        wx.showToast({ title: PENDING_TOAST, icon: 'none' });
        return;
      }
      this.setData({ notice: '' });
      wx.navigateTo({ url: entry.url });
    },
    /** Scan a badge: the camera goes through WeChat's privacy flow first; a refusal is said, not swallowed. */
    onScan() {
      const scan = () =>
        wx.scanCode({
          scanType: ['qrCode', 'wxCode'],
          success: (res) => {
            const url = verifyUrlOfScan(res as { result?: string; path?: string });
            if (url) {
              this.setData({ notice: '' });
              wx.navigateTo({ url });
            } else
              this.setData({ notice: '未能识别这个二维码，请改为输入执法证号核验', noticeSettings: false });
          },
          fail: (err) => {
            const n = permissionNotice('camera', err?.errMsg);
            this.setData({ notice: n?.text ?? '', noticeSettings: !!n?.settings });
          },
        });
      if (typeof wx.requirePrivacyAuthorize === 'function') {
        wx.requirePrivacyAuthorize({
          success: scan,
          fail: () =>
            this.setData({
              notice:
                '您未同意《小程序隐私保护指引》，暂时不能扫码；您仍可以进入“核验执法人员”输入执法证号。',
              noticeSettings: false,
            }),
        });
      } else scan();
    },
    onOpenSetting() {
      if (typeof wx.openSetting === 'function') wx.openSetting({});
      this.setData({ notice: '', noticeSettings: false });
    },
    onShareAppMessage() {
      return { title: '区卫生健康行政执法公示：核验执法人员、投诉举报', path: '/pages/home/index' };
    },
  },
});
