/**
 * Parties as entities across cases (docs/cases.md; 细则第二十条): an organisation by its unified social credit
 * code, a person by resident ID or passport or permit, an individual business, or an unregistered operator with
 * no number. The number is validated (core/party/ids.ts), sealed with the party's own key (server/privacy), never
 * logged, and found through a keyed hash of kind and number (a blind index), never by decrypting. The party's id
 * follows from the blind index, so the same number always names the same party.
 */
import type { PartyInput, PartyView } from '../../../core/contract/case';
import { validatePartyId, type PartyIdKind } from '../../../core/party/ids';
import { AppError } from '../../errors';
import type { EntityWrite } from '../../ledger/commit';
import type { Database } from '../../platform/cloudbase';
import { saltedRef } from '../../platform/crypto';
import { firstMatch, getDoc } from '../../platform/docs';
import type { IdSource } from '../../platform/ids';
import { sealPersonalData } from '../../privacy';
import { PARTIES_COLLECTION, partySealRef, type PartyDoc } from './model';

/** The blind index of an identifier (HMAC with the deployment's secret salt): equal numbers, equal index. */
export function blindIndexOf(idKind: PartyIdKind, normalized: string): string {
  return saltedRef('party-id', `${idKind}:${normalized}`);
}

/** First two and last two characters; the rest hidden. */
export function maskId(normalized: string): string {
  if (normalized.length <= 4) return '*'.repeat(normalized.length);
  return normalized.slice(0, 2) + '*'.repeat(normalized.length - 4) + normalized.slice(-2);
}

function normalizedOrRefuse(idKind: PartyIdKind, idNo: string | undefined, field: string): string {
  const checked = validatePartyId(idKind, idNo ?? '');
  if (!checked.ok) throw new AppError('INVALID_INPUT', undefined, { [field]: checked.message });
  return checked.normalized;
}

export async function findPartyByNumber(
  db: Database,
  idKind: PartyIdKind,
  idNo: string,
  field = 'payload.idNo',
): Promise<PartyDoc | null> {
  const normalized = normalizedOrRefuse(idKind, idNo, field);
  return firstMatch<PartyDoc>(db, PARTIES_COLLECTION, { blindIndex: blindIndexOf(idKind, normalized) });
}

export const getParty = (db: Database, id: string) => getDoc<PartyDoc>(db, PARTIES_COLLECTION, id);

/**
 * The party a new case names: found by its number, or made (its write to commit with the case). An unregistered
 * operator has no number: each is a party of its own (ids from the request, so a retry finds the same one).
 */
export async function resolveParty(
  call: { db: Database; now: Date; ids: IdSource },
  input: PartyInput,
): Promise<{ party: PartyDoc | null; id: string; name: string; write: EntityWrite | null }> {
  const { db, now } = call;
  let id: string;
  let blindIndex: string | null = null;
  let normalized = '';
  if (input.idKind === 'none') {
    id = call.ids.newId('pty', 'party', 24);
  } else {
    normalized = normalizedOrRefuse(input.idKind, input.idNo, 'payload.party.idNo');
    blindIndex = blindIndexOf(input.idKind, normalized);
    id = 'pty_' + blindIndex.split(':')[1]!.slice(0, 24);
  }
  const existing = await getParty(db, id);
  if (existing) return { party: existing, id, name: input.name, write: null };
  const state: Omit<PartyDoc, '_id' | '_rev'> = {
    kind: input.kind,
    name: input.name,
    idKind: input.idKind,
    idSealed: normalized ? await sealPersonalData(db, partySealRef(id), { idNo: normalized }, now) : null,
    idMasked: normalized ? maskId(normalized) : null,
    blindIndex,
    legalRepresentative: input.legalRepresentative ?? null,
    address: input.address ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return {
    party: null,
    id,
    name: input.name,
    write: { collection: PARTIES_COLLECTION, id, expectedRev: null, state },
  };
}

export function partyView(
  p: Pick<PartyDoc, '_id' | 'kind' | 'name' | 'idKind' | 'idMasked' | 'legalRepresentative'>,
): PartyView {
  return {
    id: p._id,
    kind: p.kind,
    name: p.name,
    idKind: p.idKind,
    idMasked: p.idMasked,
    legalRepresentative: p.legalRepresentative,
  };
}
