/**
 * Complaints about enforcement conduct (category `CONDUCT_CATEGORY`: an officer's or the enforcement unit's own
 * conduct) go to the commission's oversight section (法规与综合监督科, section kind `oversight`), never to the unit
 * complained about. The officer concerned is identified as the complainant gave them (certificate number, name,
 * or both) and matched against the officer register (certificate → linked account) and the staff accounts (same
 * name, every match: a namesake is kept off the matter rather than risk the officer concerned handling it). The
 * matched accounts are the record's `conduct.concernedStaffIds`, which the workflow's guards read
 * (core/complaint/workflow.ts `concerned`): they never see the record, never handle it, never see the identity.
 */
import { isConductCategory, type OfficerConcerned } from '../../../core/contract/complaint';
import { AppError } from '../../errors';
import { activeAccounts } from '../../org/accounts';
import { firstUnitOfKind, listSections } from '../../org/units';
import type { Database } from '../../platform/cloudbase';
import { findOfficerByCertNo } from '../officer/repository';
import type { ConductMark } from './model';
import { handlingUnitId } from './repository';

/** The staff accounts the officer as given matches: the certificate's linked account, accounts of that name. */
export async function matchConcerned(db: Database, given: OfficerConcerned | null): Promise<string[]> {
  const ids = new Set<string>();
  if (given?.certNo) {
    const officer = await findOfficerByCertNo(db, given.certNo);
    if (officer?.staffId) ids.add(officer.staffId);
  }
  if (given?.name) {
    for (const account of await activeAccounts(db)) if (account.name === given.name) ids.add(account._id);
  }
  return [...ids].sort();
}

export interface Routing {
  unitId: string;
  sectionIds: string[];
  conduct: ConductMark | null;
}

/**
 * Where a new complaint goes: a conduct complaint to the commission's oversight section (the whole commission's
 * handling roles when it has none yet), anything else to the enforcement unit, unassigned.
 */
export async function routeComplaint(
  db: Database,
  input: { category: string; officer?: OfficerConcerned },
): Promise<Routing> {
  if (!isConductCategory(input.category)) {
    return { unitId: await handlingUnitId(db), sectionIds: [], conduct: null };
  }
  const commission = await firstUnitOfKind(db, 'commission');
  if (!commission) throw new AppError('PRECONDITION_FAILED', '受理机构尚未配置，请稍后再试');
  const oversight = (await listSections(db, commission._id)).find((s) => s.kind === 'oversight');
  const given = input.officer && (input.officer.certNo || input.officer.name) ? input.officer : null;
  return {
    unitId: commission._id,
    sectionIds: oversight ? [oversight._id] : [],
    conduct: { officerGiven: given, concernedStaffIds: await matchConcerned(db, given) },
  };
}
