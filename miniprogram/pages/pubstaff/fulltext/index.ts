/**
 * The reviewer's full-text preview (PUB-7 second form, seed Art. 16; 法释〔2016〕19号 Art. 10): the
 * decision's text with every removal struck and what the public reads instead, every "please review" highlight,
 * and the reviewer's own additions; a tap switches one (undo or restore a removal, take a highlight, drop an
 * addition); words typed in 添加删除内容 are removed wherever they occur; 确认删除内容 records the confirmation
 * (`publication.confirmRemovals`, one requestId per attempt). The preparer gives or replaces the text here
 * (`publication.setFullText`: typed, pasted or the document system's text export - never a PDF). Everyone else who
 * sees the entry reads the preview.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { PublicationFullTextView, RedactionKind } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { chineseDate } from '../../../utils/date-format';
import {
  ADD_KINDS,
  addWords,
  chosenOf,
  KIND_LABELS,
  marksOf,
  paragraphsOf,
  publicTextOf,
  summaryOf,
  toggle,
  type Mark,
} from '../fulltext-view';
import { ENTRY_PAGE } from '../view';

type FullText = NonNullable<PublicationFullTextView['fullText']>;

function statusLine(f: FullText): string {
  if (f.fixed) return '公开文本已在批准时确定，发布时按此公开。';
  const c = f.confirmed;
  if (!c) return '待分管领导确认删除内容。确认前，该条目不能审核、报送或批准。';
  const who = c.byMe ? '您' : '审核人';
  const changes = [c.added ? `添加 ${c.added} 处` : '', c.undone ? `撤销 ${c.undone} 处` : '']
    .filter(Boolean)
    .join('、');
  return `${who}已于 ${chineseDate(c.at.slice(0, 10))} 确认删除内容${changes ? `（${changes}）` : ''}。`;
}

Component({
  behaviors: [pageBase],
  data: {
    id: '',
    state: 'loading',
    errorMessage: '',
    docNo: '',
    hasText: false,
    canSet: false,
    canConfirm: false,
    editing: false,
    status: '',
    summary: '',
    paragraphs: [] as ReturnType<typeof paragraphsOf>,
    publicText: '',
    highlights: [] as Array<{ key: string; text: string; reason: string; index: number }>,
    text: '',
    version: 0,
    marks: [] as Mark[],
    draft: '',
    source: 'typed',
    caseNo: '',
    words: '',
    kind: 'name' as RedactionKind,
    kinds: ADD_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    banner: '',
    errors: {} as Record<string, string>,
    busy: false,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '', requestId: newRequestId() });
      void this.load();
    },
    async load() {
      if (!this.data.id) {
        this.setData({ state: 'notFound' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('staff', 'publication.fullText', { id: this.data.id });
      if (!res.ok) {
        const code = res.error.code;
        this.setData({
          state:
            code === 'NOT_FOUND' || code === 'INVALID_INPUT'
              ? 'notFound'
              : code === 'FORBIDDEN'
                ? 'refused'
                : 'error',
          errorMessage: res.error.message,
        });
        return;
      }
      const v = res.data as PublicationFullTextView;
      const f = v.fullText;
      this.setData({
        state: 'ready',
        docNo: v.docNo,
        canSet: v.canSet,
        canConfirm: v.canConfirm,
        hasText: !!f,
        editing: !f && v.canSet,
        status: f ? statusLine(f) : '',
        text: f?.text ?? '',
        version: f?.version ?? 0,
        draft: f?.text ?? '',
        source: f?.source ?? 'typed',
        caseNo: f?.caseNo ?? '',
      });
      this.show(f ? marksOf(f) : []);
    },
    /** Renders the marks (after every switch). */
    show(marks: Mark[]) {
      const text = this.data.text;
      this.setData({
        marks,
        paragraphs: paragraphsOf(text, marks),
        publicText: publicTextOf(text, marks),
        summary: summaryOf(marks),
        highlights: marks
          .map((m, index) => ({ m, index }))
          .filter(({ m }) => m.origin === 'highlight' && !m.on)
          .map(({ m, index }) => ({
            key: `h${m.start}`,
            text: text.slice(m.start, m.end),
            reason: m.reason,
            index,
          })),
      });
    },
    onMark(e: WechatMiniprogram.TouchEvent) {
      if (!this.data.canConfirm) return;
      const index = Number((e.currentTarget.dataset as { index?: number }).index);
      this.show(toggle(this.data.marks, index));
    },
    onKind(e: WechatMiniprogram.TouchEvent) {
      this.setData({ kind: (e.currentTarget.dataset as { value?: RedactionKind }).value ?? 'name' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (field) this.setData({ [field]: e.detail.value, [`errors.${field}`]: '' });
    },
    onSource(e: WechatMiniprogram.TouchEvent) {
      this.setData({ source: (e.currentTarget.dataset as { value?: string }).value ?? 'typed' });
    },
    onAdd() {
      const { marks, added } = addWords(this.data.text, this.data.marks, this.data.words, this.data.kind);
      if (!added) {
        this.setData({
          'errors.words': this.data.words.trim()
            ? '全文中没有找到这段文字，或它已被标出'
            : '请输入要删除的文字',
        });
        return;
      }
      this.setData({ words: '', 'errors.words': '' });
      this.show(marks);
    },
    onEdit() {
      this.setData({ editing: true, banner: '' });
    },
    onCancelEdit() {
      this.setData({ editing: false, draft: this.data.text, errors: {} });
    },
    async onSave() {
      if (this.data.busy) return;
      if (!this.data.draft.trim()) {
        this.setData({ 'errors.text': '请粘贴或录入决定书全文' });
        return;
      }
      this.setData({ busy: true, banner: '', errors: {} });
      const payload = {
        id: this.data.id,
        text: this.data.draft,
        source: this.data.source as 'typed' | 'export',
        ...(this.data.caseNo.trim() ? { caseNo: this.data.caseNo.trim() } : {}),
      };
      const res = await call('staff', 'publication.setFullText', payload, { requestId: this.data.requestId });
      this.done(res, '已标注');
    },
    async onSummaryOnly() {
      if (this.data.busy) return;
      this.setData({ busy: true, banner: '' });
      const res = await call(
        'staff',
        'publication.setFullText',
        { id: this.data.id, text: null },
        { requestId: newRequestId() },
      );
      this.done(res, '已改为公开摘要');
    },
    async onConfirm() {
      if (this.data.busy) return;
      this.setData({ busy: true, banner: '' });
      const res = await call(
        'staff',
        'publication.confirmRemovals',
        { id: this.data.id, version: this.data.version, removals: chosenOf(this.data.marks) },
        { requestId: this.data.requestId },
      );
      this.done(res, '已确认');
    },
    done(res: { ok: boolean; error?: { message: string; fields?: Record<string, string> } }, toast: string) {
      if (!res.ok) {
        const errors: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.error?.fields ?? {})) errors[k.replace(/^payload\./, '')] = v;
        this.setData({
          busy: false,
          errors,
          banner: Object.keys(errors).length ? '请按提示修改后再提交' : (res.error?.message ?? ''),
        });
        return;
      }
      this.setData({ busy: false, requestId: newRequestId() });
      wx.showToast({ title: toast, icon: 'success' });
      void this.load();
    },
    onEntry() {
      wx.redirectTo({ url: `${ENTRY_PAGE}?id=${this.data.id}` });
    },
  },
});
