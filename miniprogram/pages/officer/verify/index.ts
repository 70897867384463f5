/**
 * Officer verification (PUB-4). Opened from the home page, from a badge's mini-program code
 * (`scene` = the officer's short id) or with `?certNo=`. The status must read unmistakably, and when the
 * certificate is not valid the citizen is told what they may do (行政处罚法 Art. 52, 55: refuse; report).
 * A number this register does not hold is not thereby invalid: the person may belong to another agency (market
 * regulation, urban management, a joint team), so the page says only that the number is not in this commission's
 * register and how to check it (the body named on the card, 12345), and to call 110 about an impersonator; the right
 * to refuse under Art. 55 turns on no certificate being shown, which this page cannot judge.
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  normalizeCertNo,
  OFFICER_STATUS_LABELS,
  officerVerifyInput,
  shortIdFromScene,
  type OfficerPublicView,
  type OfficerStatus,
  type OfficerVerifyInput,
} from '../../../core-bundle/index';
import { call } from '../../../services/api';

export type Tone = 'valid' | 'invalid' | 'unknown';
export interface StatusView {
  label: string;
  headline: string;
  text: string;
  tone: Tone;
}

export const REPORT_PAGE = '/pages/complaint/intro/index?kind=report';
/** 政务服务便民热线: questions about which body an inspector belongs to; not an emergency number. */
export const HOTLINE = '12345';

const INVALID_TEXT = '该执法证当前不能用于执法。请不要配合其检查，并可向我们举报。';
export const STATUS_VIEWS: Record<OfficerStatus | 'notFound', StatusView> = {
  active: {
    label: OFFICER_STATUS_LABELS.active,
    headline: '执法证有效',
    text: '请核对证件上的姓名、照片与出示人本人一致；不一致的，可以拒绝检查并举报。',
    tone: 'valid',
  },
  suspended: {
    label: OFFICER_STATUS_LABELS.suspended,
    headline: '执法证已被暂扣',
    text: INVALID_TEXT,
    tone: 'invalid',
  },
  revoked: {
    label: OFFICER_STATUS_LABELS.revoked,
    headline: '执法证已被吊销',
    text: INVALID_TEXT,
    tone: 'invalid',
  },
  cancelled: {
    label: OFFICER_STATUS_LABELS.cancelled,
    headline: '执法证已注销',
    text: '持证人已不在执法岗位（如调离、退休），该执法证已注销，不能再用于执法。请不要配合其检查，并可向我们举报。',
    tone: 'invalid',
  },
  expired: {
    label: OFFICER_STATUS_LABELS.expired,
    headline: '执法证已超过有效期',
    text: INVALID_TEXT,
    tone: 'invalid',
  },
  notYetValid: {
    label: OFFICER_STATUS_LABELS.notYetValid,
    headline: '执法证尚未生效',
    text: INVALID_TEXT,
    tone: 'invalid',
  },
  notFound: {
    label: '未查到',
    headline: '本委执法人员名录中没有这个证号',
    text: '本名录只收录区卫生健康委员会的执法人员。市场监管、城市管理等其他部门或联合检查的人员不在本名录中，查不到不等于证件无效。请先核对证号是否输入正确。',
    tone: 'unknown',
  },
};

/** What the date on a certificate that is no longer valid means (OfficerPublicView.statusDate). */
export const STATUS_DATE_LABELS: Partial<Record<OfficerStatus, string>> = {
  suspended: '暂扣日期',
  revoked: '吊销日期',
  cancelled: '注销日期',
  expired: '有效期届满',
};

/** The status date as shown: the Chinese date, or a plain note for records kept before dates were recorded. */
export function statusDateRow(officer: OfficerPublicView): { label: string; value: string } | null {
  const label = STATUS_DATE_LABELS[officer.status];
  if (!label) return null;
  return { label, value: officer.statusDate ?? '未登记，请向发证机关核实' };
}

/** Beijing time with seconds, `2026-12-01 08:05:36`: the live clock a screenshot cannot keep up with. */
export function shanghaiSecond(now: number): string {
  const s = new Date(now + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** How the number was looked up, for the retry after a network failure. */
export type Via = 'typed' | 'scan' | 'code' | 'link';
export const VIA_LABELS: Record<Via, string> = {
  typed: '输入的执法证号',
  scan: '扫描的执法证二维码',
  code: '执法证二维码',
  link: '链接中的执法证号',
};

/** The share card: the page itself, never who checked whom (the citizen's number or result stays on the phone). */
export const SHARE = {
  title: '核验执法人员：扫描执法证二维码或输入证号',
  path: '/pages/officer/verify/index',
};

/** Each page instance's clock timer (not page data: it is not rendered). */
const clocks = new WeakMap<object, ReturnType<typeof setInterval>>();

/** What wx.scanCode gives for a badge: a mini-program code carries `path` with `scene=`; a plain QR its text. */
export function verifyInputFromScan(res: { result?: string; path?: string }): OfficerVerifyInput | null {
  const scene = /[?&]scene=([^&]+)/.exec(res.path ?? '')?.[1];
  const shortId = scene ? shortIdFromScene(scene) : null;
  if (shortId) return { shortId };
  const parsed = officerVerifyInput.safeParse({ certNo: res.result ?? '' });
  return parsed.success ? parsed.data : null;
}

type State = 'idle' | 'loading' | 'result' | 'notFound' | 'error';

Component({
  behaviors: [pageBase],
  data: {
    certNo: '',
    inputError: '',
    state: 'idle' as State,
    officer: null as OfficerPublicView | null,
    view: null as StatusView | null,
    errorMessage: '',
    /** The number searched, repeated on a 未查到 answer ('' when a scanned code was looked up). */
    searched: '',
    /** Opened from a badge code or a link, or after a scan: the result comes first, the search form after it. */
    fromCode: false,
    /** The last lookup, so that 重试 after a network failure retries that very code or number. */
    lastInput: null as OfficerVerifyInput | null,
    lastVia: 'typed' as Via,
    viaLabel: '',
    /** When the answer came, and the clock ticking every second (both Beijing time). */
    checkedAt: '',
    clock: '',
    dateRow: null as { label: string; value: string } | null,
  },
  lifetimes: {
    detached() {
      this.stopClock();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const shortId = query.scene ? shortIdFromScene(query.scene) : null;
      if (shortId) {
        this.setData({ fromCode: true });
        void this.verify({ shortId }, 'code');
      } else if (query.certNo) {
        this.setData({ certNo: normalizeCertNo(query.certNo), fromCode: true });
        this.submitNumber('link');
      }
    },
    onUnload() {
      this.stopClock();
    },
    /** The clock stops while the page is hidden and picks up the current time when it shows again. */
    onHide() {
      this.stopClock();
    },
    onShow() {
      if (this.data.state === 'result' && this.data.view?.tone === 'valid') this.startClock();
    },
    onShareAppMessage() {
      return { ...SHARE };
    },
    onShareTimeline() {
      return { title: SHARE.title };
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ certNo: e.detail.value, inputError: '' });
    },
    onSubmit() {
      this.submitNumber('typed');
    },
    submitNumber(via: Via) {
      const parsed = officerVerifyInput.safeParse({ certNo: this.data.certNo });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.setData({
          inputError: this.data.certNo.trim() ? (issue?.message ?? '执法证号格式不正确') : '请输入执法证号',
        });
        return;
      }
      this.setData({ certNo: parsed.data.certNo ?? '' });
      void this.verify(parsed.data, via);
    },
    onScan() {
      const scan = () =>
        wx.scanCode({
          scanType: ['qrCode', 'wxCode'],
          success: (res) => {
            const input = verifyInputFromScan(res as { result?: string; path?: string });
            // After a scan the answer comes first, as when the page is opened from a badge code.
            if (input) {
              this.setData({ fromCode: true });
              void this.verify(input, 'scan');
            } else this.setData({ state: 'idle', inputError: '这不是执法证上的二维码，请改为输入执法证号' });
          },
        });
      // Camera use goes through WeChat's privacy flow first (privacy-consent shows the panel if needed).
      if (typeof wx.requirePrivacyAuthorize === 'function') {
        wx.requirePrivacyAuthorize({ success: scan, fail: () => this.onPrivacyRefused() });
      } else scan();
    },
    onPrivacyRefused() {
      this.setData({ inputError: '未同意隐私保护指引时不能扫码，您仍可以输入执法证号查询' });
    },
    /** 重试 looks up the same code or number again (a scanned code is not in the input box). */
    onRetry() {
      const last = this.data.lastInput;
      if (last) void this.verify(last, this.data.lastVia);
      else this.onSubmit();
    },
    /** Reporting goes to the complaint feature as a 举报 (pages/complaint, its own subpackage). */
    onReport() {
      wx.navigateTo({ url: REPORT_PAGE });
    },
    onCallHotline() {
      wx.makePhoneCall({ phoneNumber: HOTLINE });
    },
    startClock() {
      this.stopClock();
      const tick = () => this.setData({ clock: shanghaiSecond(Date.now()) });
      tick();
      clocks.set(this, setInterval(tick, 1000));
    },
    stopClock() {
      const timer = clocks.get(this);
      if (timer !== undefined) clearInterval(timer);
      clocks.delete(this);
    },
    async verify(input: OfficerVerifyInput, via: Via) {
      this.stopClock();
      this.setData({
        state: 'loading',
        inputError: '',
        lastInput: input,
        lastVia: via,
        viaLabel: VIA_LABELS[via],
      });
      const res = await call('public', 'officer.verify', input);
      if (res.ok) {
        this.setData({
          state: 'result',
          officer: res.data,
          view: STATUS_VIEWS[res.data.status],
          dateRow: statusDateRow(res.data),
          checkedAt: shanghaiSecond(Date.now()),
        });
        if (STATUS_VIEWS[res.data.status].tone === 'valid') this.startClock();
      } else if (res.error.code === 'NOT_FOUND') {
        this.setData({
          state: 'notFound',
          officer: null,
          view: STATUS_VIEWS.notFound,
          searched: input.certNo ?? '',
        });
      } else if (res.error.code === 'INVALID_INPUT') {
        this.setData({
          state: 'idle',
          inputError: Object.values(res.error.fields ?? {})[0] ?? res.error.message,
        });
      } else {
        this.setData({ state: 'error', errorMessage: res.error.message });
      }
    },
  },
});
