/** `staff` function actions about units, sections, supervision (分管), unit heads and delegations. */
import * as decl from '../../../core/contract/org';
import { createDelegation, decideDelegation } from '../../org/delegating';
import { getDelegation, revokeDelegation, type Delegation } from '../../org/delegations';
import { hasRole } from '../../org/principal';
import { setSupervision, supervisionsOfSection } from '../../org/supervision';
import { createSection, createUnit, listSections, listUnits, setUnitHead } from '../../org/units';
import { AppError } from '../../errors';
import { handle } from '../../router/types';
import { changeContext, conferrerOf, list, staffOf } from './context';

export const orgActions = {
  'org.units': handle(decl.orgUnits, async (_input, call) =>
    list(
      (await listUnits(call.db)).map((u) => ({
        id: u._id,
        name: u.name,
        kind: u.kind,
        parentUnitId: u.parentUnitId,
        headStaffId: u.headStaffId,
        creditCode: u.creditCode ?? null,
      })),
    ),
  ),

  'org.sections': handle(decl.orgSections, async (input, call) => {
    const sections = await listSections(call.db, input.unitId);
    const items = [];
    for (const sec of sections) {
      const supervisors = await supervisionsOfSection(call.db, sec._id, call.now);
      items.push({
        id: sec._id,
        unitId: sec.unitId,
        name: sec.name,
        kind: sec.kind,
        supervisorStaffIds: supervisors.map((x) => x.leaderStaffId),
      });
    }
    return list(items);
  }),

  'org.createUnit': handle(decl.orgCreateUnit, async (input, call) => {
    const unit = await createUnit(changeContext(call), {
      ...input,
      id: call.ids.newId('unit'),
    });
    return {
      id: unit._id,
      name: unit.name,
      kind: unit.kind,
      parentUnitId: unit.parentUnitId,
      creditCode: unit.creditCode ?? null,
    };
  }),

  'org.createSection': handle(decl.orgCreateSection, async (input, call) => {
    const sec = await createSection(changeContext(call), {
      ...input,
      id: call.ids.newId('sec'),
    });
    return { id: sec._id, unitId: sec.unitId, name: sec.name, kind: sec.kind };
  }),

  /** Replaces the set of sections the leader supervises (分管). */
  'org.setSupervision': handle(decl.orgSetSupervision, async (input, call) => {
    const current = await setSupervision(changeContext(call), input.leaderStaffId, input.sectionIds);
    return { leaderStaffId: input.leaderStaffId, sectionIds: current.map((x) => x.sectionId) };
  }),

  'org.setUnitHead': handle(decl.orgSetUnitHead, async (input, call) => {
    const unit = await setUnitHead(changeContext(call), input.unitId, input.staffId);
    return { id: unit._id, headStaffId: unit.headStaffId };
  }),

  /**
   * The delegating holder, or their own leader, records a time-limited delegation; an administrator only for
   * someone with no leader (the principal), citing the written appointment. Sensitive roles answer
   * `status: 'pending'` and confer nothing until a second administrator approves (server/org/conferral.ts).
   */
  'org.delegate': handle(decl.orgDelegate, async (input, call) => {
    const me = staffOf(call);
    const d = await createDelegation(changeContext(call), conferrerOf(call), {
      ...input,
      fromStaffId: input.fromStaffId ?? me.staffId,
      validFrom: input.validFrom ? new Date(input.validFrom) : call.now,
      validUntil: new Date(input.validUntil),
    });
    return delegationView(d);
  }),

  /** The second administrator approves a pending delegation; only then does it confer the role. */
  'org.approveDelegation': handle(decl.orgApproveDelegation, async (input, call) =>
    delegationView(
      await decideDelegation(changeContext(call), staffOf(call).staffId, input.delegationId, 'approved'),
    ),
  ),

  'org.rejectDelegation': handle(decl.orgRejectDelegation, async (input, call) =>
    delegationView(
      await decideDelegation(changeContext(call), staffOf(call).staffId, input.delegationId, 'rejected'),
    ),
  ),

  'org.revokeDelegation': handle(decl.orgRevokeDelegation, async (input, call) => {
    const me = staffOf(call);
    const d = await getDelegation(call.db, input.delegationId);
    if (!d || (d.fromStaffId !== me.staffId && !hasRole(me, 'admin')))
      throw new AppError('NOT_FOUND', '未找到该授权');
    return delegationView(await revokeDelegation(changeContext(call), d._id));
  }),
};

export function delegationView(d: Delegation) {
  return {
    id: d._id,
    fromStaffId: d.fromStaffId,
    toStaffId: d.toStaffId,
    role: d.role,
    unitId: d.unitId,
    sectionId: d.sectionId,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    reason: d.reason,
    appointmentDocNo: d.appointmentDocNo ?? null,
    recordedAs: d.recordedAs ?? null,
    requestedBy: d.requestedBy ?? null,
    status: d.status ?? 'approved',
    revokedAt: d.revokedAt,
  };
}
