/**
 * The commission a unit belongs to (core/org/units.ts `commissionOfUnit`): the commission's 主要领导 approves
 * publication for it and its enforcement unit (PUB-11; seed publicity Art. 22-23).
 */
import { commissionOfUnit, type UnitLink } from '../../../core/org/units';

const UNITS = new Map<string, UnitLink>([
  ['c', { kind: 'commission', parentUnitId: null }],
  ['e', { kind: 'enforcement', parentUnitId: 'c' }],
  ['orphan', { kind: 'enforcement', parentUnitId: null }],
]);

describe('commissionOfUnit (PUB-11)', () => {
  it('answers the commission itself and the enforcement unit’s parent', () => {
    expect(commissionOfUnit('c', UNITS)).toBe('c');
    expect(commissionOfUnit('e', UNITS)).toBe('c');
  });

  it('falls back to the unit itself when no commission is above it or the unit is unknown', () => {
    expect(commissionOfUnit('orphan', UNITS)).toBe('orphan');
    expect(commissionOfUnit('nowhere', UNITS)).toBe('nowhere');
  });
});
