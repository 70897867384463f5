/**
 * Which collections hold records on the audit trail: those marked `"ledgered": true` in the deployment's
 * database config (deploy/database.json, bundled at build time). One list serves both sides: a change to any
 * other collection through commitChange is a programming error, and ledger.verify checks every record of every
 * collection on it (REC-16: a record edited, inserted or deleted behind the system's back shows).
 */
import config from '../../deploy/database.json';

interface CollectionConfig {
  name: string;
  ledgered?: boolean;
}

export const LEDGERED_COLLECTIONS: readonly string[] = (config.collections as CollectionConfig[])
  .filter((c) => c.ledgered)
  .map((c) => c.name)
  .sort();

export function assertLedgered(collection: string): void {
  if (!LEDGERED_COLLECTIONS.includes(collection)) {
    throw new Error(`${collection} is not marked ledgered in deploy/database.json`);
  }
}
