/**
 * A unit's 统一社会信用代码 in the organisation model (PUB-6: the 双公示 authority's and data source's codes come
 * from it): checked with the GB 32100-2015 check character, refused with a Chinese message naming the field,
 * listed by `org.units`; the seed's units carry fictional valid codes.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { DEMO_UNIT_CREDIT_CODES } from '../../../emulator/seed/org';

const ctx = useSeededEmulator();
const ADMIN = 'demo-admin-1';

describe('unit credit codes (PUB-6)', () => {
  it('lists the seeded units with their codes', async () => {
    const res = await ctx.call.staff(ADMIN, 'org.units', {});
    expect(res.ok).toBe(true);
    const codes = Object.fromEntries(res.data.items.map((u: any) => [u.id, u.creditCode]));
    expect(codes).toMatchObject({
      unit_commission: DEMO_UNIT_CREDIT_CODES.commission,
      unit_enforcement: DEMO_UNIT_CREDIT_CODES.enforcement,
    });
  });

  it('refuses a code whose check character is wrong, naming the field, and writes nothing', async () => {
    const bad = DEMO_UNIT_CREDIT_CODES.commission.slice(0, 17) + '0';
    const res = await ctx.call.staff(ADMIN, 'org.createUnit', {
      name: '测试单位',
      kind: 'commission',
      creditCode: bad,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(res.error)).toContain('统一社会信用代码');
    expect(JSON.stringify(res.error)).toContain('校验位');
    expect(JSON.stringify(res.error)).not.toContain(bad);
  });
});
