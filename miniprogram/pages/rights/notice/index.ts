/**
 * 权利告知 (PUB-5, the public rights notice): pick the document you received and read, in plain Chinese, the
 * rights and duties it carries with their articles and periods, the review body and court (tap-to-call where the
 * legal settings hold a phone), and how periods are counted. Given the day the document was received, each
 * period's last day and a countdown (dates from the backend's working-day calendar, marked provisional where the
 * year's holiday table is not official yet). Anyone may read it: no identity, nothing personal; shareable per
 * document type (the receipt date is not shared).
 */
import { pageBase } from '../../../behaviors/page-base';
import { phoneCall } from '../../../behaviors/phone-call';
import type { RightsDocType } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import { docOptions, isRightsDocType, rightsView, shareOf, type RightsView } from '../view';

/** Answers older than the latest request are dropped (a quick change of document type). */
let latestRequest = 0;

Component({
  behaviors: [pageBase, phoneCall],
  data: {
    state: 'loading',
    errorMessage: '',
    options: docOptions(),
    docType: 'priorNotice' as RightsDocType,
    onSpot: false,
    servedOn: '',
    servedOnError: '',
    today: shanghaiToday(),
    view: null as RightsView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const docType = decodeURIComponent(query.docType ?? '');
      if (isRightsDocType(docType)) this.setData({ docType });
      void this.load();
    },
    async load() {
      const request = ++latestRequest;
      this.setData({ state: 'loading', servedOnError: '' });
      const { docType, onSpot, servedOn } = this.data;
      const res = await call('public', 'rights.get', {
        docType,
        ...(docType === 'penaltyDecision' && onSpot ? { onSpot: true } : {}),
        ...(servedOn ? { servedOn } : {}),
      });
      if (request !== latestRequest) return;
      if (res.ok) {
        this.setData({ state: 'ready', view: rightsView(res.data) });
        return;
      }
      const dateError =
        res.error.code === 'INVALID_INPUT' ? res.error.fields?.['payload.servedOn'] : undefined;
      if (dateError) {
        // A bad date only loses the dates: the notice is read again without it.
        this.setData({ servedOn: '', servedOnError: dateError });
        void this.load().then(() => this.setData({ servedOnError: dateError }));
        return;
      }
      this.setData({ state: 'error', errorMessage: res.error.message });
    },
    onDocType(e: WechatMiniprogram.TouchEvent) {
      const docType = (e.currentTarget.dataset as { value?: string }).value;
      if (!isRightsDocType(docType) || docType === this.data.docType) return;
      this.setData({ docType });
      void this.load();
    },
    onSpotChoice(e: WechatMiniprogram.TouchEvent) {
      const onSpot = (e.currentTarget.dataset as { value?: string }).value === 'yes';
      if (onSpot === this.data.onSpot) return;
      this.setData({ onSpot });
      void this.load();
    },
    onServedOn(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const servedOn = String(e.detail.value ?? '');
      if (servedOn === this.data.servedOn) return;
      this.setData({ servedOn });
      void this.load();
    },
    onClearServedOn() {
      this.setData({ servedOn: '', servedOnError: '' });
      void this.load();
    },
    onShareAppMessage() {
      return shareOf(this.data.docType);
    },
  },
});
