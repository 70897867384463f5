/**
 * Input shapes for the rights rules, for the actions and settings that will carry them (zod/mini, so they can reach
 * the mini-program): a penalty (kind and amount) and the 较大数额 thresholds of 行政处罚法 Art. 63, which are a legal
 * setting (for a person and for an organisation, in yuan).
 */
import * as z from 'zod/mini';
import { hearingThresholdsSchema, yuanSchema } from '../settings/schema';
import { PENALTY_KINDS, type PenaltyKind } from './rights';

const kinds = Object.keys(PENALTY_KINDS) as [PenaltyKind, ...PenaltyKind[]];

export const penaltySchema = z.strictObject({
  kind: z.enum(kinds),
  amountYuan: z.optional(yuanSchema),
});

/** Defined with the legal settings that hold it (core/settings/schema.ts). */
export { hearingThresholdsSchema };
