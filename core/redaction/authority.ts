/**
 * The authority's own published contacts (PUB-7: kept, not personal data): its phone numbers, e-mail addresses,
 * fine-collection accounts and office addresses, given as configuration (`RedactOptions.keep`, from the legal
 * settings) rather than guessed from the words around them. A removal by pattern or context whose text is one of
 * them in any spelling (widths folded, spaces and separators dropped, +86 or the area code present or not) is
 * dropped; the parties' known data always stays removed. Pure.
 */
import { compact } from './normalize';
import type { RedactOptions, Span } from './types';

type Keep = NonNullable<RedactOptions['keep']>;

/** A phone's comparable digits: country code dropped (+86, 0086). */
function phoneDigits(v: string): string {
  return compact(v)
    .replace(/[^0-9]/g, '')
    .replace(/^(?:0086|86)(?=1\d{10}$|0\d{9,11}$)/, '');
}

function samePhone(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return false;
  if (a === b) return true;
  // 023-68780123 written 68780123: the local number without its area code.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return /^0\d{2,3}$/.test(long.slice(0, long.length - short.length)) && long.endsWith(short);
}

/** Removals that are not the authority's own published contacts. */
export function withoutAuthority(text: string, removals: readonly Span[], keep: Keep | undefined): Span[] {
  if (!keep) return [...removals];
  const phones = (keep.phones ?? []).map(phoneDigits).filter((p) => p.length >= 7);
  const emails = (keep.emails ?? []).map((e) => compact(e)).filter(Boolean);
  const accounts = (keep.accounts ?? [])
    .map((a) => compact(a).replace(/[^0-9A-Z]/g, ''))
    .filter((a) => a.length >= 6);
  const addresses = (keep.addresses ?? []).map((a) => compact(a)).filter((a) => a.length >= 4);
  return removals.filter((r) => {
    if (r.source === 'known' || r.source === 'reviewer') return true;
    const v = text.slice(r.start, r.end);
    switch (r.kind) {
      case 'phone':
        return !phones.some((p) => samePhone(p, phoneDigits(v)));
      case 'email':
        return !emails.includes(compact(v));
      case 'bankAccount':
      case 'idNumber': {
        const digits = compact(v).replace(/[^0-9A-Z]/g, '');
        return !accounts.includes(digits);
      }
      case 'homeAddress': {
        const a = compact(v);
        return !addresses.some((k) => k === a || (a.length >= 6 && k.endsWith(a)));
      }
      default:
        return true;
    }
  });
}
