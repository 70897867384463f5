/**
 * Turns zod issues into the envelope's `fields`: one plain Chinese sentence per field path that names the field
 * (core/contract/labels.ts) and says what is expected. Works with schemas made by `zod` and `zod/mini` alike
 * (both produce the same issue shapes). Nothing the caller sent is echoed: paths are cut at the first segment
 * that is not a short plain key, unknown keys never appear in messages, and the number of fields is capped.
 */
import { labelFor, type FieldLabels } from './labels';

export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  keys?: string[];
  format?: string;
  values?: unknown[];
  input?: unknown;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  date: '日期',
  record: '对象',
};

const FORMAT_HINTS: Record<string, string> = {
  datetime: '应为带时区的时间，如 2026-03-01T09:00:00+08:00',
  date: '应为 YYYY-MM-DD 格式的日期',
};

/** A path segment we may show: a short plain key or an index. Anything else ends the path (it is input). */
const SAFE_KEY = /^[A-Za-z_$][\w$-]{0,39}$/;
const MAX_SEGMENTS = 8;
const MAX_FIELDS = 20;

function safeSegments(path: readonly PropertyKey[]): string[] {
  const out: string[] = [];
  for (const p of path) {
    if (out.length >= MAX_SEGMENTS) break;
    if (typeof p === 'number' && Number.isInteger(p) && p >= 0) out.push(String(p));
    else if (typeof p === 'string' && SAFE_KEY.test(p)) out.push(p);
    else break;
  }
  return out;
}

/** Messages that a schema set on purpose (via `{ error: '...' }`) are kept; zod's own defaults are replaced. */
function isCustomMessage(message: string | undefined): message is string {
  return (
    !!message && /[\u4e00-\u9fa5]/.test(message) && !/^(无效输入|数值过|出现未知的键|无效)/.test(message)
  );
}

/** zod reports the input only when asked to (the router asks); its default message names what it received. */
function isMissing(issue: ValidationIssue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return /received undefined|接收 undefined/.test(issue.message ?? '');
}

function expectation(issue: ValidationIssue, label: string): string {
  const min = issue.minimum;
  const max = issue.maximum;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return `请填写${label}`;
      return `${label}应为${TYPE_NAMES[issue.expected ?? ''] ?? '正确的格式'}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(min) <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`;
      if (issue.origin === 'array') return `${label}至少 ${min} 项`;
      return `${label}不能小于 ${min}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label}不能超过 ${max} 个字`;
      if (issue.origin === 'array') return `${label}最多 ${max} 项`;
      return `${label}不能大于 ${max}`;
    case 'invalid_value':
      return `${label}不是允许的取值，请从列表中选择`;
    case 'invalid_format':
      return `${label}${FORMAT_HINTS[issue.format ?? ''] ?? '格式不正确'}`;
    case 'invalid_key':
      return `${label}中有不允许的名称`;
    case 'not_multiple_of':
      return `${label}应为整数`;
    default:
      return `${label}不正确`;
  }
}

/**
 * One sentence for one issue: the schema's own Chinese message (written to name the field), else the field's
 * label with what is expected. An unknown key is described by its parent (its own name stays out of the message).
 */
export function describeIssue(issue: ValidationIssue, label = labelFor(safeSegments(issue.path))): string {
  if (issue.code === 'unrecognized_keys') return `${label}中不能有此项，请删除`;
  return isCustomMessage(issue.message) ? issue.message : expectation(issue, label);
}

/**
 * `fields` for the envelope; the first issue per path wins. `prefix` names where the input sits in the event
 * (`payload`; '' for the event itself); `labels` are the schema's own overrides (labels.ts `withLabels`).
 */
export function issuesToFields(
  issues: readonly ValidationIssue[],
  prefix = 'payload',
  labels?: FieldLabels,
): Record<string, string> {
  const fields: Record<string, string> = {};
  let count = 0;
  const add = (segments: string[], message: string) => {
    // An issue about the whole event (not an object at all) is reported on `event`.
    const key = [prefix, ...segments].filter(Boolean).join('.') || 'event';
    if (Object.prototype.hasOwnProperty.call(fields, key) || count >= MAX_FIELDS) return;
    fields[key] = message;
    count += 1;
  };
  const labelOf = (segments: string[]) =>
    segments.length ? labelFor(segments, labels) : labelFor([prefix || 'event'], labels);
  for (const issue of issues) {
    const segments = safeSegments(issue.path);
    const cut = segments.length < issue.path.length;
    if (issue.code === 'unrecognized_keys' && !cut) {
      // Each unknown key that is a short plain name gets its own path; others are reported on the parent.
      const keys = issue.keys ?? [];
      const parentLabel = labelOf(segments);
      let odd = false;
      for (const k of keys.slice(0, MAX_FIELDS)) {
        if (SAFE_KEY.test(k) && segments.length < MAX_SEGMENTS) {
          add([...segments, k], `${parentLabel}中不能有此项，请删除`);
        } else odd = true;
      }
      if (odd || keys.length > MAX_FIELDS) add(segments, `${parentLabel}含有不支持的字段，请删除`);
      continue;
    }
    add(segments, describeIssue(issue, labelOf(segments)));
  }
  return fields;
}
