/**
 * Turns zod issues into the envelope's `fields`: one plain Chinese sentence per field path. Works with schemas
 * made by `zod` and `zod/mini` alike (both produce the same issue shapes).
 */

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
};

/** Messages that a schema set on purpose (via `{ error: '...' }`) are kept; zod's own defaults are replaced. */
function isCustomMessage(message: string | undefined): message is string {
  return (
    !!message && /[\u4e00-\u9fa5]/.test(message) && !/^(无效输入|数值过|出现未知的键|无效)/.test(message)
  );
}

/** zod reports the input only when asked to; its default message names what it received. */
function isMissing(issue: ValidationIssue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return /received undefined|接收 undefined/.test(issue.message ?? '');
}

export function describeIssue(issue: ValidationIssue): string {
  if (isCustomMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return '必填';
      return `应为${TYPE_NAMES[issue.expected ?? ''] ?? '正确的格式'}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return '不是允许的取值';
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `不支持的字段：${(issue.keys ?? []).join('、')}`;
    case 'invalid_union':
      return '格式不正确';
    default:
      return '内容不正确';
  }
}

/** `fields` for the envelope; the first issue per path wins. Root-level issues use the key given. */
export function issuesToFields(
  issues: readonly ValidationIssue[],
  prefix = 'payload',
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const segments = issue.path.map((p) => String(p));
    const keyed =
      issue.code === 'unrecognized_keys' && issue.keys?.length === 1
        ? [...segments, issue.keys[0]!]
        : segments;
    // An issue about the whole event (not an object at all) is reported on `event`.
    const key = [prefix, ...keyed].filter(Boolean).join('.') || 'event';
    fields[key] ??= describeIssue(issue);
  }
  return fields;
}
