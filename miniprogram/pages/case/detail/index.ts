/**
 * A case (REC-1, REC-9, REC-10, REC-16): the party and officers, the stages as a timeline with when each act
 * happened and when it was recorded, the records with their short hash and custody, the automatic checks' findings
 * (failures first, each citing its article), the legal clocks, and what the law requires next. Advancing a stage
 * (case.advance) is done in a popup, checked with the contract's schema; registering a record opens its page.
 * A second popup takes the clock operations (case.clock: pause for a period the law excludes, resume, the
 * extension the law allows by its approval step, the evidence hold) and the record steps (a late hand-over's reason
 * and its approval, the approval of stopping AV); a role the backend refuses is told why in the popup.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { CaseCheckResult, CaseView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import { caseDetail, checkSummary, findingRows, type CaseDetail, type FindingRow } from '../view';
import {
  checkAdvance,
  DECISION_OPTIONS,
  DECISION_STAGES,
  emptyAdvance,
  STATEMENT_STAGE,
  type AdvanceForm,
} from './advance';
import {
  ACTION_LABELS,
  ACTION_WHO,
  checkAction,
  emptyAction,
  pauseOptions,
  type ActionForm,
  type ActionKind,
} from './actions';

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    view: null as CaseDetail | null,
    findings: [] as FindingRow[],
    checkSummary: '',
    checkError: '',
    panel: false,
    form: emptyAdvance() as AdvanceForm,
    decisionStage: false,
    statementStage: false,
    decisionOptions: DECISION_OPTIONS,
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    requestId: '',
    today: shanghaiToday(),
    actPanel: false,
    act: emptyAction() as ActionForm,
    actTitle: '',
    actSubject: '',
    actWho: '',
    actPauseOptions: [] as Array<{ key: string; label: string }>,
    actErrors: {} as Record<string, string>,
    actBanner: '',
    actBusy: false,
    actRequestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      void this.load();
    },
    onShow() {
      if (this.data.state === 'ready') void this.load();
    },
    async load() {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const [got, checked] = await Promise.all([
        call('staff', 'case.get', { id: this.data.id }),
        call('staff', 'case.check', { id: this.data.id }),
      ]);
      if (!got.ok) {
        const code = got.error.code;
        this.setData({
          state:
            code === 'NOT_FOUND' || code === 'INVALID_INPUT'
              ? 'notFound'
              : code === 'FORBIDDEN'
                ? 'refused'
                : 'error',
          errorMessage: got.error.message,
        });
        return;
      }
      const check = checked.ok ? (checked.data as CaseCheckResult) : null;
      this.setData({
        state: 'ready',
        view: caseDetail(got.data as CaseView),
        findings: check ? findingRows(check.findings) : [],
        checkSummary: checkSummary(check),
        checkError: checked.ok ? '' : checked.error.message,
      });
    },
    onRegister() {
      wx.navigateTo({ url: `/pages/case/record/index?caseId=${this.data.id}` });
    },
    onServices() {
      wx.navigateTo({ url: `/pages/case/services/index?caseId=${this.data.id}` });
    },
    /** The party's consent to electronic service (送达地址确认书; pages/service/officer, docs/service.md). */
    onService() {
      wx.navigateTo({ url: `/pages/service/officer/index?caseId=${this.data.id}` });
    },
    onAdvance() {
      const first = this.data.view?.nextStages[0]?.stage ?? '';
      this.setData({
        panel: true,
        form: { ...emptyAdvance(), stage: first },
        decisionStage: DECISION_STAGES.includes(first),
        statementStage: first === STATEMENT_STAGE,
        errors: {},
        banner: '',
        requestId: newRequestId(),
      });
    },
    onPanelVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ panel: false });
    },
    onCancel() {
      this.setData({ panel: false });
    },
    onStage(e: WechatMiniprogram.TouchEvent) {
      const stage = (e.currentTarget.dataset as { stage?: string }).stage ?? '';
      this.setData({
        'form.stage': stage,
        decisionStage: DECISION_STAGES.includes(stage),
        statementStage: stage === STATEMENT_STAGE,
        errors: {},
      });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (field) this.setData({ [`form.${field}`]: e.detail.value });
    },
    onToggle(e: WechatMiniprogram.TouchEvent) {
      const { field, value } = e.currentTarget.dataset as { field?: string; value?: string };
      if (field === 'partyStated' || field === 'waiverInWriting')
        this.setData({ [`form.${field}`]: value === 'yes' });
    },
    onDecisionType(e: WechatMiniprogram.TouchEvent) {
      this.setData({ 'form.type': (e.currentTarget.dataset as { key?: string }).key ?? '' });
    },
    onOp(e: WechatMiniprogram.TouchEvent) {
      const { kind, clock, record, subject } = e.currentTarget.dataset as {
        kind?: ActionKind;
        clock?: string;
        record?: string;
        subject?: string;
      };
      if (!kind) return;
      this.setData({
        actPanel: true,
        act: { ...emptyAction(), kind, clock: clock ?? '', recordId: record ?? '' },
        actTitle: ACTION_LABELS[kind],
        actSubject: subject ?? '',
        actWho: ACTION_WHO[kind] ?? '',
        actPauseOptions: kind === 'pause' && clock ? pauseOptions(clock) : [],
        actErrors: {},
        actBanner: '',
        actRequestId: newRequestId(),
      });
    },
    onActVisible(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ actPanel: false });
    },
    onActCancel() {
      this.setData({ actPanel: false });
    },
    onActField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (field) this.setData({ [`act.${field}`]: e.detail.value });
    },
    onPauseReason(e: WechatMiniprogram.TouchEvent) {
      this.setData({
        'act.pauseReason': (e.currentTarget.dataset as { key?: string }).key ?? '',
        'actErrors.pauseReason': '',
      });
    },
    async onActSubmit() {
      if (this.data.actBusy) return;
      const checked = checkAction(this.data.id, this.data.act);
      if (!checked.ok) {
        this.setData({ actErrors: checked.errors, actBanner: '' });
        return;
      }
      this.setData({ actBusy: true, actErrors: {}, actBanner: '' });
      const res = await call('staff', checked.action, checked.payload as never, {
        requestId: this.data.actRequestId,
      });
      this.setData({ actBusy: false });
      if (!res.ok) {
        const errors: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.error.fields ?? {})) errors[k.replace(/^payload\./, '')] = v;
        // A refusal (FORBIDDEN: not the role the law names) or a state that does not allow it is said as is.
        this.setData({ actErrors: errors, actBanner: Object.keys(errors).length ? '' : res.error.message });
        return;
      }
      this.setData({ actPanel: false });
      wx.showToast({ title: '已办理', icon: 'success' });
      void this.load();
    },
    async onSubmit() {
      if (this.data.busy) return;
      const checked = checkAdvance(this.data.id, this.data.form);
      if (!checked.ok) {
        this.setData({ errors: checked.errors });
        return;
      }
      this.setData({ busy: true, errors: {} });
      const res = await call('staff', 'case.advance', checked.payload, { requestId: this.data.requestId });
      this.setData({ busy: false });
      if (!res.ok) {
        const fields = res.error.fields ?? {};
        const errors: Record<string, string> = {};
        for (const [k, v] of Object.entries(fields)) errors[k.replace(/^payload\./, '')] = v;
        this.setData({ errors, banner: Object.keys(errors).length ? '' : res.error.message });
        return;
      }
      this.setData({ panel: false });
      wx.showToast({ title: `已进入${res.data.stageLabel}`, icon: 'success' });
      void this.load();
    },
  },
});
