/** The `citizen` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { complaintCitizenActions } from '../features/complaint';
import { contactCitizenActions } from '../features/contact';
import { createFunction } from '../router/function';

export const main = createFunction('citizen', {
  ...complaintCitizenActions,
  ...contactCitizenActions,
});
