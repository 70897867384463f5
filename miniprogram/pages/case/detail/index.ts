/**
 * A case (REC-1, REC-9, REC-10, REC-16): the party and officers, the stages as a timeline with when each act
 * happened and when it was recorded, the records with their short hash and custody, the automatic checks' findings
 * (failures first, each citing its article), the legal clocks, and what the law requires next. Advancing a stage
 * (case.advance) is done in a popup, checked with the contract's schema; registering a record opens its page.
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
