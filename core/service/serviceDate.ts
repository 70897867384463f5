/**
 * When an electronic service takes effect (REC-7; docs/service-rights.md "Service date"). The rule is
 * the legal section's setting (`serviceDateRule`) in force when the service was issued, and it stays fixed on the
 * service: a later change of the setting never moves a service date a party was already told.
 *  - 'firstOpenOrAcknowledge' (default): the first opening (read receipt, 已阅知) or the acknowledgement (确认收悉),
 *    whichever comes first — the health commission's 2025 procedure rules ask for a method that confirms receipt.
 *  - 'acknowledge': only the acknowledgement.
 *  - 'arrival': the document reaching the party's system (民事诉讼法 Art. 90 read literally).
 */
import type { PlainDate } from '../calendar';
import { toShanghaiDate } from '../calendar/civilDate';
import type { SERVICE_DATE_RULES } from '../settings/schema';

export type ServiceDateRule = (typeof SERVICE_DATE_RULES)[number];

/** The times recorded on a service; absent until they happen. */
export interface ServiceTimes {
  arrivedAt?: Date | undefined;
  firstOpenedAt?: Date | undefined;
  acknowledgedAt?: Date | undefined;
}

export type ServiceEvent = 'arrival' | 'firstOpen' | 'acknowledge';

export interface ServiceDate {
  /** The instant the service took effect. */
  at: Date;
  /** Its Shanghai date: periods run from the day after it. */
  date: PlainDate;
  /** Which recorded event fixed it. */
  by: ServiceEvent;
}

/** The service date under `rule`, or `undefined` while the event the rule waits for has not happened. */
export function serviceDate(rule: ServiceDateRule, times: ServiceTimes): ServiceDate | undefined {
  const candidates: Array<[ServiceEvent, Date | undefined]> =
    rule === 'arrival'
      ? [['arrival', times.arrivedAt]]
      : rule === 'acknowledge'
        ? [['acknowledge', times.acknowledgedAt]]
        : [
            ['firstOpen', times.firstOpenedAt],
            ['acknowledge', times.acknowledgedAt],
          ];
  let best: [ServiceEvent, Date] | undefined;
  for (const [by, at] of candidates) {
    if (at === undefined || Number.isNaN(at.getTime())) continue;
    if (best === undefined || at.getTime() < best[1].getTime()) best = [by, at];
  }
  return best && { at: best[1], date: toShanghaiDate(best[1]), by: best[0] };
}
