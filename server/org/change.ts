/** Who changes the organisation, when, and the key that makes a retried create deterministic. */
import type { Database } from '../platform/cloudbase';
import type { IdSource } from '../platform/ids';

export interface ChangeContext {
  db: Database;
  /** Salted staff reference or `system:<job>`; goes on the ledger. */
  actor: string;
  now: Date;
  /** Ids of what the change creates: derived from the request where a retry must find them (platform/ids.ts). */
  ids: IdSource;
}
