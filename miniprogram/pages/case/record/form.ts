/**
 * The record form's pure part (REC-2, REC-3, REC-4): what the officer fills for a document, an AV recording kept on
 * the recorder platform, or electronic data, turned into `record.register`'s payload and checked with the
 * contract's own schema (recordRegisterInput: the same Chinese messages the function answers with). Times are
 * picked as Beijing date and time and sent with their +08:00 offset.
 */
import {
  AV_ACTS,
  DOCUMENT_TYPES,
  issuesToFields,
  RECORD_TYPE_LABELS,
  RECORD_TYPES,
  recordRegisterInput,
  STOP_REASON_LABELS,
  STOP_REASONS,
  type RecordRegisterInput,
  type RecordType,
} from '../../../core-bundle/index';

export const TYPE_OPTIONS = RECORD_TYPES.map((key) => ({ key, label: RECORD_TYPE_LABELS[key] }));
export const DOC_TYPE_OPTIONS = Object.entries(DOCUMENT_TYPES).map(([key, label]) => ({ key, label }));
export const AV_ACT_OPTIONS = Object.entries(AV_ACTS).map(([key, label]) => ({ key, label }));

/** A time picked on the phone: date `YYYY-MM-DD` and time `HH:mm`, in Beijing. */
export interface PickedTime {
  date: string;
  time: string;
}

export interface Interruption extends PickedTime {
  explanation: string;
  how: '' | 'spoken' | 'written';
  /** Stopped on purpose (REC-5, 细则第十三条): the unit head approves the work record on the case page. */
  stopReason?: '' | (typeof STOP_REASONS)[number];
}

export const STOP_REASON_OPTIONS = STOP_REASONS.map((key) => ({ key, label: STOP_REASON_LABELS[key] }));

export interface RecordForm {
  type: RecordType;
  title: string;
  workEnded: PickedTime;
  /** Uploaded file (documents, photos), or a hash computed where the file is kept (AV, data). */
  fileID: string;
  fileName: string;
  sha256: string;
  docType: string;
  docNo: string;
  docTimes: PickedTime[];
  signed: boolean;
  /** Blank items, one per line or separated by 、，, */
  blankItems: string;
  device: string;
  act: string;
  start: PickedTime;
  end: PickedTime;
  place: string;
  location: string;
  interruptions: Interruption[];
  source: string;
  captured: PickedTime;
}

const noTime = (): PickedTime => ({ date: '', time: '' });

export function emptyRecordForm(type: RecordType = 'document'): RecordForm {
  return {
    type,
    title: '',
    workEnded: noTime(),
    fileID: '',
    fileName: '',
    sha256: '',
    docType: '',
    docNo: '',
    docTimes: [],
    signed: false,
    blankItems: '',
    device: '',
    act: '',
    start: noTime(),
    end: noTime(),
    place: '',
    location: '',
    interruptions: [],
    source: '',
    captured: noTime(),
  };
}

/** `2026-11-27` + `10:05` → `2026-11-27T10:05:00+08:00`; '' when not picked (the schema then names the field). */
export function isoOf(t: PickedTime): string {
  if (!t.date) return '';
  return `${t.date}T${t.time || '00:00'}:00+08:00`;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function recordPayloadOf(form: RecordForm, caseId: string): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    caseId,
    type: form.type,
    title: form.title,
    workEndedAt: isoOf(form.workEnded),
  };
  if (form.fileID) payload.fileID = form.fileID;
  else if (form.sha256.trim() || form.type !== 'document') payload.sha256 = form.sha256;
  if (form.type === 'document') {
    const blanks = form.blankItems
      .split(/[\n、，,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    payload.document = {
      docType: form.docType,
      ...(opt(form.docNo) ? { docNo: form.docNo } : {}),
      docTimes: form.docTimes.map(isoOf).filter(Boolean),
      signed: form.signed,
      ...(blanks.length ? { blankItems: blanks } : {}),
    };
  } else if (form.type === 'av') {
    payload.av = {
      device: form.device,
      act: form.act,
      start: isoOf(form.start),
      end: isoOf(form.end),
      place: form.place,
      location: form.location,
      ...(form.interruptions.length
        ? {
            interruptions: form.interruptions.map((i) => ({
              at: isoOf(i),
              ...(opt(i.explanation) ? { explanation: i.explanation } : {}),
              ...(i.how ? { how: i.how } : {}),
              ...(i.stopReason ? { stopReason: i.stopReason } : {}),
            })),
          }
        : {}),
    };
  } else {
    payload.data = { source: form.source, capturedAt: isoOf(form.captured) };
  }
  return payload;
}

/** A field's error key as the page shows it: `payload.av.end` → `av.end`. */
export function fieldKey(path: string): string {
  return path.replace(/^payload\./, '');
}

/** The element id of a field (for scrolling to the first error): `av.end` → `f-av-end`. */
export function fieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The fields the page wraps with an id (fieldId): an error deeper down scrolls to its nearest wrapped field. */
export const WRAPPED_FIELDS = [
  'type',
  'title',
  'workEndedAt',
  'document.docType',
  'document.docNo',
  'document.docTimes',
  'document.blankItems',
  'document',
  'av.device',
  'av.act',
  'av.start',
  'av.end',
  'av.place',
  'av.location',
  'av.interruptions',
  'av',
  'data.source',
  'data.capturedAt',
  'data',
  'fileID',
  'sha256',
];

/** The element to scroll to for an error key: the longest wrapped field it falls under. */
export function scrollTargetOf(key: string): string {
  const hit = WRAPPED_FIELDS.filter((f) => key === f || key.startsWith(`${f}.`)).sort(
    (a, b) => b.length - a.length,
  )[0];
  return `#${fieldId(hit ?? 'type')}`;
}

/** Field order on the page, so the first error scrolled to is the topmost one. */
const ORDER = ['type', 'title', 'workEndedAt', 'document', 'av', 'data', 'fileID', 'sha256'];

export type CheckedRecord =
  { ok: true; payload: RecordRegisterInput } | { ok: false; errors: Record<string, string>; first: string };

export function checkRecordForm(form: RecordForm, caseId: string): CheckedRecord {
  const parsed = recordRegisterInput.safeParse(recordPayloadOf(form, caseId));
  if (parsed.success) return { ok: true, payload: parsed.data };
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(issuesToFields(parsed.error.issues))) {
    errors[fieldKey(path)] = message;
  }
  // A time not picked at all: the schema says its format is wrong; the officer is told to pick it.
  const picked: Record<string, PickedTime> = {
    workEndedAt: form.workEnded,
    'av.start': form.start,
    'av.end': form.end,
    'data.capturedAt': form.captured,
  };
  for (const [key, t] of Object.entries(picked)) {
    if (errors[key] && !t.date) errors[key] = `请选择${errors[key]!.replace(/格式不正确$/, '')}`;
  }
  const keys = Object.keys(errors);
  const rank = (k: string) => {
    const i = ORDER.indexOf(k.split('.')[0]!);
    return i < 0 ? ORDER.length : i;
  };
  const first = [...keys].sort((a, b) => rank(a) - rank(b))[0] ?? '';
  return { ok: false, errors, first };
}
