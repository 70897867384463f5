/**
 * The fields of the import manifest, as zod schemas with Chinese messages that name the field and
 * say what is expected, never the value (it may be personal data). Used by core/case/manifest.ts for both the JSON
 * and the CSV form. Pure: no I/O, no clock.
 */
import * as z from 'zod/mini';
import { CERT_NO_PATTERN, normalizeCertNo } from '../officer/cert-no';
import { PARTY_ID_KINDS, PARTY_ID_LABELS, type PartyIdKind } from '../party/ids';

/** Where a row comes from; the upsert key is the row kind and its `sourceId`. */
export const SOURCE_SYSTEMS = {
  supervision: '卫生健康监督信息系统',
  recorder: '执法记录仪管理平台',
} as const;
export type SourceSystem = keyof typeof SOURCE_SYSTEMS;

export const INTERRUPTION_HOW = { spoken: '在录像中口头说明', written: '书面说明' } as const;

/** Records whose case was imported by an earlier manifest say so with `caseRef: existing`. */
export const CASE_REF = { existing: '案件已在此前导入' } as const;

// --- times -----------------------------------------------------------------------------------------------------

const TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/**
 * An ISO 8601 time with its offset (`2026-03-02T09:30:00+08:00`, `…Z`), or a Beijing local time without one
 * (`2026-03-02 09:30`, `2026-03-02T09:30:00`; UTC+8, no summer time since 1991), as an ISO instant in UTC; null when it
 * is not one. Years 2000–2099.
 */
export function parseManifestTime(text: string): string | null {
  const m = TIME_RE.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return null;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > dim || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMin = 8 * 60;
  const off = m[8];
  if (off === 'Z') offsetMin = 0;
  else if (off !== undefined) {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 14 || om > 59) return null;
    offsetMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000,
  ).toISOString();
}

// --- field builders -------------------------------------------------------------------------------------------

/** Strings trimmed; an empty string is a field left blank. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? undefined : t;
}

export const text = (label: string, min: number, max: number) =>
  z.string(`${label}应为文字`).check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, `${label}至少 ${min} 个字`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );

export const sourceId = (label: string) =>
  z.string(`${label}应为文字`).check(
    z.overwrite((v) => v.trim()),
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$/,
      `${label}应为 1 至 100 位字母、数字或 _ . : / -，以字母或数字开头`,
    ),
  );

export const TIME_EXPECTED =
  '应为带时区的 ISO 8601 时间（如 2026-03-02T09:30:00+08:00）或北京时间（如 2026-03-02 09:30）';

export const time = (label: string) =>
  z.pipe(
    z
      .string(`${label}${TIME_EXPECTED}`)
      .check(z.refine((v) => parseManifestTime(v) !== null, `${label}${TIME_EXPECTED}`)),
    z.transform((v) => parseManifestTime(v)!),
  );

export const sha256 = (label: string) =>
  z.string(`${label}应为 64 位十六进制 SHA-256 哈希值`).check(
    z.overwrite((v) => v.trim().toLowerCase()),
    z.regex(/^[0-9a-f]{64}$/, `${label}应为 64 位十六进制 SHA-256 哈希值`),
  );

export const certNo = (label: string) =>
  z
    .string(`${label}应为文字`)
    .check(
      z.maxLength(64, `${label}过长`),
      z.overwrite(normalizeCertNo),
      z.regex(CERT_NO_PATTERN, `${label}应为 4 至 32 位数字、字母、汉字或连字符`),
    );

/** A code, or its Chinese name (what exports from the source systems often carry), as the code. */
export function code<const K extends string>(label: string, names: Readonly<Record<K, string>>) {
  const codes = Object.keys(names) as K[];
  const byName = new Map<string, string>(codes.map((k) => [names[k], k]));
  const expected = `${label}应为以下之一：${codes.map((k) => `${k}（${names[k]}）`).join('、')}`;
  return z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? (byName.get(v.trim()) ?? v.trim()) : v)),
    z.enum(codes as [K, ...K[]], expected),
  );
}

export const bool = (label: string) => z.boolean(`${label}应为“是”或“否”`);

export const list = <T extends z.core.SomeType>(label: string, item: T, min: number, max: number) =>
  z
    .array(item, `${label}应为列表`)
    .check(z.minLength(min, `${label}至少 ${min} 项`), z.maxLength(max, `${label}最多 ${max} 项`));

export const partyIdKind = code<PartyIdKind>(
  '当事人证件类型',
  Object.fromEntries(PARTY_ID_KINDS.map((k) => [k, PARTY_ID_LABELS[k]])) as Record<PartyIdKind, string>,
);

/** A calendar date, `YYYY-MM-DD` (a decision's date as the document has it). */
export const date = (label: string) =>
  z.string(`${label}应为日期（如 2026-03-02）`).check(
    z.overwrite((v) => v.trim()),
    z.refine((v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return (
        y >= FIRST_YEAR &&
        y <= LAST_YEAR &&
        mo >= 1 &&
        mo <= 12 &&
        d >= 1 &&
        d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
      );
    }, `${label}应为日期（如 2026-03-02）`),
  );

/** An amount in yuan (元), 0 or more with at most two decimals; a CSV cell's text is read as the number. */
export const yuan = (label: string) =>
  z.pipe(
    z.transform((v: unknown) =>
      typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v.trim()) ? Number(v.trim()) : v,
    ),
    z.number(`${label}应为以元为单位的金额（如 5000 或 5000.50）`).check(
      z.gte(0, `${label}不能为负数`),
      z.lte(1e10, `${label}过大`),
      z.refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多两位小数`),
    ),
  );
