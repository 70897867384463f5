/**
 * Known data first (PUB-7): every spelling of what the case already knows about its natural persons
 * (names, former names, ID numbers, phones, e-mails, addresses) is found, whatever the widths, spaces and
 * separators. 100% is the bar, so this errs on the side of removing. Pure.
 */
import { personPublicName } from '../publication/names';
import { compact, compactView, indexesOf, originalRange, type NormalizedView } from './normalize';
import { REPLACEMENT_LABELS, type KnownPartyData, type RedactionKind, type Span } from './types';

interface Needle {
  value: string;
  kind: RedactionKind;
  replacement: string;
}

/** White space (and middle dots) dropped, widths folded: the view names are looked for in (`曾 向 东`). */
export function nameView(text: string): NormalizedView {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\s\u3000]/.test(ch)) continue;
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

/** The 15-digit first-generation number an 18-digit resident ID was issued from (century and check dropped). */
function oldIdOf(id: string): string | null {
  return /^\d{6}(18|19|20)\d{9}[\dX]$/.test(id) ? id.slice(0, 6) + id.slice(8, 17) : null;
}

/** A phone's spellings in compact form: as given, without +86/0086, and a landline without its area code. */
export function phoneVariants(phone: string): string[] {
  let p = compact(phone).replace(/^\+/, '');
  if (/^(0086|86)1\d{10}$/.test(p)) p = p.replace(/^(0086|86)/, '');
  if (/^(0086|86)0?[1-9]\d{8,10}$/.test(p) && p.length > 11) p = '0' + p.replace(/^(0086|86)0?/, '');
  const out = new Set([p]);
  const landline = /^0(10|2\d|[3-9]\d{2})(\d{7,8})$/.exec(p);
  if (landline) out.add(landline[2]!);
  return [...out].filter((v) => v.length >= 7);
}

/** Administrative prefixes an address is often written without (重庆市万州区… → 万州区… → 熊家镇…). */
const ADMIN_PREFIX =
  /^[\u4e00-\u9fa5]{1,10}?(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗|镇|乡|街道|办事处)/;

/** An address's spellings in compact form: as given and with its leading administrative levels dropped. */
export function addressVariants(address: string): string[] {
  const out: string[] = [];
  let rest = compact(address);
  while (rest.length >= 6) {
    out.push(rest);
    const m = ADMIN_PREFIX.exec(rest);
    if (!m || m[0].length === rest.length) break;
    rest = rest.slice(m[0].length);
  }
  return out;
}

function needlesOf(known: readonly KnownPartyData[]): { names: Needle[]; compactNeedles: Needle[] } {
  const names: Needle[] = [];
  const compactNeedles: Needle[] = [];
  for (const party of known) {
    for (const raw of [...(party.names ?? []), ...(party.formerNames ?? [])]) {
      const value = raw.replace(/[\s\u3000]/g, '');
      if (value.length >= 2) names.push({ value, kind: 'name', replacement: personPublicName(value) });
    }
    for (const raw of party.idNumbers ?? []) {
      const id = compact(raw);
      const label = REPLACEMENT_LABELS.idNumber;
      if (id.length >= 6) compactNeedles.push({ value: id, kind: 'idNumber', replacement: label });
      const old = oldIdOf(id);
      if (old) compactNeedles.push({ value: old, kind: 'idNumber', replacement: label });
    }
    for (const raw of party.phones ?? []) {
      for (const value of phoneVariants(raw)) {
        compactNeedles.push({ value, kind: 'phone', replacement: REPLACEMENT_LABELS.phone });
      }
    }
    for (const raw of party.emails ?? []) {
      const value = compact(raw);
      if (value) compactNeedles.push({ value, kind: 'email', replacement: REPLACEMENT_LABELS.email });
    }
    for (const raw of party.addresses ?? []) {
      for (const value of addressVariants(raw)) {
        compactNeedles.push({ value, kind: 'homeAddress', replacement: REPLACEMENT_LABELS.homeAddress });
      }
    }
  }
  return { names, compactNeedles };
}

/** Every occurrence of the known data in `text`, as removal spans (may overlap; the caller merges). */
export function findKnown(text: string, known: readonly KnownPartyData[]): Span[] {
  const { names, compactNeedles } = needlesOf(known);
  const spans: Span[] = [];
  if (names.length) {
    const view = nameView(text);
    for (const n of names) {
      for (const i of indexesOf(view.text, n.value)) {
        spans.push({
          ...originalRange(view, i, i + n.value.length),
          kind: n.kind,
          replacement: n.replacement,
          source: 'known',
        });
      }
    }
  }
  if (compactNeedles.length) {
    const view = compactView(text);
    for (const n of compactNeedles) {
      for (const i of indexesOf(view.text, n.value)) {
        spans.push({
          ...originalRange(view, i, i + n.value.length),
          kind: n.kind,
          replacement: n.replacement,
          source: 'known',
        });
      }
    }
  }
  return spans;
}
