/**
 * The party's identifiers in an entry are sealed at rest (PIPL Art. 19, 47; the design "Data rules"): the ID numbers
 * (a natural person's, the representative's: CF_XDR_ZJHM, CF_FR_ZJHM), the phone and the address are kept on the
 * stored entry only as `partySealed`, encrypted with the entry's own key (server/privacy, like the case register's
 * parties and complaint contacts), so deleting that key erases them without breaking the ledger. The rest of the
 * party (category, name, credit code, representative's name, flags) stays readable: the queues and the public
 * projection need it. The server opens an entry when it loads it (the disclosure rules read the ID's birth date,
 * the public projection scrubs the identifiers from free text) and seals it again on every write; the staff view
 * shows the identifiers only to the roles that prepare and decide (`IDENTIFIER_ROLES`).
 */
import { holdsFor } from '../../../core/org/scope';
import type { Role } from '../../../core/org/roles';
import type { PublicationEntry } from '../../../core/publication/fields';
import { approvalUnitOf } from '../../../core/publication/workflow';
import type { WorkflowActor } from '../../../core/workflow/define';
import type { Database } from '../../platform/cloudbase';
import { openPersonalData, sealPersonalData, type SealedPersonalData } from '../../privacy';
import { ENTRIES_COLLECTION } from './model';

/** The data key's record reference of an entry (the ciphertext is bound to it). */
export const entrySealRef = (id: string): string => `${ENTRIES_COLLECTION}/${id}`;

const SEALED_KEYS = ['personId', 'legalRepId', 'address', 'phone'] as const;
type Sealed = Partial<Pick<PublicationEntry['party'], (typeof SEALED_KEYS)[number]>>;

/** Who reads the identifiers unsealed: the section's officers (and the preparer), its reviewer, the principal. */
export const IDENTIFIER_ROLES = ['officer', 'reviewer', 'principal'] as const satisfies readonly Role[];

interface WithEntry {
  entry: PublicationEntry;
  partySealed?: SealedPersonalData | null;
}

const hasOpenKeys = (party: PublicationEntry['party']) => SEALED_KEYS.some((k) => party[k] !== undefined);

/**
 * The state as stored: the identifiers moved out of `entry.party` into `partySealed` (null when there are none).
 * Only ever given an opened state (openEntry, or a new entry): its identifiers are all there is.
 */
export async function sealEntry<S extends WithEntry>(
  db: Database,
  id: string,
  state: S,
  now: Date,
): Promise<S> {
  const party = { ...state.entry.party };
  const secret: Sealed = {};
  for (const k of SEALED_KEYS) {
    if (party[k] !== undefined) (secret as Record<string, unknown>)[k] = party[k];
    delete party[k];
  }
  if (Object.keys(secret).length === 0)
    return { ...state, entry: { ...state.entry, party }, partySealed: null };
  return {
    ...state,
    entry: { ...state.entry, party },
    partySealed: await sealPersonalData(db, entrySealRef(id), secret, now),
  };
}

/** The record with its party's identifiers opened (unchanged when nothing is sealed or it is open already). */
export async function openEntry<R extends WithEntry & { _id: string }>(db: Database, r: R): Promise<R> {
  if (!r.partySealed || hasOpenKeys(r.entry.party)) return r;
  const opened = (await openPersonalData<Sealed>(db, entrySealRef(r._id), r.partySealed)) ?? {};
  return { ...r, entry: { ...r.entry, party: { ...r.entry.party, ...opened } } };
}

/** First two and last two characters; the rest hidden. */
const mask = (v: string) =>
  v.length <= 4 ? '*'.repeat(v.length) : v.slice(0, 2) + '*'.repeat(v.length - 4) + v.slice(-2);

/**
 * The entry as the staff view shows it to `actor`: whole for the roles that prepare and decide, the identifiers
 * masked for the others who may see the entry (the office's 公示专员, the auditor).
 */
export function entryFor(
  actor: WorkflowActor,
  r: {
    entry: PublicationEntry;
    unitId: string;
    sectionId: string | null;
    preparedBy: string;
    approvalUnitId?: string | null;
  },
): { entry: PublicationEntry; identifiersHidden: boolean } {
  const whole =
    actor.ref === r.preparedBy ||
    holdsFor(actor, IDENTIFIER_ROLES, r.unitId, r.sectionId ? [r.sectionId] : []) ||
    // The commission principal who approves the enforcement unit's entries (core/publication/workflow.ts).
    holdsFor(actor, ['principal'], approvalUnitOf(r), []);
  if (whole) return { entry: r.entry, identifiersHidden: false };
  const p = r.entry.party;
  const party = {
    ...p,
    ...(p.personId ? { personId: { ...p.personId, number: mask(p.personId.number) } } : {}),
    ...(p.legalRepId ? { legalRepId: { ...p.legalRepId, number: mask(p.legalRepId.number) } } : {}),
    ...(p.phone ? { phone: mask(p.phone) } : {}),
    ...(p.address && !(p.category === 'individualBusiness' && p.premisesConfirmed)
      ? { address: '（已隐藏）' }
      : {}),
  };
  return { entry: { ...r.entry, party }, identifiersHidden: true };
}
