/**
 * The entry form's pure part (PUB-6, PUB-8, PUB-10; docs/publication.md "Fields"): which fields a kind and a party
 * category ask for (the national 双公示 fields for penalties and permits, authority, subject, category, conclusion and
 * date for the rest), the entry built from what was typed, and the backend's field errors mapped back onto the
 * fields. The backend checks the entry (entrySchema, with the credit-code and ID check characters) and answers each
 * field's Chinese message; the page scrolls to the first one. Tested in publication-staff-model.test.ts.
 */
import {
  PARTY_CATEGORIES,
  PARTY_CATEGORY_LABELS,
  PARTY_ID_LABELS,
  PENALTY_CATEGORIES,
  PERMIT_CATEGORIES,
  PERMIT_STATES,
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  type PartyCategory,
  type PartyIdKind,
  type PublicationEntry,
  type PublicationKind,
} from '../../core-bundle/index';

export type FieldType = 'text' | 'textarea' | 'date' | 'choice' | 'multi' | 'toggle' | 'amount';

export interface FormField {
  /** The form's key (no dots: setData paths). */
  key: string;
  /** The entry's path, as the backend names it in `payload.entry.<path>`. */
  path: string;
  label: string;
  type: FieldType;
  options?: Array<{ value: string; label: string }>;
  hint?: string;
  optional?: boolean;
  /** A date field that may be 2099-12-31 (the standard's "indefinite"). */
  indefinite?: boolean;
  kinds?: readonly PublicationKind[];
  parties?: readonly PartyCategory[];
}

export interface FormSection {
  key: string;
  title: string;
  fields: FormField[];
}

const PERSON_ID_KINDS: PartyIdKind[] = ['resident', 'passport', 'hkmo', 'tw', 'hmtResidence', 'foreignPR'];
const idOptions = PERSON_ID_KINDS.map((k) => ({ value: k, label: PARTY_ID_LABELS[k] }));
const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const OTHER = ['coercion', 'inspection', 'levy'] as const;
const BUSINESS = ['organisation', 'individualBusiness'] as const;

export const KIND_OPTIONS = PUBLICATION_KINDS.map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k] }));

const ALL_SECTIONS: FormSection[] = [
  {
    key: 'decision',
    title: '决定',
    fields: [
      { key: 'docNo', path: 'docNo', label: '决定文书号', type: 'text', hint: '如 万卫医罚〔2026〕21号' },
      { key: 'decisionDate', path: 'decisionDate', label: '决定日期', type: 'date' },
      { key: 'authority', path: 'authority', label: '决定机关', type: 'text' },
      { key: 'authorityCode', path: 'authorityCode', label: '决定机关统一社会信用代码', type: 'text' },
      { key: 'sourceUnit', path: 'sourceUnit', label: '数据来源单位', type: 'text' },
      { key: 'sourceUnitCode', path: 'sourceUnitCode', label: '数据来源单位统一社会信用代码', type: 'text' },
    ],
  },
  {
    key: 'party',
    title: '行政相对人',
    fields: [
      {
        key: 'partyCategory',
        path: 'party.category',
        label: '行政相对人类别',
        type: 'choice',
        options: PARTY_CATEGORIES.map((c) => ({ value: c, label: PARTY_CATEGORY_LABELS[c] })),
      },
      {
        key: 'partyName',
        path: 'party.name',
        label: '名称或姓名',
        type: 'text',
        hint: '自然人只公开姓氏（如 张某）',
      },
      {
        key: 'partyCreditCode',
        path: 'party.creditCode',
        label: '统一社会信用代码',
        type: 'text',
        parties: BUSINESS,
        hint: '个体工商户以 92 开头',
      },
      {
        key: 'partyLegalRep',
        path: 'party.legalRep',
        label: '法定代表人（经营者）',
        type: 'text',
        parties: BUSINESS,
      },
      {
        key: 'partyLegalRepIdKind',
        path: 'party.legalRepId.kind',
        label: '法定代表人（经营者）证件类型',
        type: 'choice',
        options: idOptions,
        parties: BUSINESS,
      },
      {
        key: 'partyLegalRepIdNumber',
        path: 'party.legalRepId.number',
        label: '法定代表人（经营者）证件号码',
        type: 'text',
        parties: BUSINESS,
      },
      {
        key: 'partyPersonIdKind',
        path: 'party.personId.kind',
        label: '证件类型',
        type: 'choice',
        options: idOptions,
        parties: ['person'],
      },
      {
        key: 'partyPersonIdNumber',
        path: 'party.personId.number',
        label: '证件号码',
        type: 'text',
        parties: ['person'],
      },
      { key: 'partyAddress', path: 'party.address', label: '地址', type: 'text', optional: true },
      {
        key: 'partyPhone',
        path: 'party.phone',
        label: '联系电话',
        type: 'text',
        optional: true,
        hint: '不公开',
      },
      {
        key: 'partyPremisesConfirmed',
        path: 'party.premisesConfirmed',
        label: '已核实该地址为经营场所（未核实的按住所处理，不公开）',
        type: 'toggle',
        parties: ['individualBusiness'],
      },
      {
        key: 'partyMinor',
        path: 'party.minor',
        label: '当事人为未成年人（一律不公开）',
        type: 'toggle',
        parties: ['person'],
      },
    ],
  },
  {
    key: 'penalty',
    title: '处罚',
    fields: [
      {
        key: 'violationType',
        path: 'violationType',
        label: '违法行为类型',
        type: 'text',
        kinds: ['penalty'],
      },
      { key: 'facts', path: 'facts', label: '违法事实', type: 'textarea', kinds: ['penalty'] },
      { key: 'basis', path: 'basis', label: '处罚依据', type: 'textarea', kinds: ['penalty'] },
      {
        key: 'categories',
        path: 'categories',
        label: '处罚类别（可多选）',
        type: 'multi',
        options: list(PENALTY_CATEGORIES),
        kinds: ['penalty'],
      },
      { key: 'content', path: 'content', label: '处罚内容', type: 'textarea', kinds: ['penalty'] },
      {
        key: 'fine',
        path: 'fine',
        label: '罚款金额（万元）',
        type: 'amount',
        optional: true,
        kinds: ['penalty'],
      },
      {
        key: 'confiscated',
        path: 'confiscated',
        label: '没收违法所得、没收非法财物的金额（万元）',
        type: 'amount',
        optional: true,
        kinds: ['penalty'],
      },
      {
        key: 'licence',
        path: 'licence',
        label: '暂扣或吊销证照名称及编号',
        type: 'text',
        optional: true,
        kinds: ['penalty'],
      },
      {
        key: 'validUntil',
        path: 'validUntil',
        label: '处罚有效期',
        type: 'date',
        indefinite: true,
        kinds: ['penalty'],
      },
      {
        key: 'publicityUntil',
        path: 'publicityUntil',
        label: '公示截止期',
        type: 'date',
        indefinite: true,
        kinds: ['penalty'],
      },
    ],
  },
  {
    key: 'permit',
    title: '许可',
    fields: [
      {
        key: 'permitCategory',
        path: 'permitCategory',
        label: '许可类别',
        type: 'choice',
        options: list(PERMIT_CATEGORIES),
        kinds: ['permit'],
      },
      {
        key: 'certificateName',
        path: 'certificateName',
        label: '许可证书名称',
        type: 'text',
        kinds: ['permit'],
      },
      { key: 'certificateNo', path: 'certificateNo', label: '许可编号', type: 'text', kinds: ['permit'] },
      { key: 'permitContent', path: 'content', label: '许可内容', type: 'textarea', kinds: ['permit'] },
      { key: 'validFrom', path: 'validFrom', label: '有效期自', type: 'date', kinds: ['permit'] },
      {
        key: 'validTo',
        path: 'validTo',
        label: '有效期至',
        type: 'date',
        indefinite: true,
        kinds: ['permit'],
      },
      {
        key: 'permitState',
        path: 'permitState',
        label: '当前状态',
        type: 'choice',
        options: list(PERMIT_STATES),
        kinds: ['permit'],
      },
    ],
  },
  {
    key: 'other',
    title: '结果',
    fields: [
      {
        key: 'category',
        path: 'category',
        label: '类别',
        type: 'text',
        kinds: OTHER,
        hint: '如 查封场所、设施或者财物',
      },
      { key: 'conclusion', path: 'conclusion', label: '结论', type: 'textarea', kinds: OTHER },
      { key: 'otherBasis', path: 'basis', label: '依据', type: 'textarea', optional: true, kinds: OTHER },
      {
        key: 'otherViolationType',
        path: 'violationType',
        label: '违法行为类型',
        type: 'text',
        optional: true,
        kinds: OTHER,
      },
    ],
  },
  {
    key: 'withhold',
    title: '不予公开的情形（如有）',
    fields: [
      { key: 'withholdStateSecret', path: 'withhold.stateSecret', label: '涉及国家秘密', type: 'toggle' },
      {
        key: 'withholdCommercialSecret',
        path: 'withhold.commercialSecret',
        label: '涉及商业秘密',
        type: 'toggle',
      },
      { key: 'withholdPrivacy', path: 'withhold.privacy', label: '涉及个人隐私', type: 'toggle' },
      {
        key: 'withholdSecurityRisk',
        path: 'withhold.securityRisk',
        label: '公开后可能危及国家安全、公共安全、经济安全或社会稳定',
        type: 'toggle',
      },
      { key: 'note', path: 'note', label: '备注', type: 'textarea', optional: true },
    ],
  },
];

export type FormValues = Record<string, string | boolean | Record<string, boolean>>;

/** The sections a kind and party category ask for (fields of other kinds or categories are left out). */
export function formSections(kind: string, party: string): FormSection[] {
  return ALL_SECTIONS.map((s) => ({
    ...s,
    fields: s.fields.filter(
      (f) =>
        (!f.kinds || f.kinds.includes(kind as PublicationKind)) &&
        (!f.parties || f.parties.includes(party as PartyCategory)),
    ),
  })).filter((s) => s.fields.length > 0);
}

const ALL_FIELDS = ALL_SECTIONS.flatMap((s) => s.fields);

export function emptyForm(defaults: { authority?: string } = {}): FormValues {
  const v: FormValues = { kind: 'penalty' };
  for (const f of ALL_FIELDS) v[f.key] = f.type === 'toggle' ? false : f.type === 'multi' ? {} : '';
  v.partyCategory = 'organisation';
  v.partyLegalRepIdKind = 'resident';
  v.partyPersonIdKind = 'resident';
  v.authority = defaults.authority ?? '';
  v.sourceUnit = defaults.authority ?? '';
  return v;
}

function get(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

function set(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/** A stored entry back into the form (edit, correct). */
export function formOf(entry: PublicationEntry): FormValues {
  const v = emptyForm();
  v.kind = entry.kind;
  for (const f of formSections(entry.kind, entry.party.category).flatMap((s) => s.fields)) {
    const x = get(entry, f.path);
    if (f.type === 'multi') v[f.key] = Object.fromEntries(((x as string[]) ?? []).map((c) => [c, true]));
    else if (f.type === 'toggle') v[f.key] = x === true;
    else if (typeof x === 'string') v[f.key] = x;
  }
  return v;
}

/** The entry as the contract takes it: the fields the kind and category ask for, empty ones left out. */
export function entryOf(
  v: FormValues,
  scope: { unitId: string; sectionId: string | null },
): PublicationEntry {
  const kind = String(v.kind);
  const entry: Record<string, unknown> = { kind, unitId: scope.unitId, sectionId: scope.sectionId };
  const fields = formSections(kind, String(v.partyCategory)).flatMap((s) => s.fields);
  for (const f of fields) {
    const x = v[f.key];
    if (f.type === 'toggle') {
      if (x === true) set(entry, f.path, true);
    } else if (f.type === 'multi') {
      const on = (x ?? {}) as Record<string, boolean>;
      set(
        entry,
        f.path,
        (f.options ?? []).map((o) => o.value).filter((o) => on[o]),
      );
    } else {
      // Left empty: left out, so the backend asks for it by name (请填写…) rather than calling it malformed.
      const text = typeof x === 'string' ? x.trim() : '';
      if (text) set(entry, f.path, text);
    }
  }
  // An ID document whose number was not typed is left out whole (a representative's ID is optional; a natural
  // person's is then asked for by the backend).
  const party = entry.party as Record<string, { number?: string } | undefined> | undefined;
  for (const id of ['legalRepId', 'personId'] as const)
    if (party?.[id] && !party[id]!.number) delete party[id];
  // Shaped like an entry, not yet checked: the backend checks it whole (entrySchema) and names each bad field.
  return entry as unknown as PublicationEntry;
}

/**
 * The backend's INVALID_INPUT `fields` (`payload.entry.party.name`) onto the form's keys; the first in the form's
 * order (to scroll to), and the messages of paths no field shows (kept for the banner).
 */
export function formErrors(
  fields: Record<string, string>,
  kind: string,
  party: string,
): { errors: Record<string, string>; first: string; other: string[] } {
  const shown = formSections(kind, party).flatMap((s) => s.fields);
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const [raw, message] of Object.entries(fields)) {
    const path = raw.replace(/^payload\./, '').replace(/^entry\./, '');
    const f =
      shown.find((x) => x.path === path) ??
      shown.find((x) => path.startsWith(`${x.path}.`)) ??
      shown.find((x) => x.path.startsWith(`${path}.`));
    if (f) errors[f.key] ??= message;
    else if (path === 'kind') errors.kind = message;
    else other.push(message);
  }
  const first = errors.kind ? 'kind' : (shown.find((f) => errors[f.key])?.key ?? '');
  return { errors, first, other };
}

/** The anchor id of a field (the page scrolls there). */
export const anchorOf = (key: string) => `f-${key}`;
