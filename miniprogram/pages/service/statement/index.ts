/**
 * The statement form of a served document (行政处罚法 Art. 43, 45, 62, 64): 陈述、申辩 (heard until the decision; a
 * late one is accepted and marked late), 要求听证 (within its period; after it the backend answers with the day it
 * closed), 申请回避 (any time before the decision). Text only on this page; the backend also takes photos.
 */
import type { SubmissionKind } from '../../../core-bundle/index';
import { pageBase } from '../../../behaviors/page-base';
import { call, newRequestId } from '../../../services/api';
import { shanghaiMinute } from '../../../utils/date-format';
import {
  DOCUMENT_PAGE,
  STATEMENT_ACTIONS,
  STATEMENT_PLACEHOLDERS,
  STATEMENT_TITLES,
  submissionRow,
} from '../view';

const LEADS: Record<SubmissionKind, string> = {
  statement:
    '您可以就文书所述事实、理由和依据陈述意见、进行申辩。在作出处罚决定前提出的都会受理；超过告知书所给期限的，记录为逾期提出。陈述、申辩不会导致加重处罚。',
  hearing: '拟作出的处罚属于可以要求听证的情形。请在告知书所给期限内提出；逾期未提出的，视为放弃听证权利。',
  recusal:
    '您认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，可以申请其回避。作出决定前均可提出。',
};
const MAX_LENGTH: Record<SubmissionKind, number> = { statement: 5000, hearing: 1000, recusal: 2000 };

Component({
  behaviors: [pageBase],
  data: {
    state: 'form',
    id: '',
    kind: 'statement' as SubmissionKind,
    title: '',
    lead: '',
    placeholder: '',
    maxLength: 5000,
    text: '',
    textError: '',
    formError: '',
    submitting: false,
    requestId: '',
    doneMark: '',
    doneAt: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = decodeURIComponent(query.id ?? '').trim();
      const kind = query.kind as SubmissionKind | undefined;
      if (!id || !kind || !(kind in STATEMENT_TITLES)) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({
        id,
        kind,
        title: STATEMENT_TITLES[kind],
        lead: LEADS[kind],
        placeholder: STATEMENT_PLACEHOLDERS[kind],
        maxLength: MAX_LENGTH[kind],
        requestId: newRequestId(),
      });
    },
    onText(e: WechatMiniprogram.Input) {
      this.setData({ text: e.detail.value, textError: '' });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      this.setData({ submitting: true, formError: '', textError: '' });
      const kind = this.data.kind;
      const text = this.data.text.trim();
      const opts = { requestId: this.data.requestId };
      const res =
        kind === 'statement'
          ? await call('citizen', STATEMENT_ACTIONS.statement, { serviceId: this.data.id, text }, opts)
          : kind === 'hearing'
            ? await call(
                'citizen',
                STATEMENT_ACTIONS.hearing,
                { serviceId: this.data.id, ...(text ? { reason: text } : {}) },
                opts,
              )
            : await call(
                'citizen',
                STATEMENT_ACTIONS.recusal,
                { serviceId: this.data.id, reason: text },
                opts,
              );
      if (res.ok) {
        const row = submissionRow(res.data);
        this.setData({
          state: 'done',
          submitting: false,
          doneMark: row.mark,
          doneAt: shanghaiMinute(res.data.at),
        });
        return;
      }
      const fields = res.error.fields ?? {};
      const textError = fields['payload.text'] ?? fields['payload.reason'] ?? '';
      // A refused request is final for this requestId: a new attempt gets a new one.
      this.setData({
        submitting: false,
        textError,
        formError: textError ? '' : res.error.message,
        requestId: newRequestId(),
      });
    },
    onBack() {
      wx.redirectTo({ url: `${DOCUMENT_PAGE}?id=${this.data.id}` });
    },
  },
});
