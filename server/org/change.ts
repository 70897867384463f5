/** Who changes the organisation, when, and the key that makes a retried create deterministic. */
import type { Database } from '../platform/cloudbase';

export interface ChangeContext {
  db: Database;
  /** Salted staff reference or `system:<job>`; goes on the ledger. */
  actor: string;
  now: Date;
  /** Makes a retried create deterministic (see ids.ts); null for the operator CLI. */
  idempotencyKey: string | null;
}
