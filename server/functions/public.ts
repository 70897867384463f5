/** The `public` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { officerPublicActions } from '../features/officer';
import { ledgerPublicActions } from '../features/ledger/actions';
import { createFunction } from '../router/function';

export const main = createFunction('public', {
  ...officerPublicActions,
  ...ledgerPublicActions,
});
