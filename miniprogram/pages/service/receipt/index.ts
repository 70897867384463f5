/** The receipt of a served document (送达凭证, REC-7): the same lines staff export and verify against the ledger. */
import { pageBase } from '../../../behaviors/page-base';
import { call } from '../../../services/api';
import { receiptRows } from '../view';

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    id: '',
    rows: [] as Array<{ label: string; value: string }>,
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
      const res = await call('citizen', 'service.receipt', { serviceId: this.data.id });
      if (res.ok) this.setData({ state: 'ready', rows: receiptRows(res.data) });
      else if (res.error.code === 'NOT_FOUND' || res.error.code === 'INVALID_INPUT')
        this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
  },
});
