/** The `citizen` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { complaintCitizenActions } from '../features/complaint';
import { contactCitizenActions } from '../features/contact';
import { createFunction } from '../router/function';

/** Exported so that tests cover every action of the function (test/server/security/fuzz.test.ts). */
export const citizenActions = {
  ...complaintCitizenActions,
  ...contactCitizenActions,
};

export const main = createFunction('citizen', citizenActions);
