/**
 * One published result (PUB-7, item 6): the readable summary of the public view (document number, authority, the
 * party's public name, violation type, basis, decision and amounts in 万元, date), or, once withdrawn, only its
 * notice (document number, date, reason; PUB-13). A changed decision links to the earlier entry it replaces.
 * Shareable: the public view holds nothing personal (core/publication/public-view.ts).
 */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { detailView, LIST_PAGE, shareOf, type DetailView } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    id: '',
    view: null as DetailView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: decodeURIComponent(query.id ?? '').trim() });
      void this.load();
    },
    async load() {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('public', 'publication.get', { id: this.data.id });
      if (res.ok) this.setData({ state: 'ready', view: detailView(res.data) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    onShareAppMessage() {
      return shareOf(this.data.view);
    },
    onOpenReplaced() {
      const view = this.data.view;
      if (view && !view.withdrawn && view.replaces) wx.navigateTo({ url: view.replaces.url });
    },
    onList() {
      wx.redirectTo({ url: LIST_PAGE });
    },
  },
});
