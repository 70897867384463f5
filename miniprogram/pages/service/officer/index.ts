/**
 * The officer's side of enrolment in electronic service (docs/service.md; 行政处罚法 Art. 61), opened from the
 * case (`caseId`) or an enrolment (`enrolmentId`): generate the invitation (the mini-program code to scan and the
 * 6-digit code to read out, shown large and only once), follow the party's steps, compare what the party typed with
 * the documents shown, and confirm with the signed 送达地址确认书 and the AV of its signing registered in the case;
 * or revoke the enrolment (and invite again).
 */
import { pageBase } from '../../../behaviors/page-base';
import type { EnrolmentStaffView, ServiceInvitation } from '../../../core-bundle/index';
import { call } from '../../../services/api';
import { shanghaiMinute } from '../../../utils/date-format';
import {
  confirmationOptions,
  enrolmentRow,
  identityRows,
  officerScreenOf,
  SCREEN_TITLES,
  spokenCode,
  type CaseRecordLike,
  type EnrolmentRow,
  type OfficerScreen,
  type RecordOption,
  type Row,
} from './model';

type State = 'loading' | 'error' | 'notFound' | 'ready';
type Failure = { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

const ENROLMENT_ID = /^enr_[0-9a-f]{24}$/;
const CASE_ID = /^case_[0-9a-f]{24}$/;

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading' as State,
    errorMessage: '',
    caseId: '',
    enrolmentId: '',
    screen: 'start' as OfficerScreen,
    title: SCREEN_TITLES.start,
    invitation: null as ServiceInvitation | null,
    qrSrc: '',
    code: '',
    expiresText: '',
    enrolment: null as EnrolmentStaffView | null,
    history: [] as EnrolmentRow[],
    rows: [] as Row[],
    timeline: [] as Array<{ label: string; at: string }>,
    documents: [] as RecordOption[],
    avs: [] as RecordOption[],
    pickedDocument: '',
    pickedAv: '',
    panel: '' as '' | 'revoke',
    reason: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const enrolmentId = ENROLMENT_ID.test(query.enrolmentId ?? '') ? query.enrolmentId! : '';
      const caseId = CASE_ID.test(query.caseId ?? '') ? query.caseId! : '';
      if (!enrolmentId && !caseId) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ enrolmentId, caseId });
      void this.load();
    },
    async load() {
      this.setData({ state: this.data.state === 'ready' ? 'ready' : 'loading', banner: '' });
      if (!this.data.enrolmentId) {
        // The case's enrolments so far (REC-7: each invitation, refusal, withdrawal and change is kept).
        const list = await call('staff', 'service.enrolments', { caseId: this.data.caseId });
        if (!list.ok) {
          if (list.error.code === 'NOT_FOUND') this.setData({ state: 'notFound' });
          else this.setData({ state: 'error', errorMessage: list.error.message });
          return;
        }
        this.setData({
          state: 'ready',
          screen: 'start',
          title: SCREEN_TITLES.start,
          history: list.data.items.map((e) => enrolmentRow(e)),
        });
        return;
      }
      const res = await call('staff', 'service.enrolment', { enrolmentId: this.data.enrolmentId });
      if (!res.ok) {
        if (res.error.code === 'NOT_FOUND') this.setData({ state: 'notFound' });
        else this.setData({ state: 'error', errorMessage: res.error.message });
        return;
      }
      await this.show(res.data);
    },
    async show(enrolment: EnrolmentStaffView) {
      const screen = officerScreenOf(enrolment, this.data.invitation);
      this.setData({
        state: 'ready',
        enrolment,
        caseId: enrolment.caseId,
        screen,
        title: SCREEN_TITLES[screen],
        rows: identityRows(enrolment),
        timeline: enrolment.timeline.map((l) => ({ label: l.label, at: shanghaiMinute(l.at) })),
        expiresText: shanghaiMinute(enrolment.expiresAt),
      });
      if (screen === 'review') await this.loadRecords();
    },
    /** The case's registered records the confirmation may name. */
    async loadRecords() {
      const res = await call('staff', 'case.get', { id: this.data.caseId });
      if (!res.ok) {
        this.setData({ banner: res.error.message });
        return;
      }
      const options = confirmationOptions(res.data.records as unknown as CaseRecordLike[]);
      this.setData({
        documents: options.documents,
        avs: options.avs,
        pickedDocument: this.data.pickedDocument || (options.documents[0]?.id ?? ''),
        pickedAv: this.data.pickedAv || (options.avs[0]?.id ?? ''),
      });
    },
    async onInvite() {
      this.setData({ busy: true, banner: '' });
      const res = await call('staff', 'service.invite', { caseId: this.data.caseId });
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ banner: res.error.message });
        return;
      }
      const inv = res.data;
      this.setData({
        invitation: inv,
        enrolmentId: inv.enrolmentId,
        qrSrc: `data:${inv.contentType};base64,${inv.imageBase64}`,
        code: spokenCode(inv.code),
        expiresText: shanghaiMinute(inv.expiresAt),
        screen: 'invited',
        title: SCREEN_TITLES.invited,
        enrolment: null,
        pickedDocument: '',
        pickedAv: '',
      });
    },
    onOpenEnrolment(e: { currentTarget: { dataset: { id: string } } }) {
      this.setData({ enrolmentId: e.currentTarget.dataset.id, state: 'loading' });
      void this.load();
    },
    onPickDocument(e: { currentTarget: { dataset: { id: string } } }) {
      this.setData({ pickedDocument: e.currentTarget.dataset.id, 'errors.confirmationRecordId': '' });
    },
    onPickAv(e: { currentTarget: { dataset: { id: string } } }) {
      this.setData({ pickedAv: e.currentTarget.dataset.id, 'errors.avRecordId': '' });
    },
    onRegister() {
      wx.navigateTo({ url: `/pages/case/record/index?caseId=${this.data.caseId}` });
    },
    onConfirm() {
      const errors: Record<string, string> = {};
      if (!this.data.pickedDocument) errors.confirmationRecordId = '请先登记当事人签署的送达地址确认书';
      if (!this.data.pickedAv) errors.avRecordId = '请先登记签署过程的录像';
      if (Object.keys(errors).length) {
        this.setData({ errors });
        return;
      }
      wx.showModal({
        title: '确认电子送达生效',
        content: '请确认已当面核对当事人（或其办理人）的身份证件和授权委托书，信息一致。确认后立即生效。',
        confirmText: '确认生效',
        cancelText: '取消',
        success: (res) => {
          if (res.confirm) void this.confirm();
        },
      });
    },
    async confirm() {
      this.setData({ busy: true, banner: '' });
      const res = await call('staff', 'service.confirm', {
        enrolmentId: this.data.enrolmentId,
        confirmationRecordId: this.data.pickedDocument,
        avRecordId: this.data.pickedAv,
      });
      this.setData({ busy: false });
      if (res.ok) {
        wx.showToast({ title: '已生效', icon: 'success' });
        await this.show(res.data);
      } else this.fail(res);
    },
    onOpenRevoke() {
      this.setData({ panel: 'revoke', reason: '', errors: {} });
    },
    onCancelRevoke() {
      this.setData({ panel: '' });
    },
    onReason(e: { detail: { value: string } }) {
      this.setData({ reason: e.detail.value, 'errors.reason': '' });
    },
    async onRevoke() {
      if (this.data.reason.trim().length < 2) {
        this.setData({ 'errors.reason': '请填写撤销原因（至少 2 个字）' });
        return;
      }
      this.setData({ busy: true, banner: '' });
      const res = await call('staff', 'service.revoke', {
        enrolmentId: this.data.enrolmentId,
        reason: this.data.reason,
      });
      this.setData({ busy: false });
      if (res.ok) {
        this.setData({ panel: '', invitation: null, qrSrc: '', code: '' });
        await this.show(res.data);
      } else this.fail(res);
    },
    /** After a revocation or an expiry: a fresh invitation for the same case. */
    onInviteAgain() {
      this.setData({ enrolment: null, invitation: null, enrolmentId: '', qrSrc: '', code: '' });
      void this.onInvite();
    },
    fail(res: Failure) {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.error.fields ?? {})) fields[k.replace(/^payload\./, '')] = v;
      if (Object.keys(fields).length) this.setData({ errors: fields });
      else this.setData({ banner: res.error.message });
    },
  },
});
