/**
 * Home: the citizen's main entries. Entries of features not built yet stay visible and say so
 * plainly when tapped, rather than leading to an empty page.
 */
import { pageBase } from '../../behaviors/page-base';

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
    key: 'results',
    title: '执法结果公示',
    description: '行政处罚、行政许可等执法决定的公示信息',
    url: null,
    ready: false,
  },
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
    description: '对执法行为或违法行为进行投诉、举报，并查询办理进度',
    url: '/pages/complaint/intro/index',
    ready: true,
  },
  {
    key: 'documents',
    title: '我的送达文书',
    description: '查看向您送达的执法文书，确认收悉',
    url: null,
    ready: false,
  },
  {
    key: 'rights',
    title: '权利与程序（事前公开）',
    description: '执法职责、依据、程序、裁量基准和您的权利',
    url: null,
    ready: false,
  },
];

const STAFF_HOME = '/pages/staff/home/index';

Component({
  behaviors: [pageBase],
  data: { entries: HOME_ENTRIES, notice: '' },
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
        this.setData({ notice: `「${entry.title}」功能正在建设中，暂未开放，敬请期待。` });
        return;
      }
      this.setData({ notice: '' });
      wx.navigateTo({ url: entry.url });
    },
  },
});
