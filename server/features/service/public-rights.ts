/**
 * `rights.get` (public, PUB-5): the rights notice of a document type, from the legal settings in force now and
 * the working-day calendar with the administrators' year tables. Reads only settings and calendar tables: no
 * identity, nothing personal, nothing written (beyond settings version 1 the first time settings are needed).
 */
import * as decl from '../../../core/contract/rights';
import { toShanghaiDate } from '../../../core/calendar';
import { publicRights } from '../../../core/service/public-rights';
import { loadCalendar } from '../../calendar';
import { handle } from '../../router/types';
import { currentSettings } from '../../settings';

const rightsGet = handle(decl.rightsGet, async (input, call) => {
  const [settings, calendar] = await Promise.all([currentSettings(call.db, call.now), loadCalendar(call.db)]);
  return publicRights(input, settings.values, settings.version, calendar, toShanghaiDate(call.now));
});

export const rightsPublicActions = {
  'rights.get': rightsGet,
};
