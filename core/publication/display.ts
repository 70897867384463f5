/**
 * Display periods per channel (PUB-12). Pure, no clock.
 *
 * - The commission's own carriers (mini-program, portal feed, official account): every decision is published
 *   (none exempt) and stays listed for the period the legal section sets per kind and tier (`carrierDisplay`
 *   settings); a penalty carries its own end as 公示截止期 (CF_GSJZQ), which the national 双公示 standard asks for.
 * - The credit platform (信用重庆): the national credit-repair rule (NDRC Order No. 58, 2023) — minor penalties
 *   (warnings, 通报批评, fines within the simple-procedure limits) in principle not displayed or at most 3 months;
 *   general ones 3 months to 1 year; serious ones (licence revoked, production or business suspended, closure,
 *   practice or business restricted) 1 to 3 years; never under 3 months nor over 3 years for what is shown;
 *   counted from the date the decision was made ("公示期限起点以行政处罚作出时间为准"); where several penalty types
 *   apply the heaviest counts. After the minimum the party may apply for early removal (信用修复).
 *
 * A period of n months ends on the same day n months later (that month's last day when it has no such day): the
 * last day shown; the listing ends the day after. Rest days do not move it: it is not a time limit for an act.
 */
import { formatParts } from '../calendar/civilDate';
import type { EntryKind } from './kinds';
import type { PartyCategory, PENALTY_CATEGORIES } from './fields';

type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

export const DISPLAY_TIERS = ['minor', 'general', 'serious'] as const;
export type DisplayTier = (typeof DISPLAY_TIERS)[number];
export const DISPLAY_TIER_LABELS: Record<DisplayTier, string> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

/** Penalty types the rule names as serious (licence revoked, suspended, closed, practice restricted). */
const SERIOUS: readonly PenaltyCategory[] = [
  '吊销许可证件',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '限制开展生产经营活动',
];
/** Penalty types that alone (with a fine within the simple-procedure limit) are minor. */
const MINOR: readonly PenaltyCategory[] = ['警告', '通报批评', '罚款'];
/**
 * The simple-procedure fine limits (行政处罚法 Art. 51), in 万元 as the entry records fines: 200 yuan for a citizen
 * (an individual business is run by one), 3 000 yuan for an organisation.
 */
const SMALL_FINE_WAN: Record<PartyCategory, number> = {
  person: 0.02,
  individualBusiness: 0.02,
  organisation: 0.3,
};

export interface PenaltyForTier {
  categories: readonly PenaltyCategory[];
  /** 万元, as the entry writes it (a decimal in text). */
  fine?: string;
  party: { category: PartyCategory };
}

/** The tier of a penalty under the credit-repair rule: the heaviest its penalty types reach. */
export function penaltyTier(p: PenaltyForTier): DisplayTier {
  if (p.categories.some((c) => SERIOUS.includes(c))) return 'serious';
  const smallFine = Number(p.fine ?? 0) <= SMALL_FINE_WAN[p.party.category];
  return p.categories.every((c) => MINOR.includes(c)) && smallFine ? 'minor' : 'general';
}

/** YYYY-MM-DD plus n months (same day, or the month's last day). */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatParts({ year, month, day: Math.min(d, last) });
}

export interface TierPeriod {
  minMonths: number;
  maxMonths: number;
}
export interface CreditPeriods {
  countFrom: 'decision' | 'publication';
  minor: TierPeriod;
  general: TierPeriod;
  serious: TierPeriod;
}

/** A penalty's window on the credit platform: from when it counts, when early removal may be asked, when it ends. */
export interface CreditWindow {
  tier: DisplayTier;
  from: string;
  /** The minimum has passed after this day: early removal (信用修复) from the day after. */
  minUntil: string;
  /** The last day shown; the listing ends the day after. */
  maxUntil: string;
}

export function creditWindow(
  p: PenaltyForTier & { decisionDate: string },
  periods: CreditPeriods,
  publishedOn: string,
): CreditWindow {
  const tier = penaltyTier(p);
  const from = periods.countFrom === 'decision' ? p.decisionDate : publishedOn;
  const { minMonths, maxMonths } = periods[tier];
  return { tier, from, minUntil: plusMonths(from, minMonths), maxUntil: plusMonths(from, maxMonths) };
}

/** Months an entry stays on the commission's carriers, per kind (a penalty per tier); null: no end. */
export interface CarrierPeriods {
  penalty: Record<DisplayTier, number | null>;
  permit: number | null;
  coercion: number | null;
  inspection: number | null;
  levy: number | null;
}

/**
 * The last day an entry is listed on the commission's carriers, counted from its decision date; null: no end.
 * A penalty's own 公示截止期 is its end when it has one (2099-12-31: none): the legal section's period is what a
 * draft proposes for it.
 */
export function carrierDisplayUntil(
  e: { kind: EntryKind; decisionDate: string } & Partial<PenaltyForTier>,
  periods: CarrierPeriods,
): string | null {
  const months =
    e.kind === 'penalty'
      ? periods.penalty[penaltyTier(e as PenaltyForTier)]
      : periods[e.kind as Exclude<EntryKind, 'penalty'>];
  return months === null ? null : plusMonths(e.decisionDate, months);
}
