/**
 * Units and sections: the commission (委机关) with its office and sections, and its
 * enforcement unit (综合行政执法支队) with its departments. Every change goes through commitChange (on the ledger).
 */
import { SECTION_KINDS, UNIT_KINDS, type SectionKind, type UnitKind } from '../../core/org/units';
import { normalizeIdInput, validatePartyId } from '../../core/party/ids';
import { AppError } from '../errors';
import { commitChange } from '../ledger/commit';
import type { Database } from '../platform/cloudbase';
import type { ChangeContext } from './change';
import { STAFF_COLLECTION, type StaffAccount } from './accounts';
import { findAll, firstMatch, getDoc, stateOf } from '../platform/docs';

export const UNITS_COLLECTION = 'org_units';
export const SECTIONS_COLLECTION = 'org_sections';

export { SECTION_KINDS, UNIT_KINDS, type SectionKind, type UnitKind } from '../../core/org/units';

export interface OrgUnit {
  _id: string;
  _rev: number;
  name: string;
  kind: UnitKind;
  /** The commission for its enforcement unit; null for the commission. */
  parentUnitId: string | null;
  /**
   * The unit's 统一社会信用代码 (GB 32100-2015, check character verified): the authority's and data source's code
   * of the 双公示 entries it publishes (CF_XZJG_TYSHXYDM, CF_SJLY_TYSHXYDM). null: not recorded yet.
   */
  creditCode?: string | null;
  /** The unit head (主要领导 of the commission, 支队长 of the enforcement unit); null until appointed. */
  headStaffId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrgSection {
  _id: string;
  _rev: number;
  unitId: string;
  name: string;
  kind: SectionKind;
  createdAt: Date;
  updatedAt: Date;
}

export type { ChangeContext } from './change';

export const getUnit = (db: Database, id: string) => getDoc<OrgUnit>(db, UNITS_COLLECTION, id);
export const getSection = (db: Database, id: string) => getDoc<OrgSection>(db, SECTIONS_COLLECTION, id);

export async function requireUnit(db: Database, id: string): Promise<OrgUnit> {
  const unit = await getUnit(db, id);
  if (!unit) throw new AppError('NOT_FOUND', '未找到该单位');
  return unit;
}

export async function requireSection(db: Database, id: string): Promise<OrgSection> {
  const section = await getSection(db, id);
  if (!section) throw new AppError('NOT_FOUND', '未找到该科室');
  return section;
}

/** The first unit of a kind (there is one commission and one enforcement unit), or null before bootstrap. */
export const firstUnitOfKind = (db: Database, kind: UnitKind) =>
  firstMatch<OrgUnit>(db, UNITS_COLLECTION, { kind });

export async function listUnits(db: Database): Promise<OrgUnit[]> {
  const units = await findAll<OrgUnit>(db, UNITS_COLLECTION, { kind: db.command.in([...UNIT_KINDS]) });
  return units.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
}

export async function listSections(db: Database, unitId?: string): Promise<OrgSection[]> {
  const filter = unitId ? { unitId } : { kind: db.command.in([...SECTION_KINDS]) };
  const sections = await findAll<OrgSection>(db, SECTIONS_COLLECTION, filter);
  const order: Record<SectionKind, number> = { office: 0, oversight: 1, section: 1, department: 2 };
  return sections.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'zh'));
}

export async function createUnit(
  c: ChangeContext,
  input: {
    id: string;
    name: string;
    kind: UnitKind;
    parentUnitId?: string | null;
    creditCode?: string | null;
  },
): Promise<OrgUnit> {
  const parentUnitId = input.parentUnitId ?? null;
  let creditCode: string | null = null;
  if (input.creditCode) {
    const r = validatePartyId('uscc', normalizeIdInput(input.creditCode));
    if (!r.ok) throw new AppError('INVALID_INPUT', undefined, { 'payload.creditCode': r.message });
    creditCode = r.normalized;
  }
  if (input.kind === 'enforcement' && !parentUnitId) {
    throw new AppError('INVALID_INPUT', '执法单位须属于委机关', {
      'payload.parentUnitId': '请填写上级单位编号（委机关）',
    });
  }
  if (parentUnitId) {
    const parent = await requireUnit(c.db, parentUnitId);
    if (parent.kind !== 'commission')
      throw new AppError('INVALID_INPUT', undefined, { 'payload.parentUnitId': '上级单位须为委机关' });
  }
  const state = {
    name: input.name,
    kind: input.kind,
    parentUnitId,
    creditCode,
    headStaffId: null,
    createdAt: c.now,
    updatedAt: c.now,
  };
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.createUnit',
    at: c.now,
    entities: [{ collection: UNITS_COLLECTION, id: input.id, expectedRev: null, state }],
  });
  return done!.doc as unknown as OrgUnit;
}

export async function createSection(
  c: ChangeContext,
  input: { id: string; unitId: string; name: string; kind: SectionKind },
): Promise<OrgSection> {
  const unit = await requireUnit(c.db, input.unitId);
  if (input.kind === 'department' && unit.kind !== 'enforcement') {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.kind': '科室类型不对：委机关下设办公室或科室，不设执法部门',
    });
  }
  if (input.kind !== 'department' && unit.kind === 'enforcement') {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.kind': '科室类型不对：执法支队下设部门（department）',
    });
  }
  const state = { unitId: unit._id, name: input.name, kind: input.kind, createdAt: c.now, updatedAt: c.now };
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.createSection',
    at: c.now,
    entities: [{ collection: SECTIONS_COLLECTION, id: input.id, expectedRev: null, state }],
  });
  return done!.doc as unknown as OrgSection;
}

/** Appoints the unit head; the head must be an account of that unit holding `principal` there (granted, approved). */
export async function setUnitHead(
  c: ChangeContext,
  unitId: string,
  headStaffId: string | null,
): Promise<OrgUnit> {
  const unit = await requireUnit(c.db, unitId);
  if (headStaffId) {
    const head = await getDoc<StaffAccount>(c.db, STAFF_COLLECTION, headStaffId);
    if (!head) throw new AppError('NOT_FOUND', '未找到该工作人员账号');
    if (head.status !== 'active' || !head.roles.some((g) => g.role === 'principal' && g.unitId === unitId)) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `${head.name}须为在岗账号并已获授该单位的主要领导（principal）角色`,
      );
    }
  }
  const [done] = await commitChange(c.db, {
    actor: c.actor,
    action: 'org.setUnitHead',
    at: c.now,
    entities: [
      {
        collection: UNITS_COLLECTION,
        id: unit._id,
        expectedRev: unit._rev,
        state: { ...stateOf(unit), headStaffId, updatedAt: c.now },
      },
    ],
  });
  return done!.doc as unknown as OrgUnit;
}
