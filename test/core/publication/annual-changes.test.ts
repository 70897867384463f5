/**
 * What a 重新统计 of the annual figures changed (PUB-14; seed publicity Art. 26), pure: every figure that differs
 * between the version sent back and the new one, old -> new as the page writes them, in the new version's order; a
 * category no longer counted shows as 0 件; nothing listed when nothing changed. And the workflow: 退回 sends the
 * figures to the statistics section (from the 分管领导's review on), which alone redrafts them, only then.
 */
import {
  ANNUAL_WORKFLOW,
  annualFigureChanges,
  annualFigures,
  type AnnualEntryFacts,
} from '../../../core/publication/annual';
import { allowedSteps, emptyWorkflow, type WorkflowActor } from '../../../core/workflow/define';
import type { Role } from '../../../core/org/roles';

const fact = (over: Partial<AnnualEntryFacts> = {}): AnnualEntryFacts => ({
  kind: 'penalty',
  categories: ['罚款'],
  status: 'published',
  fine: '0.5',
  confiscated: null,
  publishedOn: '2026-06-02',
  dueOn: '2026-06-05',
  ...over,
});
const complaints = { received: 3, accepted: 2, closed: 2 };

describe('annualFigureChanges', () => {
  it('lists each changed figure old -> new, nothing else', () => {
    const before = annualFigures(2026, [fact(), fact()], complaints);
    const after = annualFigures(2026, [fact(), fact({ fine: '0.6' })], { ...complaints, received: 4 });
    expect(annualFigureChanges(before, after)).toEqual([
      { key: 'fines', label: '罚款金额', from: '1 万元', to: '1.1 万元' },
      { key: 'complaints:received', label: '收到投诉举报', from: '3 件', to: '4 件' },
    ]);
    expect(annualFigureChanges(before, before)).toEqual([]);
  });

  it('shows a category that appears as from 0 件 and one that disappears as to 0 件', () => {
    const before = annualFigures(2026, [fact({ categories: ['警告'] })], complaints);
    const after = annualFigures(2026, [fact({ categories: ['罚款'] })], complaints);
    expect(annualFigureChanges(before, after)).toEqual([
      { key: 'category:penalty:罚款', label: '行政处罚：罚款', from: '0 件', to: '1 件' },
      { key: 'category:penalty:警告', label: '行政处罚：警告', from: '1 件', to: '0 件' },
    ]);
  });

  it('says the on-time share as a percent, — when none was published', () => {
    const before = annualFigures(2026, [fact({ publishedOn: null })], complaints);
    const after = annualFigures(2026, [fact()], complaints);
    expect(annualFigureChanges(before, after)).toContainEqual({
      key: 'onTime:percent',
      label: '按期公示率',
      from: '—',
      to: '100.0%',
    });
  });
});

describe('the annual workflow after 退回 (PUB-14)', () => {
  const staff = (role: Role): WorkflowActor => ({
    kind: 'staff',
    ref: `ref-${role}`,
    roles: [{ role, unitId: 'unit_commission' }],
  });
  const record = (status: 'drafted' | 'reviewed' | 'returned') => ({
    _wf: emptyWorkflow(),
    status,
    unitId: 'unit_commission',
  });

  it('lets the 分管领导 send back the draft, and anyone after review; never the statistics section', () => {
    expect(allowedSteps(ANNUAL_WORKFLOW, staff('reviewer'), record('drafted'))).toEqual(['review', 'reject']);
    expect(allowedSteps(ANNUAL_WORKFLOW, staff('principal'), record('drafted'))).toEqual([]);
    expect(allowedSteps(ANNUAL_WORKFLOW, staff('principal'), record('reviewed'))).toEqual([
      'approve',
      'reject',
    ]);
    expect(ANNUAL_WORKFLOW.steps.reject!.to).toBe('returned');
  });

  it('lets only the statistics section redraft, only while sent back, back to review', () => {
    expect(allowedSteps(ANNUAL_WORKFLOW, staff('statistician'), record('returned'))).toEqual(['redraft']);
    expect(allowedSteps(ANNUAL_WORKFLOW, staff('statistician'), record('drafted'))).toEqual([]);
    for (const role of ['reviewer', 'principal', 'publisher'] as const) {
      expect(allowedSteps(ANNUAL_WORKFLOW, staff(role), record('returned'))).toEqual([]);
    }
    expect(ANNUAL_WORKFLOW.steps.redraft!.to).toBe('drafted');
  });
});
