/**
 * The approve guard reads the entry's approval unit (PUB-11; seed publicity Art. 22-23): the commission's
 * principal approves an enforcement-unit entry without any role there; the enforcement unit's head (principal
 * there for recording) does not; a unit-wide delegation of the commission's principal does; the preparer never.
 */
import type { RoleGrant } from '../../../core/org/roles';
import { approves, sees, type EntryForWorkflow } from '../../../core/publication/workflow';
import { emptyWorkflow, type WorkflowActor } from '../../../core/workflow/define';
import { penaltyOfCompany } from './fixtures';

const C = 'unit_commission';
const E = 'unit_enforcement';
const actor = (id: string, roles: RoleGrant[]): WorkflowActor => ({
  kind: 'staff',
  ref: `ref-${id}`,
  staffId: id,
  roles,
});

const entry = (over: Partial<EntryForWorkflow> = {}): EntryForWorkflow => ({
  _wf: emptyWorkflow(),
  status: 'forwarded',
  unitId: E,
  sectionId: 'sec_dept_1',
  approvalUnitId: C,
  preparedBy: 'ref-officer',
  reviewerIds: ['head'],
  entry: penaltyOfCompany(),
  correctionId: null,
  withdrawal: null,
  ...over,
});

const commissionPrincipal = actor('boss', [{ role: 'principal', unitId: C }]);
const unitHead = actor('head', [
  { role: 'principal', unitId: E },
  { role: 'reviewer', unitId: E },
]);

describe('the approval unit (PUB-11)', () => {
  it('lets the commission principal see and approve an enforcement-unit entry', () => {
    expect(sees(commissionPrincipal, entry())).toBe(true);
    expect(approves(commissionPrincipal, entry())).toBe(true);
  });

  it('refuses the enforcement unit’s head, principal there for recording only', () => {
    expect(approves(unitHead, entry())).toBe(false);
  });

  it('accepts a unit-wide delegation of the commission principal, not one limited to a commission section', () => {
    expect(approves(actor('d1', [{ role: 'principal', unitId: C }]), entry())).toBe(true);
    expect(approves(actor('d2', [{ role: 'principal', unitId: C, sectionId: 'sec_medical' }]), entry())).toBe(
      false,
    );
  });

  it('without a recorded approval unit, the guard reads the entry’s own unit (the server resolves it on load)', () => {
    expect(approves(commissionPrincipal, entry({ approvalUnitId: undefined }))).toBe(false);
  });

  it('never lets the preparer approve', () => {
    const both = actor('officer', [{ role: 'principal', unitId: C }]);
    expect(approves(both, entry())).toBe(false);
  });
});
