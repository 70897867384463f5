/** The `public` cloud function: anyone may call it; it answers only what the regulations publish. */
import { complaintPublicActions } from '../features/complaint';
import { officerPublicActions } from '../features/officer';
import { ledgerPublicActions } from '../features/ledger/actions';
// Directly, not through the feature's index: the public function must not carry the redaction engine (PUB-7).
import { publicationPublicActions } from '../features/publication/public-actions';
import { rightsPublicActions } from '../features/service/public-rights';
import { annualPublicActions } from '../features/publication/annual';
import { PUBLIC_API } from '../../core/contract/api';
import { createFunction } from '../router/function';
import type { Handlers } from '../router/types';

/** One handler per declared action (core/contract/api.ts); a missing one does not compile. */
export const publicHandlers: Handlers<typeof PUBLIC_API> = {
  ...officerPublicActions,
  ...ledgerPublicActions,
  ...complaintPublicActions,
  ...publicationPublicActions,
  ...rightsPublicActions,
  ...annualPublicActions,
};

export const main = createFunction('public', PUBLIC_API, publicHandlers);
