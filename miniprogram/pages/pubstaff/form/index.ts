/**
 * The entry form (PUB-6, PUB-8, PUB-10): a new entry (`publication.create`), a draft's edit (`?id=`,
 * `publication.edit`) or a published entry's correction (`?correct=`, `publication.correct`: a new version through
 * the same approval while the current one stays public). The 双公示 fields by kind and party category (form.ts); the
 * entry belongs to the preparer's unit and section (a draft keeps its own). The backend checks every field and
 * answers Chinese messages, shown under each field; the page scrolls to the first.
 */
import { pageBase } from '../../../behaviors/page-base';
import { INDEFINITE, type PublicationStaffView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import { ENTRY_PAGE } from '../view';
import {
  anchorOf,
  emptyForm,
  entryOf,
  formErrors,
  formOf,
  formSections,
  KIND_OPTIONS,
  type FormSection,
  type FormValues,
} from '../form';

type Mode = 'create' | 'edit' | 'correct';

const TITLES: Record<Mode, string> = {
  create: '新建公示条目',
  edit: '修改公示条目',
  correct: '更正已公示的条目',
};

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    mode: 'create' as Mode,
    title: TITLES.create,
    id: '',
    scope: { unitId: '', sectionId: null as string | null },
    scopeLabel: '',
    form: emptyForm() as FormValues,
    sections: [] as FormSection[],
    kindOptions: KIND_OPTIONS,
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    requestId: '',
    today: shanghaiToday(),
    indefinite: INDEFINITE,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const mode: Mode = query.correct ? 'correct' : query.id ? 'edit' : 'create';
      this.setData({
        mode,
        title: TITLES[mode],
        id: query.correct ?? query.id ?? '',
        requestId: newRequestId(),
      });
      wx.setNavigationBarTitle?.({ title: TITLES[mode] });
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      if (this.data.mode === 'create') {
        const me = await call('staff', 'staff.me', {});
        if (!me.ok) return this.failed(me.error.code, me.error.message);
        if (!me.data.roles?.some((r) => r.role === 'officer') || !me.data.unit) {
          this.setData({ state: 'refused', errorMessage: '只有执法人员可以制作公示条目。' });
          return;
        }
        const form = emptyForm({ authority: me.data.unit.name });
        this.setData({
          state: 'ready',
          scope: { unitId: me.data.unit.id, sectionId: me.data.section?.id ?? null },
          scopeLabel: `${me.data.unit.name}${me.data.section ? ` · ${me.data.section.name}` : ''}`,
          form,
          sections: formSections(String(form.kind), String(form.partyCategory)),
        });
        return;
      }
      const got = await call('staff', 'publication.staffGet', { id: this.data.id });
      if (!got.ok) return this.failed(got.error.code, got.error.message);
      const v = got.data as PublicationStaffView;
      const form = formOf(v.entry);
      this.setData({
        state: 'ready',
        scope: { unitId: v.entry.unitId, sectionId: v.entry.sectionId },
        scopeLabel: v.docNo,
        form,
        sections: formSections(String(form.kind), String(form.partyCategory)),
      });
    },
    failed(code: string, message: string) {
      this.setData({
        state:
          code === 'NOT_FOUND' || code === 'INVALID_INPUT'
            ? 'notFound'
            : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
              ? 'refused'
              : 'error',
        errorMessage: message,
      });
    },
    onKind(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { value?: string }).value ?? 'penalty';
      this.setData({
        'form.kind': kind,
        sections: formSections(kind, String(this.data.form.partyCategory)),
        errors: {},
      });
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const key = (e.currentTarget.dataset as { key?: string }).key;
      if (key) this.setData({ [`form.${key}`]: e.detail.value, [`errors.${key}`]: '' });
    },
    onChoice(e: WechatMiniprogram.TouchEvent) {
      const { key, value } = e.currentTarget.dataset as { key?: string; value?: string };
      if (!key) return;
      this.setData({ [`form.${key}`]: value, [`errors.${key}`]: '' });
      if (key === 'partyCategory')
        this.setData({ sections: formSections(String(this.data.form.kind), String(value)) });
    },
    onMulti(e: WechatMiniprogram.TouchEvent) {
      const { key, value } = e.currentTarget.dataset as { key?: string; value?: string };
      if (!key || !value) return;
      const on = { ...((this.data.form[key] as Record<string, boolean>) ?? {}) };
      on[value] = !on[value];
      this.setData({ [`form.${key}`]: on, [`errors.${key}`]: '' });
    },
    onToggle(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: string }).key;
      if (key) this.setData({ [`form.${key}`]: !this.data.form[key] });
    },
    onIndefinite(e: WechatMiniprogram.TouchEvent) {
      const key = (e.currentTarget.dataset as { key?: string }).key;
      if (key) this.setData({ [`form.${key}`]: INDEFINITE, [`errors.${key}`]: '' });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const entry = entryOf(this.data.form, this.data.scope);
      const opts = { requestId: this.data.requestId };
      this.setData({ busy: true, banner: '', errors: {} });
      const res =
        this.data.mode === 'create'
          ? await call('staff', 'publication.create', { entry }, opts)
          : this.data.mode === 'edit'
            ? await call('staff', 'publication.edit', { id: this.data.id, entry: entry }, opts)
            : await call('staff', 'publication.correct', { id: this.data.id, entry: entry }, opts);
      this.setData({ busy: false });
      if (!res.ok) {
        if (res.error.code === 'INVALID_INPUT' && res.error.fields) {
          const { errors, first, other } = formErrors(
            res.error.fields,
            String(this.data.form.kind),
            String(this.data.form.partyCategory),
          );
          this.setData({ errors, banner: ['请按提示修改后再提交', ...other].join('；') });
          if (first) wx.pageScrollTo?.({ selector: `#${anchorOf(first)}`, offsetTop: -24, duration: 200 });
          return;
        }
        this.setData({ banner: res.error.message });
        wx.pageScrollTo?.({ scrollTop: 0, duration: 0 });
        return;
      }
      const data = res.data as { id: string; correctionId?: string };
      wx.showToast({ title: this.data.mode === 'create' ? '已保存' : '已保存修改', icon: 'success' });
      wx.redirectTo({ url: `${ENTRY_PAGE}?id=${data.correctionId ?? data.id}` });
    },
  },
});
