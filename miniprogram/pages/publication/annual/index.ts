/**
 * 年度行政执法数据 (PUB-14; seed publicity Art. 26): the published figures of a year from
 * `stats.annual` as tables with plain bars (annual-view.ts), one tab per published year. Loading, error (重试) and
 * empty states; shareable (everything here is public).
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { chineseDate } from '../../../utils/date-format';
import { ANNUAL_PAGE, annualView, type AnnualView } from '../../../utils/annual-view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    years: [] as number[],
    year: 0,
    view: null as AnnualView | null,
    publishedOn: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const year = Number(query.year);
      void this.load(Number.isInteger(year) && year > 2000 ? year : undefined);
    },
    onPullDownRefresh() {
      void this.load(this.data.year || undefined).then(() => wx.stopPullDownRefresh?.());
    },
    onShareAppMessage() {
      return { title: '年度行政执法数据', path: ANNUAL_PAGE };
    },
    async load(year?: number) {
      this.setData({ state: 'loading' });
      const res = await call('public', 'stats.annual', year ? { year } : {});
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      const f = res.data.figures;
      this.setData({
        state: f ? 'ready' : 'empty',
        years: res.data.years,
        year: f?.year ?? 0,
        view: f ? annualView(f) : null,
        // The day in Beijing time (UTC+8) the figures were published.
        publishedOn: res.data.publishedAt
          ? chineseDate(new Date(Date.parse(res.data.publishedAt) + 8 * 3600_000).toISOString().slice(0, 10))
          : '',
      });
    },
    retry() {
      void this.load(this.data.year || undefined);
    },
    onYear(e: WechatMiniprogram.TouchEvent) {
      const year = Number((e.currentTarget.dataset as { year?: string }).year);
      if (year && year !== this.data.year) void this.load(year);
    },
  },
});
