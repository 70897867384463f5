/**
 * One record against its own chain, now (REC-16): the checks `ledger.verify` runs for every record
 * (core/ledger/chain-checks.ts), for a single record a feature must vouch for (a service receipt). Events not yet
 * sequenced into a batch are not counted as breaks here: the sequencer batches them within minutes, and the full
 * verification reports one left too long.
 */
import { checkRecordChain } from '../../core/ledger/chain-checks';
import type { RecordEvent } from '../../core/ledger/event';
import type { Database } from '../platform/cloudbase';
import { eventsOfEntity } from './events';
import { ledgerHasher } from './hashing';
import { macMatches } from './mac';

/** At most this many revisions are read (a record with more is checked by `ledger.verify`). */
const MAX_EVENTS = 1000;

/** The reasons the stored `doc` (null: gone) and its events disagree; empty when the chain holds. */
export async function entityChainBreaks(
  db: Database,
  collection: string,
  id: string,
  doc: Record<string, unknown> | null,
  now: Date,
): Promise<string[]> {
  const events: RecordEvent[] = await eventsOfEntity(db, collection, id, MAX_EVENTS);
  return checkRecordChain(
    { collection, id, doc, events, legacyLink: null, now, maxDelayMs: Number.MAX_SAFE_INTEGER },
    ledgerHasher,
    macMatches,
  ).map((b) => b.reason);
}
