/**
 * Full-text publication on the server (PUB-7 second form, seed Art. 16): the parties'
 * known data for the redaction engine, from the entry's own party and, when staff name the case, the case
 * register's party (its sealed ID number opened server-side by the case module, for this only) and its officers; the marks on a
 * text; the public text fixed at approval; the leak scan that blocks publication. Nothing here is logged or
 * answered: the known data exists only inside these calls.
 */
import { applyRemovals, leakScan, redact, REPLACEMENT_LABELS } from '../../../core/redaction';
import type { KnownPartyData, RedactOptions, RedactionKind, Span } from '../../../core/redaction';
import type { FullTextRecord, SpanChoice } from '../../../core/publication/fulltext';
import type { PublicationEntry } from '../../../core/publication/fields';
import { AppError } from '../../errors';
import type { Database } from '../../platform/cloudbase';
import { caseKnownData } from '../case/known-data';
import { currentSettings } from '../../settings';
import type { EntryRecord } from './model';

export interface KnownData {
  known: KnownPartyData[];
  /** Names published under the 双公示 standard (legal representatives, operators): not removed. */
  keepNames: string[];
  /** The commission's own published contacts from the legal settings (kept in any spelling); absent: none set. */
  keep?: RedactOptions['keep'];
}

const some = (...v: Array<string | null | undefined>) => v.filter((x): x is string => !!x && !!x.trim());

/** What the entry itself knows of its party (a natural person's name, ID, phone, home address; a representative's ID). */
export function knownOfEntry(entry: PublicationEntry): KnownData {
  const p = entry.party;
  if (p.category === 'person') {
    return {
      known: [
        {
          names: [p.name],
          idNumbers: some(p.personId?.number),
          phones: some(p.phone),
          addresses: some(p.address),
        },
      ],
      keepNames: [],
    };
  }
  // An organisation's 住所 is kept; an individual business's address only once confirmed as its premises.
  const homeAddress = p.category === 'individualBusiness' && !p.premisesConfirmed ? some(p.address) : [];
  return {
    known: [{ idNumbers: some(p.legalRepId?.number), phones: some(p.phone), addresses: homeAddress }],
    keepNames: some(p.legalRep),
  };
}

/**
 * The case register's known data (PUB-7: officers' names go too; the legal representative stays):
 * found by the unit and case number (index `unitId_caseNo`); unknown case → INVALID_INPUT naming the field.
 */
export async function knownOfCase(db: Database, unitId: string, caseNo: string): Promise<KnownData> {
  const c = await caseKnownData(db, unitId, caseNo);
  if (!c) throw new AppError('INVALID_INPUT', undefined, { 'payload.caseNo': '本单位没有该案件编号的案件' });
  const natural = c.partyKind === 'person' || c.partyKind === 'unregistered';
  const known: KnownPartyData[] = c.officerNames.map((name) => ({ names: [name] }));
  known.push({
    names: natural ? c.partyNames : [],
    idNumbers: some(c.idNo),
    addresses: natural ? some(c.address) : [],
  });
  return { known, keepNames: natural ? [] : some(c.legalRepresentative) };
}

/** The known data for an entry's full text: its party, and the named case's when there is one (the leak scan's list). */
export async function knownDataFor(
  db: Database,
  r: Pick<EntryRecord, 'entry' | 'unitId'>,
  caseNo: string | null,
): Promise<KnownData> {
  const own = knownOfEntry(r.entry);
  if (!caseNo) return own;
  const fromCase = await knownOfCase(db, r.unitId, caseNo);
  return { known: [...own.known, ...fromCase.known], keepNames: [...own.keepNames, ...fromCase.keepNames] };
}

/**
 * What the engine marks with: the known data, and the commission's own published contacts from the legal settings in
 * force at `at` (kept, PUB-7). Only marking needs the settings; the leak scan does not read them.
 */
export async function markingDataFor(
  db: Database,
  r: Pick<EntryRecord, 'entry' | 'unitId'>,
  caseNo: string | null,
  at: Date = new Date(),
): Promise<KnownData> {
  const [known, settings] = await Promise.all([knownDataFor(db, r, caseNo), currentSettings(db, at)]);
  return { ...known, keep: settings.values.authorityContacts };
}

/** The engine's marks on a text (no segmenter hints here: @node-rs/jieba is a native module the functions do not ship). */
export const marksOf = (text: string, k: KnownData) =>
  redact(text, k.known, { keepNames: k.keepNames, keep: k.keep });

/** What a reviewer-added removal shows: a name as its surname + 某, anything else as its bracketed label. */
export function replacementOf(text: string, c: SpanChoice): string {
  return c.kind === 'name'
    ? `${text[c.start] ?? ''}某`
    : REPLACEMENT_LABELS[c.kind as Exclude<RedactionKind, 'name'>];
}

const LEAK_KIND_LABELS: Partial<Record<RedactionKind, string>> = {
  name: '姓名',
  idNumber: '身份证件号码',
  phone: '电话号码',
  homeAddress: '住址',
  email: '电子邮箱',
};

/** Refuses when a public text still holds any of the known data in any spelling (PUB-7: any hit blocks). */
export function refuseLeaks(publicText: string, k: KnownData, what: string): void {
  const hits = leakScan(publicText, k.known);
  if (hits.length === 0) return;
  const kinds = [...new Set(hits.map((h) => LEAK_KIND_LABELS[h.kind] ?? '个人信息'))].join('、');
  throw new AppError('PRECONDITION_FAILED', `${what}仍含当事人的${kinds}，请先删除`);
}

/** The public text of a confirmed full text, checked by the leak scan (called at approval and again at publication). */
export async function fixedPublicText(db: Database, r: EntryRecord): Promise<string | null> {
  const f = r.fullText;
  if (!f?.confirmed) return null;
  const text = applyRemovals(f.text, f.confirmed.removals);
  refuseLeaks(text, await knownDataFor(db, r, f.caseNo), '公开的决定书全文');
  return text;
}

/** A withdrawal reason as published: the engine's removals applied, then the leak scan (PUB-7). */
export async function redactedReason(db: Database, r: EntryRecord, reason: string): Promise<string> {
  const k = await markingDataFor(db, r, r.fullText?.caseNo ?? null);
  const out = applyRemovals(reason, marksOf(reason, k).removals);
  refuseLeaks(out, k, '撤回理由');
  return out;
}

/** The same text marked again with the entry's known data as it is now: a new version, not yet confirmed. */
export async function remarkedFullText(
  db: Database,
  r: Pick<EntryRecord, 'entry' | 'unitId'>,
  f: FullTextRecord,
  now: Date,
): Promise<FullTextRecord> {
  const marks = marksOf(f.text, await markingDataFor(db, r, f.caseNo, now));
  return {
    ...f,
    ...marks,
    version: f.version + 1,
    setAt: now.toISOString(),
    confirmed: null,
    publicText: null,
  };
}

export type { Span };
