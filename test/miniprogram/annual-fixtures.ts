/** A year's published figures (PUB-14) as `stats.annual` / `annual.get` answer them, for the page tests. */
import type { AnnualFigures } from '../../core/publication/annual';

export const figures2026: AnnualFigures = {
  year: 2026,
  byKind: [
    { kind: 'penalty', label: '行政处罚', count: 128 },
    { kind: 'permit', label: '行政许可', count: 342 },
    { kind: 'coercion', label: '行政强制', count: 9 },
    { kind: 'inspection', label: '行政检查', count: 211 },
    { kind: 'levy', label: '行政征收征用', count: 0 },
  ],
  byCategory: [
    { kind: 'permit', category: '普通', count: 342 },
    { kind: 'penalty', category: '罚款', count: 97 },
    { kind: 'penalty', category: '警告', count: 41 },
    { kind: 'penalty', category: '没收违法所得', count: 12 },
  ],
  byOutcome: { published: 684, withdrawn: 3, withheld: 3 },
  fines: '86.35',
  confiscations: '4.2',
  complaints: { received: 215, accepted: 198, closed: 187 },
  onTime: { published: 687, withinDeadline: 679, percent: '98.8' },
  withdrawals: 3,
};
