/**
 * The public projection of an entry (PUB-7 first form, seed Art. 16): the summary, and the
 * ONLY thing public lists, search tokens, filters and counts are built from. It holds the document number, the
 * authority, the party's public name (natural person: surname + 某; organisation: its name; individual business:
 * its registered name, and its address only where staff confirmed it is business premises - otherwise it counts as
 * a home address), the violation type, the basis, the decision and amounts, and the date.
 *
 * No natural person's full name, ID number, phone or home address enters it (法释〔2016〕19号 Art. 8-10;
 * 个人信息保护法 Art. 6, 55): free text copied from the decision is scrubbed of the party's and the legal
 * representative's names (→ 张某), their ID numbers, phones and addresses, and of anything shaped like an ID or a
 * phone number. Pure.
 */
import { ENTRY_KIND_LABELS, type EntryKind, type PublicationEntry } from './fields';
import { personPublicName } from './names';

export interface PublicView {
  kind: EntryKind;
  kindLabel: string;
  docNo: string;
  authority: string;
  partyName: string;
  /** Only an individual business's confirmed business premises. */
  partyAddress: string | null;
  violationType: string | null;
  basis: string | null;
  /** Penalty categories, or the permit / measure category. */
  categories: string[];
  /** What was decided: 处罚内容, 许可内容, or the measure's conclusion. */
  decision: string;
  /** 万元 as decimal text. */
  fine: string | null;
  confiscated: string | null;
  /** Permits: certificate name and validity; an organisation's licence number. */
  certificate: { name: string; no: string | null; validFrom: string; validTo: string } | null;
  decisionDate: string;
}

const MASK = '＊＊';
/** Shapes of personal numbers, wherever they appear: an 18-character ID, a mobile or a landline number. */
const ID_SHAPE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_SHAPE = /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LANDLINE_SHAPE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** The replacements for an entry's personal data (longest first, so a name inside an address goes with it). */
function secretsOf(entry: PublicationEntry): Array<[string, string]> {
  const p = entry.party;
  const out: Array<[string, string]> = [];
  const person = (name: string | undefined) => {
    if (name && [...name.trim()].length >= 2) out.push([name.trim(), personPublicName(name)]);
  };
  if (p.category === 'person') person(p.name);
  person(p.legalRep);
  for (const id of [p.personId, p.legalRepId]) {
    if (id && id.number.trim().length >= 5) out.push([id.number.trim(), MASK]);
  }
  if (p.phone && p.phone.replace(/\D/g, '').length >= 7) out.push([p.phone.trim(), MASK]);
  const addressPublic = p.category === 'individualBusiness' && p.premisesConfirmed;
  if (p.address && !addressPublic && [...p.address.trim()].length >= 3) out.push([p.address.trim(), MASK]);
  return out.sort((a, b) => b[0].length - a[0].length);
}

/**
 * Replaces every secret until none is left: each pass removes characters that are not 某 or ＊, so it ends, and
 * a name cannot reappear across the edge of a replacement.
 */
export function scrub(text: string, secrets: ReadonlyArray<[string, string]>): string {
  // Full-width digits and letters (Chinese input methods) are read as ASCII, so a number typed either way is found.
  let out = text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(ID_SHAPE, MASK)
    .replace(MOBILE_SHAPE, MASK)
    .replace(LANDLINE_SHAPE, MASK);
  for (let changed = true; changed;) {
    changed = false;
    for (const [secret, replacement] of secrets) {
      if (out.includes(secret)) {
        out = out.split(secret).join(replacement);
        changed = true;
      }
    }
  }
  return out;
}

export function publicPartyName(entry: PublicationEntry): string {
  return entry.party.category === 'person' ? personPublicName(entry.party.name) : entry.party.name;
}

export function publicView(entry: PublicationEntry): PublicView {
  const secrets = secretsOf(entry);
  const s = (v: string) => scrub(v, secrets);
  const sn = (v: string | undefined | null) => (v ? s(v) : null);
  const p = entry.party;
  const base = {
    kind: entry.kind,
    kindLabel: ENTRY_KIND_LABELS[entry.kind],
    docNo: s(entry.docNo),
    authority: s(entry.authority),
    partyName: p.category === 'person' ? personPublicName(p.name) : s(p.name),
    partyAddress:
      p.category === 'individualBusiness' && p.premisesConfirmed && p.address ? s(p.address) : null,
    decisionDate: entry.decisionDate,
  };
  switch (entry.kind) {
    case 'penalty':
      return {
        ...base,
        violationType: s(entry.violationType),
        basis: s(entry.basis),
        categories: [...entry.categories],
        decision: s(entry.content),
        fine: entry.fine ?? null,
        confiscated: entry.confiscated ?? null,
        certificate: null,
      };
    case 'permit':
      return {
        ...base,
        violationType: null,
        basis: null,
        categories: [entry.permitCategory],
        decision: s(entry.content),
        fine: null,
        confiscated: null,
        certificate: {
          name: s(entry.certificateName),
          // A natural person's certificate number identifies them; an organisation's licence number is public.
          no: p.category === 'person' ? null : s(entry.certificateNo),
          validFrom: entry.validFrom,
          validTo: entry.validTo,
        },
      };
    default:
      return {
        ...base,
        violationType: sn(entry.violationType),
        basis: sn(entry.basis),
        categories: [s(entry.category)],
        decision: s(entry.conclusion),
        fine: null,
        confiscated: null,
        certificate: null,
      };
  }
}

/** What stays on the list after a withdrawal (item 7; PUB-13): document number, date and reason, no content. */
export interface WithdrawalNotice {
  docNo: string;
  withdrawnOn: string;
  reason: string;
}

export function withdrawalNotice(
  entry: PublicationEntry,
  withdrawnOn: string,
  reason: string,
): WithdrawalNotice {
  const secrets = secretsOf(entry);
  return { docNo: scrub(entry.docNo, secrets), withdrawnOn, reason: scrub(reason, secrets) };
}
