/**
 * `rights.get` answers for the page tests, made by the real rule (core/service/public-rights.ts) under the
 * default legal settings (server/settings/defaults.ts), so the pages are tested against what the backend says.
 */
import { createCalendar } from '../../core/calendar';
import { publicRights, type PublicRightsRequest } from '../../core/service';
import { DEFAULT_SETTINGS } from '../../server/settings/defaults';

const calendar = createCalendar();

/** The review body with an address and a phone, as a legal section would configure them. */
export const WITH_CONTACTS = {
  ...DEFAULT_SETTINGS,
  reviewBody: {
    ...DEFAULT_SETTINGS.reviewBody,
    address: '重庆市万州区行政复议接待窗口',
    phone: '023-00000000',
  },
};

export function rightsAnswer(
  request: PublicRightsRequest,
  today = '2026-06-20',
  settings: typeof DEFAULT_SETTINGS = DEFAULT_SETTINGS,
) {
  return { ok: true, data: publicRights(request, settings, 2, calendar, today) };
}
