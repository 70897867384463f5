/**
 * The complaint form's state, payload, errors and draft, kept free of `wx` so that it is unit-tested as it is.
 * Validation is the contract's own schema (core/contract/complaint.ts via the core bundle), so the form shows
 * exactly the Chinese messages the function would answer with; the function's `fields` map onto the same keys.
 * Shared by the citizen's form (complaint subpackage) and the staff record page (staff subpackage), hence in the
 * main package: a subpackage cannot require another subpackage's files.
 */
import {
  CONDUCT_CATEGORY,
  complaintRecordInput,
  complaintSubmitInput,
  issuesToFields,
  type ComplaintKind,
  type ComplaintRecordInput,
  type ComplaintSubmitInput,
} from '../core-bundle/index';

export type ContactMode = 'real' | 'anonymous';
export type PhotoState = 'uploading' | 'done' | 'failed';

export interface PhotoItem {
  /** Local temporary path (thumbnail; lost when WeChat clears temporary files). */
  localPath: string;
  fileID: string;
  progress: number;
  state: PhotoState;
}

export interface FormState {
  kind: ComplaintKind | '';
  category: string;
  subjectName: string;
  subjectAddress: string;
  location: { latitude: number; longitude: number } | null;
  description: string;
  contactMode: ContactMode;
  contactName: string;
  contactPhone: string;
  photos: PhotoItem[];
  /** The officer complained about, for a conduct complaint only (both optional; cleared for other fields). */
  officerName: string;
  officerCertNo: string;
}

/** One message per form field; keys are the page's own (WXML cannot index by a dotted path). */
export type FormErrors = Partial<
  Record<
    | 'kind'
    | 'category'
    | 'subjectName'
    | 'subjectAddress'
    | 'description'
    | 'photos'
    | 'contact'
    | 'contactName'
    | 'contactPhone'
    | 'officerName'
    | 'officerCertNo'
    | 'source'
    | 'sourceRef'
    | 'receivedAt',
    string
  >
>;

export function emptyForm(kind: ComplaintKind | '' = ''): FormState {
  return {
    kind,
    category: '',
    subjectName: '',
    subjectAddress: '',
    location: null,
    description: '',
    contactMode: 'real',
    contactName: '',
    contactPhone: '',
    photos: [],
    officerName: '',
    officerCertNo: '',
  };
}

/** A complaint about enforcement conduct: only then may the officer be named. */
export const isConduct = (category: string): boolean => category === CONDUCT_CATEGORY;

/** Choosing the field of health: leaving the conduct category clears the officer, so it is never sent elsewhere. */
export function categoryPatch(category: string): Partial<FormState> {
  return isConduct(category) ? { category } : { category, officerName: '', officerCertNo: '' };
}

/** The officer as given (blank fields left out), or nothing: for the conduct category only. */
export function officerOf(form: FormState): { name?: string; certNo?: string } | undefined {
  if (!isConduct(form.category)) return undefined;
  const name = form.officerName ?? '';
  const certNo = form.officerCertNo ?? '';
  if (!name.trim() && !certNo.trim()) return undefined;
  return { ...(name.trim() ? { name } : {}), ...(certNo.trim() ? { certNo } : {}) };
}

/** Choosing the kind: anonymity is for reports only, so switching to a complaint returns to real name. */
export function kindPatch(form: FormState, kind: ComplaintKind): Partial<FormState> {
  return { kind, contactMode: kind === 'complaint' ? 'real' : form.contactMode };
}

/** Shown when anonymity is chosen for anything but a report (the contract says the same on submission). */
export const ANONYMOUS_ONLY_FOR_REPORTS = '匿名只适用于举报；投诉须留下真实姓名和联系电话';

/** What would be sent: uploaded photos only; contact by the chosen mode; the officer for a conduct complaint. */
export function payloadOf(form: FormState): Record<string, unknown> {
  const photos = form.photos.filter((p) => p.state === 'done' && p.fileID).map((p) => p.fileID);
  const officer = officerOf(form);
  return {
    kind: form.kind || undefined,
    category: form.category || undefined,
    subject: {
      name: form.subjectName,
      address: form.subjectAddress,
      ...(form.location ? { location: form.location } : {}),
    },
    description: form.description,
    ...(photos.length ? { photos } : {}),
    contact:
      form.contactMode === 'anonymous'
        ? { anonymous: true }
        : { anonymous: false, name: form.contactName, phone: form.contactPhone },
    ...(officer ? { officer } : {}),
  };
}

const FIELD_KEYS: Array<[RegExp, keyof FormErrors]> = [
  [/^payload\.kind$/, 'kind'],
  [/^payload\.category$/, 'category'],
  [/^payload\.subject\.name$/, 'subjectName'],
  [/^payload\.subject\.(address|location.*)$/, 'subjectAddress'],
  [/^payload\.subject$/, 'subjectName'],
  [/^payload\.description$/, 'description'],
  [/^payload\.photos(\.\d+)?$/, 'photos'],
  [/^payload\.contact\.name$/, 'contactName'],
  [/^payload\.contact\.phone$/, 'contactPhone'],
  [/^payload\.contact(\.anonymous)?$/, 'contact'],
  [/^payload\.officer\.name$/, 'officerName'],
  [/^payload\.officer\.certNo$/, 'officerCertNo'],
  // "只有反映执法行为时才填写…": the officer came with another field of health, so it belongs with the field.
  [/^payload\.officer$/, 'category'],
  [/^payload\.source$/, 'source'],
  [/^payload\.sourceRef$/, 'sourceRef'],
  [/^payload\.receivedAt$/, 'receivedAt'],
];

/**
 * The envelope's `fields` (or the local check's) as the form's errors. A photo's message names which photo
 * (`payload.photos.2` → 第 3 张图片). Anything the form has no place for comes back in `other`.
 */
export function formErrorsOf(fields: Record<string, string>): { errors: FormErrors; other: string[] } {
  const errors: FormErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const key = FIELD_KEYS.find(([re]) => re.test(path))?.[1];
    if (!key) {
      other.push(message);
      continue;
    }
    const photo = /^payload\.photos\.(\d+)$/.exec(path);
    const text = photo ? `第 ${Number(photo[1]) + 1} 张图片：${message}` : message;
    errors[key] ??= text;
  }
  return { errors, other };
}

export type Checked = { ok: true; payload: ComplaintSubmitInput } | { ok: false; errors: FormErrors };

/** The contract's check, with the same messages as the function (photos still uploading are refused first). */
export function checkForm(form: FormState): Checked {
  if (form.photos.some((p) => p.state === 'uploading')) {
    return { ok: false, errors: { photos: '图片正在上传，请稍候再提交' } };
  }
  if (form.photos.some((p) => p.state === 'failed')) {
    return { ok: false, errors: { photos: '有图片上传失败，请删除后重新添加' } };
  }
  const parsed = complaintSubmitInput.safeParse(payloadOf(form));
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, errors: formErrorsOf(issuesToFields(parsed.error.issues)).errors };
}

// ---- recorded by staff --------------------------------------------------------------------------------------

/** The channels staff record from (`complaint.record`); the mini-program itself is the citizen's own channel. */
export type RecordSource = ComplaintRecordInput['source'];
export const RECORD_SOURCES: readonly RecordSource[] = ['phone', 'hotline12345', 'petition', 'letter'];

/** The same form plus where it came from; photos are not part of a recorded complaint. */
export interface RecordState extends FormState {
  source: RecordSource | '';
  sourceRef: string;
  /** When the phone call, letter or work order was received (Shanghai date and time); '' means now. */
  receivedDate: string;
  receivedTime: string;
}

export function emptyRecord(): RecordState {
  return { ...emptyForm(), source: '', sourceRef: '', receivedDate: '', receivedTime: '' };
}

/** The receipt instant the acceptance period runs from: a letter received last week is due a week earlier. */
export function receivedAtOf(form: Pick<RecordState, 'receivedDate' | 'receivedTime'>): string | undefined {
  if (!form.receivedDate) return undefined;
  return `${form.receivedDate}T${form.receivedTime || '09:00'}:00+08:00`;
}

export function recordPayloadOf(form: RecordState): Record<string, unknown> {
  const { photos: _photos, ...content } = payloadOf(form);
  return {
    ...content,
    source: form.source || undefined,
    ...(form.sourceRef.trim() ? { sourceRef: form.sourceRef } : {}),
    ...(receivedAtOf(form) ? { receivedAt: receivedAtOf(form) } : {}),
  };
}

export type CheckedRecord = { ok: true; payload: ComplaintRecordInput } | { ok: false; errors: FormErrors };

/** `complaint.record`'s own schema: the citizen form's rules and messages, and the source. */
export function checkRecordForm(form: RecordState): CheckedRecord {
  const parsed = complaintRecordInput.safeParse(recordPayloadOf(form));
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, errors: formErrorsOf(issuesToFields(parsed.error.issues)).errors };
}

// ---- draft ---------------------------------------------------------------------------------------------------

export const DRAFT_KEY = 'complaint.draft';
/** A draft older than this is dropped: its uploaded photos will have left the quarantine by then. */
export const DRAFT_MAX_AGE_MS = 3 * 24 * 3600_000;

export interface Draft {
  savedAt: number;
  form: FormState;
}

/** The draft keeps the uploaded photos as fileIDs (and their thumbnails' paths); unfinished uploads are dropped. */
export function toDraft(form: FormState, now: number): Draft {
  return { savedAt: now, form: { ...form, photos: form.photos.filter((p) => p.state === 'done') } };
}

/** A stored draft, or null when there is none, it is stale, or it does not look like one. */
export function fromDraft(stored: unknown, now: number): FormState | null {
  if (!stored || typeof stored !== 'object') return null;
  const draft = stored as Partial<Draft>;
  if (typeof draft.savedAt !== 'number' || now - draft.savedAt > DRAFT_MAX_AGE_MS) return null;
  if (!draft.form || typeof draft.form !== 'object') return null;
  const base = emptyForm();
  const form = { ...base, ...draft.form } as FormState;
  for (const key of Object.keys(base) as Array<keyof FormState>) {
    if (key === 'location' || key === 'photos') continue;
    if (typeof form[key] !== 'string') return null;
  }
  form.photos = Array.isArray(form.photos) ? form.photos.filter((p) => p?.state === 'done' && p.fileID) : [];
  return { ...form, ...(isConduct(form.category) ? {} : categoryPatch(form.category)) };
}

/** A draft worth keeping has something typed in it. */
export function isBlank(form: FormState): boolean {
  return (
    !form.subjectName.trim() &&
    !form.subjectAddress.trim() &&
    !form.description.trim() &&
    !form.contactName.trim() &&
    !form.contactPhone.trim() &&
    !(form.officerName ?? '').trim() &&
    !(form.officerCertNo ?? '').trim() &&
    !form.photos.length
  );
}
