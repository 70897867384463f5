/** The `citizen` cloud function: a WeChat user's own complaints and contact details. */
import { complaintCitizenActions } from '../features/complaint';
import { contactCitizenActions } from '../features/contact';
import { serviceDocumentCitizenActions } from '../features/service';
import { serviceEnrolCitizenActions } from '../features/service/enrol-party';
import { CITIZEN_API } from '../../core/contract/api';
import { createFunction } from '../router/function';
import type { Handlers } from '../router/types';

/** One handler per declared action (core/contract/api.ts); a missing one does not compile. */
export const citizenHandlers: Handlers<typeof CITIZEN_API> = {
  ...complaintCitizenActions,
  ...contactCitizenActions,
  ...serviceDocumentCitizenActions,
  ...serviceEnrolCitizenActions,
};

export const main = createFunction('citizen', CITIZEN_API, citizenHandlers);
