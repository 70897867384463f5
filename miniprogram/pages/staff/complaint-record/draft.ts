/**
 * The record page's draft (like the citizen form's): every change is kept in the phone's storage
 * so that a call interrupted, or a tap on 返回, loses nothing; it is dropped once recorded, when emptied, and
 * after a day (it holds the complainant's name and phone, which must not linger on a staff phone).
 */
import { emptyRecord, isBlank, type RecordState } from '../../../utils/complaint-form';

/** The part of `wx` used here (declared locally so this file also type-checks in the tests' project). */
declare const wx: {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
};

export const RECORD_DRAFT_KEY = 'staff.complaintRecord.draft';
export const RECORD_DRAFT_MAX_AGE_MS = 24 * 3600_000;

export interface RecordDraft {
  savedAt: number;
  form: RecordState;
}

const recordBlank = (form: RecordState) =>
  isBlank(form) && !form.source && !form.sourceRef.trim() && !form.receivedDate;

/** A stored draft, or null when there is none, it is stale, or it does not look like one. */
export function fromRecordDraft(stored: unknown, now: number): RecordState | null {
  if (!stored || typeof stored !== 'object') return null;
  const draft = stored as Partial<RecordDraft>;
  if (typeof draft.savedAt !== 'number' || now - draft.savedAt > RECORD_DRAFT_MAX_AGE_MS) return null;
  if (!draft.form || typeof draft.form !== 'object') return null;
  const base = emptyRecord();
  const form = { ...base } as Record<string, unknown>;
  // Only the fields a record has, each of the type it should be: a stored value of another shape is dropped.
  for (const [key, value] of Object.entries(draft.form)) {
    const expected = (base as unknown as Record<string, unknown>)[key];
    if (key in base && typeof value === typeof expected && Array.isArray(value) === Array.isArray(expected))
      form[key] = value;
  }
  const restored = form as unknown as RecordState;
  restored.photos = [];
  return recordBlank(restored) ? null : restored;
}

/** Saves the draft, or removes it when the form is empty. Storage failing is not the user's problem. */
export function saveRecordDraft(form: RecordState, now: number): void {
  try {
    if (recordBlank(form)) wx.removeStorageSync(RECORD_DRAFT_KEY);
    else wx.setStorageSync(RECORD_DRAFT_KEY, { savedAt: now, form } satisfies RecordDraft);
  } catch {
    /* storage full or unavailable: the form still works */
  }
}

export function loadRecordDraft(now: number): RecordState | null {
  try {
    return fromRecordDraft(wx.getStorageSync(RECORD_DRAFT_KEY), now);
  } catch {
    return null;
  }
}

export function clearRecordDraft(): void {
  try {
    wx.removeStorageSync(RECORD_DRAFT_KEY);
  } catch {
    /* nothing to clear */
  }
}
