/** The input shapes of the rights rules (PUB-5): every penalty kind has a Chinese name; bad input is refused. */
import { hearingThresholdsSchema, PENALTY_KINDS, penaltySchema } from '../../../core/service';

describe('rights input shapes', () => {
  it('names every penalty kind in Chinese', () => {
    for (const name of Object.values(PENALTY_KINDS)) expect(name).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it('accepts a penalty with or without an amount and refuses unknown kinds and negative amounts', () => {
    expect(penaltySchema.safeParse({ kind: 'fine', amountYuan: 5000 }).success).toBe(true);
    expect(penaltySchema.safeParse({ kind: 'revokeLicence' }).success).toBe(true);
    expect(penaltySchema.safeParse({ kind: 'detention' }).success).toBe(false);
    expect(penaltySchema.safeParse({ kind: 'fine', amountYuan: -1 }).success).toBe(false);
    expect(penaltySchema.safeParse({ kind: 'fine', extra: 1 }).success).toBe(false);
  });

  it('needs thresholds for both a person and an organisation', () => {
    const pair = { fineYuan: 10_000, confiscationYuan: 10_000 };
    expect(hearingThresholdsSchema.safeParse({ person: pair, organisation: pair }).success).toBe(true);
    expect(hearingThresholdsSchema.safeParse({ person: pair }).success).toBe(false);
  });
});
