/** The `public` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { officerPublicActions } from '../features/officer';
import { ledgerPublicActions } from '../features/ledger/actions';
import { createFunction } from '../router/function';

/** Exported so that tests cover every action of the function (test/server/security/fuzz.test.ts). */
export const publicActions = {
  ...officerPublicActions,
  ...ledgerPublicActions,
};

export const main = createFunction('public', publicActions);
