/**
 * What the case register knows about a case's natural persons, for the redaction of a published decision's full
 * text only (PUB-7; server/features/publication/fulltext.ts): the party's name, its ID number (the
 * sealed number opened here, server-side, never answered or logged), its address, the legal representative (whose
 * name is published), and the officers' names. Found by the unit and case number (index `unitId_caseNo`).
 */
import type { PartyKind } from '../../../core/case/stages';
import type { Database } from '../../platform/cloudbase';
import { firstMatch, getDoc } from '../../platform/docs';
import { openPersonalData } from '../../privacy';
import { CASES_COLLECTION, PARTIES_COLLECTION, partySealRef, type CaseDoc, type PartyDoc } from './model';

export interface CaseKnownData {
  partyKind: PartyKind | null;
  partyNames: string[];
  idNo: string | null;
  address: string | null;
  legalRepresentative: string | null;
  officerNames: string[];
}

/** Null when the unit has no case of that number. */
export async function caseKnownData(
  db: Database,
  unitId: string,
  caseNo: string,
): Promise<CaseKnownData | null> {
  const c = await firstMatch<CaseDoc>(db, CASES_COLLECTION, { unitId, caseNo });
  if (!c) return null;
  const party = await getDoc<PartyDoc>(db, PARTIES_COLLECTION, c.partyId);
  const opened = party?.idSealed
    ? await openPersonalData<{ idNo?: string }>(db, partySealRef(party._id), party.idSealed)
    : null;
  return {
    partyKind: party?.kind ?? null,
    partyNames: [...new Set([party?.name, c.partyName].filter((n): n is string => !!n))],
    idNo: opened?.idNo ?? null,
    address: party?.address ?? null,
    legalRepresentative: party?.legalRepresentative ?? null,
    officerNames: c.officers.map((o) => o.name).filter(Boolean),
  };
}
