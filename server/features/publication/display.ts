/**
 * An entry's display per channel, fixed when it is published (core/publication/display.ts): the
 * last day on the commission's carriers and, for a penalty, its window on the credit platform (tier, counted from
 * the decision date, minimum and maximum), with the legal settings version they were taken from, so a later
 * change of the settings never moves what was set (PUB-5). The record always stays; only a channel's listing ends.
 */
import {
  carrierDisplayUntil,
  creditWindow,
  type CarrierPeriods,
  type CreditWindow,
} from '../../../core/publication/display';
import { INDEFINITE } from '../../../core/publication/fields';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import type { ActSettings } from '../../settings';
import type { PublicationEntry } from '../../../core/publication/fields';

export interface EntryDisplay {
  /** The legal settings version the periods were taken from. */
  settingsVersion: number;
  /** The last day listed on the mini-program, the portal feed and the official account; null: no end. */
  carriersUntil: string | null;
  /** A penalty's window on the credit platform (信用重庆); null for the other kinds. */
  credit: CreditWindow | null;
}

/**
 * A penalty's carriers end is its own 公示截止期 (CF_GSJZQ: 2099-12-31 none), as the public sees it; the other kinds
 * take the legal section's period for their kind from the decision date.
 */
export function displayOf(
  record: { entry: PublicationEntry },
  settings: ActSettings,
  publishedOn: string,
): EntryDisplay {
  const e = record.entry;
  const settingsVersion = settings.stamp.settingsVersion;
  const carriers: CarrierPeriods = settings.values.carrierDisplay ?? DEFAULT_SETTINGS.carrierDisplay!;
  if (e.kind !== 'penalty') {
    return { settingsVersion, carriersUntil: carrierDisplayUntil(e, carriers), credit: null };
  }
  return {
    settingsVersion,
    carriersUntil: e.publicityUntil !== INDEFINITE ? e.publicityUntil : null,
    credit: creditWindow(e, settings.values.displayPeriods, publishedOn),
  };
}
