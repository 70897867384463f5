/**
 * The choices the citizen form and the staff record form share (type, field of health, contact mode), with the
 * same rules: changing the type may change the contact mode; anonymity only for reports; the officer complained
 * about only with the conduct category. Each page supplies its
 * own `update(patch, clearErrors)` (the citizen form also saves its draft there).
 */
import {
  ANONYMOUS_ONLY_FOR_REPORTS,
  categoryPatch,
  kindPatch,
  type FormErrors,
  type FormState,
} from '../utils/complaint-form';

interface FieldsHost {
  data: { form: FormState; errors: FormErrors };
  setData(data: Record<string, unknown>): void;
  update(patch: Partial<FormState>, clear?: Array<keyof FormErrors>): void;
}

const host = (self: unknown) => self as FieldsHost;

export const complaintFields = Behavior({
  methods: {
    onKind(e: WechatMiniprogram.TouchEvent) {
      const page = host(this);
      const kind = (e.currentTarget.dataset as { kind?: 'complaint' | 'report' }).kind;
      if (kind) page.update(kindPatch(page.data.form, kind), ['kind', 'contact']);
    },
    onCategory(e: WechatMiniprogram.TouchEvent) {
      const category = (e.currentTarget.dataset as { category?: string }).category;
      // Leaving the conduct category clears the officer named (never sent with another field).
      if (category) host(this).update(categoryPatch(category), ['category', 'officerName', 'officerCertNo']);
    },
    onContactMode(e: WechatMiniprogram.TouchEvent) {
      const page = host(this);
      const mode = (e.currentTarget.dataset as { mode?: 'real' | 'anonymous' }).mode;
      if (!mode) return;
      if (mode === 'anonymous' && page.data.form.kind !== 'report') {
        page.setData({ errors: { ...page.data.errors, contact: ANONYMOUS_ONLY_FOR_REPORTS } });
        return;
      }
      page.update({ contactMode: mode }, ['contact', 'contactName', 'contactPhone']);
    },
  },
});
