/**
 * The 双公示 export for 信用重庆 (PUB-9; the national 双公示 data standard): the standard's
 * column codes as header, dates YYYY/MM/DD, the identity numbers the standard asks for (CF_XDR_ZJHM of a natural
 * person, CF_FR_ZJHM of a legal representative), and a file the import (sgs-csv.ts) reads back to the same entries.
 */
import { parseCsv } from '../../../core/publication/csv';
import { creditExportCsv, creditExportHeader } from '../../../core/publication/sgs-export';
import { parseSgsCsv } from '../../../core/publication/sgs-csv';
import { ADULT_ID, penaltyOfCompany, penaltyOfPerson, permitOfBusiness } from './fixtures';

const target = { unitId: 'unit_commission', sectionId: 'sec_medical' };

describe('creditExportCsv', () => {
  it('writes the standard columns with the natural person’s ID number and YYYY/MM/DD dates', () => {
    const person = { ...penaltyOfPerson(), ...target };
    const text = creditExportCsv('penalty', [person]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const csv = parseCsv(text);
    if (!csv.ok) throw new Error(csv.message);
    const [header, row] = csv.records;
    expect(header!.fields).toEqual(creditExportHeader('penalty'));
    const cell = (code: string) => row!.fields[header!.fields.indexOf(code)];
    expect(cell('CF_XDR_MC')).toBe(person.party.name);
    expect(cell('CF_XDR_LB')).toBe('自然人');
    expect(cell('CF_XDR_ZJHM')).toBe(ADULT_ID);
    expect(cell('CF_XDR_ZJLX')).toBe('居民身份证');
    expect(cell('CF_JDRQ')).toBe(person.decisionDate.replace(/-/g, '/'));
  });

  it.each([
    ['penalty', () => [penaltyOfPerson(), penaltyOfCompany()]],
    ['permit', () => [permitOfBusiness()]],
  ] as const)('reads back through the 双公示 import to the same %s entries', (kind, make) => {
    const entries = make().map((e) => ({ ...e, ...target })) as any[];
    const back = parseSgsCsv(creditExportCsv(kind, entries), target);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.rows.map((r) => r.entry)).toEqual(
      entries.map((e) => {
        // Flags that are not columns of the standard do not travel (withholding, premises, minor: PUB-8).
        const { withhold: _w, override: _o, ...rest } = e;
        const { address: _a, phone: _p, premisesConfirmed: _c, minor: _m, ...party } = rest.party;
        return { ...rest, party };
      }),
    );
  });
});
