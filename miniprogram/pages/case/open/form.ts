/**
 * The open-a-case form's pure part (REC-1; 行政处罚法第四十二条、第五十四条, 行政强制法第十八条、第十九条): kind, case
 * number, cause, the party (one already registered, found by its identifier with party.find, or a new one of the
 * kinds the contract accepts), at least two officers from the unit's register (the backend checks their
 * certificates were valid on the day), the report it comes from, turned into `case.open`'s payload and checked with
 * the contract's own schema (caseOpenInput: the same Chinese messages the function answers with).
 */
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  caseOpenInput,
  issuesToFields,
  OFFICER_STATUS_LABELS,
  PARTY_ID_KIND_LABELS,
  PARTY_ID_KINDS_OF,
  PARTY_KIND_LABELS,
  PARTY_KINDS,
  type CaseKind,
  type CaseOpenInput,
  type OfficerPublicView,
  type PartyIdKind,
  type PartyKind,
  type PartyView,
} from '../../../core-bundle/index';
import { isoOf, type PickedTime } from '../record/form';

export const KIND_OPTIONS = CASE_KINDS.map((key) => ({ key, label: CASE_KIND_LABELS[key] }));
export const PARTY_KIND_OPTIONS = PARTY_KINDS.map((key) => ({ key, label: PARTY_KIND_LABELS[key] }));

/** The identifier kinds a party of this kind may use (the contract's PARTY_ID_KINDS_OF), with their names. */
export function idKindOptions(kind: PartyKind | ''): Array<{ key: PartyIdKind; label: string }> {
  if (!kind) return [];
  return PARTY_ID_KINDS_OF[kind].map((key) => ({ key, label: PARTY_ID_KIND_LABELS[key] }));
}

/** The identifier kinds party.find can look for (every one but 'none': an unregistered operator has no number). */
export const FIND_ID_OPTIONS = (Object.keys(PARTY_ID_KIND_LABELS) as PartyIdKind[])
  .filter((k) => k !== 'none')
  .map((key) => ({ key, label: PARTY_ID_KIND_LABELS[key] }));

export interface NewParty {
  kind: PartyKind | '';
  name: string;
  idKind: PartyIdKind | '';
  idNo: string;
  legalRepresentative: string;
  address: string;
}

export interface OpenForm {
  kind: CaseKind | '';
  caseNo: string;
  cause: string;
  /** Left empty: opened now. */
  opened: PickedTime;
  /** A coercive measure taken first in an emergency (行政强制法第十九条). */
  emergency: boolean;
  /** Certificate numbers picked from the register, in the order picked. */
  officers: string[];
  /** `found`: a registered party (partyId); `new`: entered here. */
  partyMode: 'found' | 'new';
  partyId: string;
  party: NewParty;
  sectionId: string;
  complaintId: string;
}

export function emptyNewParty(): NewParty {
  return { kind: '', name: '', idKind: '', idNo: '', legalRepresentative: '', address: '' };
}

export function emptyOpenForm(complaintId = ''): OpenForm {
  return {
    kind: '',
    caseNo: '',
    cause: '',
    opened: { date: '', time: '' },
    emergency: false,
    officers: [],
    partyMode: 'found',
    partyId: '',
    party: emptyNewParty(),
    sectionId: '',
    complaintId,
  };
}

const opt = (s: string) => (s.trim() ? s : undefined);

export function openPayloadOf(f: OpenForm): Record<string, unknown> {
  const p = f.party;
  return {
    kind: f.kind,
    caseNo: f.caseNo,
    cause: f.cause,
    officers: f.officers,
    ...(f.opened.date ? { openedAt: isoOf(f.opened) } : {}),
    ...(f.kind === 'coercion' && f.emergency ? { emergency: true } : {}),
    ...(f.sectionId ? { sectionId: f.sectionId } : {}),
    ...(f.complaintId ? { complaintId: f.complaintId } : {}),
    ...(f.partyMode === 'found'
      ? f.partyId
        ? { partyId: f.partyId }
        : {}
      : {
          party: {
            kind: p.kind,
            name: p.name,
            idKind: p.kind === 'unregistered' ? 'none' : p.idKind,
            ...(p.kind !== 'unregistered' ? { idNo: p.idNo } : {}),
            ...(opt(p.legalRepresentative) ? { legalRepresentative: p.legalRepresentative } : {}),
            ...(opt(p.address) ? { address: p.address } : {}),
          },
        }),
  };
}

/** `payload.party.idNo` → `party.idNo`; `payload.officers.1` → `officers` (the officer list shows it once). */
export function openFieldKey(path: string): string {
  const key = path.replace(/^payload\./, '');
  return key.startsWith('officers.') ? 'officers' : key;
}

/** The fields the page wraps with an id, top to bottom (the first error scrolled to is the topmost). */
export const OPEN_FIELDS = [
  'kind',
  'caseNo',
  'cause',
  'openedAt',
  'emergency',
  'sectionId',
  'party.kind',
  'party.name',
  'party.idKind',
  'party.idNo',
  'party.legalRepresentative',
  'party.address',
  'party',
  'partyId',
  'officers',
  'complaintId',
];

/** The element id of a field: `party.idNo` → `f-party-idNo`. */
export function openFieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The element to scroll to for an error key: its own wrapper, or the nearest one above it. */
export function openScrollTarget(key: string): string {
  const hit = OPEN_FIELDS.filter((f) => key === f || key.startsWith(`${f}.`)).sort(
    (a, b) => b.length - a.length,
  )[0];
  return `#${openFieldId(hit ?? 'kind')}`;
}

/** The topmost of the keys (page order). */
export function firstOf(keys: string[]): string {
  const rank = (k: string) => {
    const i = OPEN_FIELDS.findIndex((f) => k === f || k.startsWith(`${f}.`));
    return i < 0 ? OPEN_FIELDS.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b))[0] ?? '';
}

/** Field errors answered by the backend (`error.fields`), keyed as the page shows them. */
export function fieldErrorsOf(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {})) {
    const key = openFieldKey(k);
    out[key] = out[key] ? `${out[key]}；${v}` : v;
  }
  return out;
}

const PARTY_NOT_CHOSEN = '请先查找并选择已登记的当事人，或改为登记新当事人';

export type CheckedOpen =
  { ok: true; payload: CaseOpenInput } | { ok: false; errors: Record<string, string>; first: string };

export function checkOpenForm(f: OpenForm): CheckedOpen {
  const errors: Record<string, string> = {};
  if (f.partyMode === 'new' && !f.party.kind) errors['party.kind'] = '请选择当事人类型';
  // Said here as well: the schema's whole-object checks only run once every field passes.
  if (f.partyMode === 'found' && !f.partyId) errors.partyId = PARTY_NOT_CHOSEN;
  const parsed = caseOpenInput.safeParse(openPayloadOf(f));
  if (parsed.success && !Object.keys(errors).length) return { ok: true, payload: parsed.data };
  if (!parsed.success) {
    for (const [path, message] of Object.entries(issuesToFields(parsed.error.issues))) {
      const key = openFieldKey(path);
      if (!errors[key]) errors[key] = message;
    }
  }
  // The party left out: in "registered" mode the officer is told to find one first.
  if (errors.party && f.partyMode === 'found') {
    delete errors.party;
    errors.partyId = PARTY_NOT_CHOSEN;
  }
  if (errors.kind) errors.kind = '请选择案件类型';
  // A field left empty is asked for, not measured ("案号至少 4 个字" reads oddly for nothing written).
  const empty: Array<[string, string, string]> = [
    ['caseNo', f.caseNo, '案号'],
    ['cause', f.cause, '案由'],
    ['party.name', f.party.name, f.party.kind === 'person' ? '姓名' : '当事人名称'],
    ['party.idNo', f.party.idNo, '证件号码'],
  ];
  for (const [key, value, label] of empty) if (errors[key] && !value.trim()) errors[key] = `请填写${label}`;
  if (errors.openedAt && !f.opened.date) delete errors.openedAt;
  return { ok: false, errors, first: firstOf(Object.keys(errors)) };
}

export interface OfficerOption {
  certNo: string;
  name: string;
  /** 有效 / 已暂扣 …; only a valid certificate can be picked (the backend checks the day again). */
  statusLabel: string;
  selectable: boolean;
  selected: boolean;
}

export function officerOptions(
  list: readonly OfficerPublicView[],
  selected: readonly string[],
): OfficerOption[] {
  return list.map((o) => ({
    certNo: o.certNo,
    name: o.name,
    statusLabel: OFFICER_STATUS_LABELS[o.status] ?? '',
    selectable: o.status === 'active',
    selected: selected.includes(o.certNo),
  }));
}

/** Picks or unpicks one officer (at most 6, as the contract allows). */
export function toggleOfficer(selected: readonly string[], certNo: string): string[] {
  if (selected.includes(certNo)) return selected.filter((c) => c !== certNo);
  return selected.length >= 6 ? [...selected] : [...selected, certNo];
}

/** A found party as the page shows it (the number masked by the backend; never the number itself). */
export function partyLine(p: PartyView): { name: string; detail: string } {
  const idLabel = PARTY_ID_KIND_LABELS[p.idKind] ?? '';
  return {
    name: p.name,
    detail: [
      PARTY_KIND_LABELS[p.kind],
      p.idMasked ? `${idLabel} ${p.idMasked}` : idLabel,
      p.legalRepresentative ? `法定代表人（负责人）${p.legalRepresentative}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  };
}
