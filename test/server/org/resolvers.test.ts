/**
 * The organisation resolvers against the seeded demo organisation, through the real SDK on the emulator, and the
 * separation-of-duties rule.
 */
import tcb from '@cloudbase/node-sdk';
import type { TestEmulator } from '../../helpers/emulator';
import { AppError } from '../../../server/errors';
import { OPERATOR } from '../../../server/org/conferral';
import { createDelegation } from '../../../server/org/delegating';
import { revokeDelegation } from '../../../server/org/delegations';
import { leadersOf, sectionReviewers, unitHead } from '../../../server/org/resolvers';
import { effectiveRoles } from '../../../server/org/roles';
import { staffPlugins } from '../../../server/functions/staff';
import { assertSeparateActor } from '../../../server/org/separation';
import { requireAccount, setAccountStatus } from '../../../server/org/accounts';
import type { ChangeContext } from '../../../server/org/units';
import type { Database } from '../../../server/platform/cloudbase';
import { randomIds } from '../../../server/platform/ids';
import { startSeededEmulator } from './helpers';

let emu: TestEmulator;
let db: Database;
const now = () => new Date();
const ctx = (): ChangeContext => ({ db, actor: 'system:test', now: now(), ids: randomIds() });
const DAY = 86_400_000;

beforeAll(async () => {
  emu = await startSeededEmulator();
  db = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y' }).database();
});
afterAll(() => emu.stop());

describe('resolvers', () => {
  it('the section reviewer is the supervising leader', async () => {
    expect(await sectionReviewers(db, 'sec_medical', now())).toEqual(['stf_leader_1']);
    expect(await sectionReviewers(db, 'sec_public_health', now())).toEqual(['stf_leader_2']);
    expect(await sectionReviewers(db, 'sec_dept_1', now())).toEqual(['stf_unit_head']);
    expect(await sectionReviewers(db, 'no_such_section', now())).toEqual([]);
  });

  it('the unit head', async () => {
    expect(await unitHead(db, 'unit_commission', now())).toEqual(['stf_principal']);
    expect(await unitHead(db, 'unit_enforcement', now())).toEqual(['stf_unit_head']);
  });

  it('their leader: section reviewer for staff, unit head for leaders, the commission head for the unit head', async () => {
    expect(await leadersOf(db, 'stf_officer_3', now())).toEqual(['stf_leader_1']);
    expect(await leadersOf(db, 'stf_officer_1', now())).toEqual(['stf_unit_head']);
    expect(await leadersOf(db, 'stf_leader_1', now())).toEqual(['stf_principal']);
    expect(await leadersOf(db, 'stf_unit_head', now())).toEqual(['stf_principal']);
    expect(await leadersOf(db, 'stf_principal', now())).toEqual([]);
  });

  it('delegates in force are added, scoped to their section, and drop out when expired or revoked', async () => {
    const d = await createDelegation(ctx(), OPERATOR, {
      fromStaffId: 'stf_leader_1',
      toStaffId: 'stf_officer_3',
      role: 'reviewer',
      unitId: 'unit_commission',
      sectionId: 'sec_legal',
      validFrom: now(),
      validUntil: new Date(Date.now() + 2 * DAY),
      reason: '休假',
    });
    expect(await sectionReviewers(db, 'sec_legal', now())).toEqual(['stf_leader_1', 'stf_officer_3']);
    expect(await sectionReviewers(db, 'sec_medical', now())).toEqual(['stf_leader_1']);
    expect(await sectionReviewers(db, 'sec_legal', new Date(Date.now() + 3 * DAY))).toEqual(['stf_leader_1']);
    const roles = await effectiveRoles(
      db,
      await requireAccount(db, 'stf_officer_3'),
      now(),
      staffPlugins.roleFilters,
    );
    // The delegation's section scope is kept in the effective roles.
    expect(roles).toEqual(
      expect.arrayContaining([{ role: 'reviewer', unitId: 'unit_commission', sectionId: 'sec_legal' }]),
    );
    expect(roles).not.toContainEqual({ role: 'reviewer', unitId: 'unit_commission' });
    await revokeDelegation(ctx(), d._id);
    expect(await sectionReviewers(db, 'sec_legal', now())).toEqual(['stf_leader_1']);
  });

  it('a unit head delegation and a suspended head', async () => {
    await createDelegation(ctx(), OPERATOR, {
      fromStaffId: 'stf_principal',
      toStaffId: 'stf_leader_2',
      role: 'principal',
      unitId: 'unit_commission',
      validFrom: now(),
      validUntil: new Date(Date.now() + DAY),
      reason: '出差',
    });
    expect(await unitHead(db, 'unit_commission', now())).toEqual(['stf_principal', 'stf_leader_2']);
    await setAccountStatus(ctx(), 'stf_principal', 'suspended');
    // Neither the suspended head nor their delegates act as head.
    expect(await unitHead(db, 'unit_commission', now())).toEqual([]);
    await setAccountStatus(ctx(), 'stf_principal', 'active');
  });
});

describe('separation of duties', () => {
  const history = [
    { step: 'prepare', staffId: 'a' },
    { step: 'review', staffId: 'b' },
  ];

  it('refuses anyone who prepared or passed an earlier step', () => {
    expect(() => assertSeparateActor(history, 'a')).toThrow(AppError);
    expect(() => assertSeparateActor(history, 'b')).toThrow(/审核/);
    try {
      assertSeparateActor(history, 'a');
    } catch (err) {
      expect((err as AppError).code).toBe('FORBIDDEN');
      expect((err as AppError).message).toContain('起草');
    }
  });

  it('lets a new person act', () => {
    expect(() => assertSeparateActor(history, 'c')).not.toThrow();
    expect(() => assertSeparateActor([], 'a')).not.toThrow();
  });
});
