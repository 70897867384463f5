/**
 * The port through which the case register asks electronic service for a case's events (REC-7, REC-16): every
 * invitation, enrolment try, consent, refusal, confirmation, revocation, withdrawal, change of recipient, service,
 * opening, acknowledgement, statement and request on the case, each with the ledger event that committed it.
 * `case.get` (server/features/case/read.ts) calls it after its own access check (the caller sees the case), so it
 * checks no access itself; what it answers carries nothing the case page does not already show of the party
 * (core/service/case-events.ts).
 *
 * Bounded: the case's latest enrolments and services (two index-served reads), the `limit` newest events among
 * them, and their ledger events by id (one read by primary key). A record whose revisions do not line up with its
 * acts one to one is read in revision order and matched by time instead.
 */
import type { CaseServiceEvents, CaseServiceEventView } from '../../../core/contract/case';
import {
  enrolmentEvents,
  newestEvents,
  serviceEvents,
  type DerivedServiceEvent,
} from '../../../core/service/case-events';
import type { RecordEvent } from '../../../core/ledger/event';
import { eventsByIds, eventsOfEntity } from '../../ledger/events';
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { ENROLMENTS_COLLECTION, type EnrolmentDoc } from './enrol-model';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';

/** Events `case.get` lists: a case with one enrolment and a few documents fits; older ones are on its services page. */
export const CASE_SERVICE_EVENTS = 30;
/** Records read per case: a case has a handful; more than this shows as `more`. */
const ENROLMENTS_READ = 50;
const SERVICES_READ = 100;

type Ref = CaseServiceEventView['ledger'];

/** The newest `limit` service events of a case, oldest first, each with its ledger reference. */
export async function serviceEventsOfCase(
  db: Database,
  caseId: string,
  limit = CASE_SERVICE_EVENTS,
): Promise<CaseServiceEvents> {
  const [enrolments, services] = await Promise.all([
    db
      .collection(ENROLMENTS_COLLECTION)
      .where({ caseId })
      .orderBy('createdAt', 'desc')
      .limit(ENROLMENTS_READ + 1)
      .get()
      .then((r) => rowsOf<EnrolmentDoc>(r)),
    db
      .collection(SERVICES_COLLECTION)
      .where({ caseId })
      .orderBy('sortKey', 'desc')
      .limit(SERVICES_READ + 1)
      .get()
      .then((r) => rowsOf<ServiceDoc>(r)),
  ]);
  const cut = enrolments.length > ENROLMENTS_READ || services.length > SERVICES_READ;
  const { items, more } = newestEvents(
    [
      ...enrolments.slice(0, ENROLMENTS_READ).flatMap(enrolmentEvents),
      ...services.slice(0, SERVICES_READ).flatMap(serviceEvents),
    ],
    limit,
  );
  const refs = await ledgerRefs(db, items);
  return { items: items.map((e) => viewOf(e, refs.get(keyOf(e)) ?? null)), more: cut || more };
}

const keyOf = (e: DerivedServiceEvent) => `${e.entity}#${e.index}`;
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const refOf = (ev: RecordEvent): Ref => ({ event: ev._id, hash: ev.hash, batch: ev.batch ?? null });

function viewOf(e: DerivedServiceEvent, ledger: Ref): CaseServiceEventView {
  const { entity: _entity, index: _index, ...view } = e;
  return { ...view, ledger };
}

/**
 * The ledger event of each chosen event: the kernel commits a record's creation at revision 1 and its k-th act at
 * revision k + 1, so the event id is known; it is read to take its hash and batch and to check it is that act (the
 * same time). A record where that does not hold (an act committed without a revision of its own, or a revision
 * without an act) is read in revision order and its events matched to the acts by time.
 */
async function ledgerRefs(db: Database, chosen: DerivedServiceEvent[]): Promise<Map<string, Ref>> {
  const out = new Map<string, Ref>();
  const byId = new Map(
    (
      await eventsByIds(
        db,
        chosen.map((e) => `${e.entity}/${e.index + 1}`),
      )
    ).map((ev) => [ev._id, ev]),
  );
  const misaligned = new Set<string>();
  for (const e of chosen) {
    const ev = byId.get(`${e.entity}/${e.index + 1}`);
    if (ev && sameInstant(ev.actedAt, e.at)) out.set(keyOf(e), refOf(ev));
    else misaligned.add(e.entity);
  }
  for (const entity of misaligned) {
    const slash = entity.indexOf('/');
    const events = await eventsOfEntity(db, entity.slice(0, slash), entity.slice(slash + 1));
    const mine = chosen.filter((e) => e.entity === entity).sort((a, b) => a.index - b.index);
    let from = 0;
    for (const e of mine) {
      const at = events.findIndex((ev, i) => i >= from && sameInstant(ev.actedAt, e.at));
      if (at < 0) continue;
      out.set(keyOf(e), refOf(events[at]!));
      from = at + 1;
    }
  }
  return out;
}
