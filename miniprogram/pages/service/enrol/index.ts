/**
 * The party's enrolment in electronic service (docs/service.md; 行政处罚法 Art. 61), opened by scanning the
 * mini-program code the officer shows (`scene`): the authority and what electronic service covers, the 6-digit
 * code read out in person, the identity details, the 送达地址确认书 with the scope chosen and a phone for SMS
 * notices, then agree or refuse (refusing means paper service). Afterwards the same page shows that it is in force
 * and lets the party withdraw. Screens follow the enrolment's state (model.ts).
 */
import { pageBase } from '../../../behaviors/page-base';
import {
  enrolmentIdOfScene,
  issuesToFields,
  serviceConsentInput,
  serviceEnrolCodeInput,
  serviceIdentifyInput,
  type ConsentScope,
  type EnrolmentPartyView,
} from '../../../core-bundle/index';
import { call } from '../../../services/api';
import {
  ACTING_OPTIONS,
  consentParagraphs,
  consentRow,
  enrolmentIdFromQuery,
  fieldErrors,
  identityFieldsOf,
  SCOPE_OPTIONS,
  SCREEN_TEXTS,
  SCREEN_TITLES,
  screenOf,
  stepText,
  type ConsentRow,
  type EnrolScreen,
} from './model';

type State = 'loading' | 'error' | 'notFound' | 'ready' | 'mine';
type Envelope =
  | { ok: true; data: EnrolmentPartyView }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

const EMPTY_FORM = {
  code: '',
  name: '',
  idLast4: '',
  creditCode: '',
  actingAs: '',
  actingName: '',
  authorisation: '',
  phone: '',
};

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading' as State,
    errorMessage: '',
    id: '',
    view: null as EnrolmentPartyView | null,
    screen: 'code' as EnrolScreen,
    title: '',
    text: '',
    step: '',
    fields: identityFieldsOf('organisation'),
    actingOptions: ACTING_OPTIONS,
    scopeOptions: SCOPE_OPTIONS,
    form: { ...EMPTY_FORM },
    scope: '' as ConsentScope | '',
    agreed: false,
    paragraphs: [] as string[],
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    mine: [] as ConsentRow[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = enrolmentIdFromQuery(query, enrolmentIdOfScene);
      // Opened without a code or link (from the home page): the caller's consents in force, to read or withdraw.
      if (!id) {
        if (query.scene) this.setData({ state: 'notFound' });
        else void this.loadMine();
        return;
      }
      this.setData({ id });
      void this.load();
    },
    async load() {
      if (!this.data.id) {
        await this.loadMine();
        return;
      }
      this.setData({ state: 'loading', banner: '' });
      const res = (await call('citizen', 'service.enrolStart', { enrolmentId: this.data.id })) as Envelope;
      if (res.ok) this.show(res.data);
      else if (res.error.code === 'NOT_FOUND') this.setData({ state: 'notFound' });
      else this.setData({ state: 'error', errorMessage: res.error.message });
    },
    async loadMine() {
      this.setData({ state: 'loading' });
      const res = await call('citizen', 'service.myEnrolments', {});
      if (!res.ok) {
        this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      this.setData({ state: 'mine', mine: res.data.items.map((v) => consentRow(v)) });
    },
    onOpen(e: { currentTarget: { dataset: { id: string } } }) {
      this.setData({ id: e.currentTarget.dataset.id });
      void this.load();
    },
    show(view: EnrolmentPartyView) {
      const screen = screenOf(view);
      this.setData({
        state: 'ready',
        view,
        screen,
        title: SCREEN_TITLES[screen],
        text: SCREEN_TEXTS[screen],
        step: stepText(screen),
        fields: identityFieldsOf(view.identityForm),
        paragraphs: consentParagraphs(view, this.data.scope),
        errors: {},
      });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },
    onActing(e: { currentTarget: { dataset: { value: string } } }) {
      this.setData({ 'form.actingAs': e.currentTarget.dataset.value, 'errors.actingAs': '' });
    },
    onScope(e: { currentTarget: { dataset: { value: ConsentScope } } }) {
      const scope = e.currentTarget.dataset.value;
      this.setData({ scope, 'errors.scope': '', paragraphs: consentParagraphs(this.data.view!, scope) });
    },
    onAgree() {
      this.setData({ agreed: !this.data.agreed, 'errors.agreed': '' });
    },
    /** Sends a step: field errors under their fields, any other refusal as a banner, then the new state. */
    async send(
      action:
        | 'service.enrolCode'
        | 'service.enrolIdentify'
        | 'service.consent'
        | 'service.refuse'
        | 'service.withdrawConsent',
      payload: Record<string, unknown>,
    ) {
      this.setData({ busy: true, banner: '' });
      const res = (await call('citizen', action, payload as never)) as Envelope;
      this.setData({ busy: false });
      if (res.ok) {
        this.show(res.data);
        return;
      }
      const errors = fieldErrors(res.error.fields);
      if (Object.keys(errors).length) this.setData({ errors });
      else this.setData({ banner: res.error.message });
      // A lock or expiry changes the screen: read the state again.
      if (res.error.code === 'PRECONDITION_FAILED') {
        const again = (await call('citizen', 'service.enrolStart', {
          enrolmentId: this.data.id,
        })) as Envelope;
        if (again.ok && screenOf(again.data) !== this.data.screen) this.show(again.data);
      }
    },
    checked(
      schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } },
      payload: Record<string, unknown>,
    ): boolean {
      const parsed = schema.safeParse(payload);
      if (parsed.success) return true;
      this.setData({ errors: issuesToFields(parsed.error!.issues as never, '') });
      return false;
    },
    onSubmitCode() {
      const payload = { enrolmentId: this.data.id, code: this.data.form.code };
      if (this.checked(serviceEnrolCodeInput, payload)) void this.send('service.enrolCode', payload);
    },
    onSubmitIdentity() {
      const f = this.data.form;
      const fields = this.data.fields;
      const payload: Record<string, unknown> = { enrolmentId: this.data.id, name: f.name };
      if (fields.idLast4) payload.idLast4 = f.idLast4;
      if (fields.creditCode) payload.creditCode = f.creditCode;
      if (fields.acting) {
        if (!f.actingAs) {
          this.setData({ 'errors.actingAs': '请选择办理人身份' });
          return;
        }
        payload.actingAs = f.actingAs;
        // Left out when empty, so the form names what is missing rather than its length.
        if (f.actingName.trim()) payload.actingName = f.actingName;
        if (f.actingAs === 'agent' && f.authorisation.trim()) payload.authorisation = f.authorisation;
      }
      if (this.checked(serviceIdentifyInput, payload)) void this.send('service.enrolIdentify', payload);
    },
    onSubmitConsent() {
      if (!this.data.scope) {
        this.setData({ 'errors.scope': '请选择同意电子送达的范围' });
        return;
      }
      const payload: Record<string, unknown> = {
        enrolmentId: this.data.id,
        scope: this.data.scope,
        phone: this.data.form.phone,
        agreed: this.data.agreed,
      };
      if (!this.checked(serviceConsentInput, payload)) return;
      // The notice of a served document: the subscribe message is asked for inside this tap (a one-time one where
      // the category has no long-term one); the answer is recorded, and a refusal leaves the SMS only.
      const template = this.data.view?.noticeTemplate;
      if (!template || typeof wx.requestSubscribeMessage !== 'function') {
        void this.send('service.consent', payload);
        return;
      }
      wx.requestSubscribeMessage({
        tmplIds: [template.templateId],
        success: (res: Record<string, string>) => {
          payload.subscribe = res[template.templateId] === 'accept' ? 'accept' : 'reject';
        },
        fail: () => {
          payload.subscribe = 'reject';
        },
        complete: () => void this.send('service.consent', payload),
      } as unknown as WechatMiniprogram.RequestSubscribeMessageOption);
    },
    onRefuse() {
      wx.showModal({
        title: '不同意电子送达',
        content: '不同意的，执法机关将以纸质方式向您送达法律文书。确定不同意吗？',
        confirmText: '不同意',
        cancelText: '返回',
        success: (res) => {
          if (res.confirm) void this.send('service.refuse', { enrolmentId: this.data.id });
        },
      });
    },
    onWithdraw() {
      wx.showModal({
        title: '撤回同意',
        content: '撤回后，今后的法律文书将以纸质等其他方式送达；撤回前已经送达的文书仍然有效。确定撤回吗？',
        confirmText: '撤回',
        cancelText: '返回',
        success: (res) => {
          if (res.confirm) void this.send('service.withdrawConsent', { enrolmentId: this.data.id });
        },
      });
    },
    onHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
