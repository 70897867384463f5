/**
 * The party's side of a service (REC-7, PUB-5): "我的送达文书" (`service.mine`, only through the caller's active
 * bindings), a document with its rights and deadlines (`service.get`), the file through a short-lived temporary
 * URL whose first request is the read receipt (`service.open`, 已阅知), the acknowledgement (`service.acknowledge`,
 * 确认收悉) and the receipt (`service.receipt`, 送达凭证). The service date follows the rule pinned at issue; the
 * dates shown once it is fixed are stored as told, and never move earlier afterwards.
 */
import type { Calendar } from '../../../core/calendar/calendar';
import * as decl from '../../../core/contract/service-documents';
import { needsReschedule } from '../../../core/service/deadlines';
import { serviceDate } from '../../../core/service/serviceDate';
import { toldOf } from '../../../core/service/views';
import { loadCalendar } from '../../calendar';
import { temporaryUrls } from '../../media';
import type { Database } from '../../platform/cloudbase';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { loadForParty, partyActor, runServiceStep, withFreshService } from './access';
import { bindingsOfCaller } from './bindings';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';
import { deadlinesOf, partyRow, partyView, receiptView } from './views';

/** Seconds a file URL works: long enough to download, short enough that a forwarded link soon dies. */
export const FILE_URL_SECONDS = 300;
/** Services per page of "我的送达文书". */
export const MINE_PAGE = 20;

const asDate = (d: Date | string | null | undefined): Date | undefined => (d ? new Date(d) : undefined);

/**
 * After an opening or acknowledgement: the service date under the pinned rule, the dates it starts (stored as
 * told), no more paper-service check, and for a hearing notice whether the hearing must be rescheduled.
 */
export async function fixServiceDate(db: Database, state: ServiceDoc, calendar: Calendar): Promise<void> {
  state.paperCheckOn = null;
  const fixed = serviceDate(state.dateRule, {
    arrivedAt: asDate(state.arrivedAt),
    firstOpenedAt: asDate(state.firstOpenedAt),
    acknowledgedAt: asDate(state.acknowledgedAt),
  });
  state.serviceDate = fixed ?? null;
  if (!fixed) return;
  state.told = toldOf(await deadlinesOf(db, state, { calendar }));
  if (state.hearing) {
    // Art. 64(二): a notice served after the latest day leaves the party less than 7 working days.
    state.hearing = {
      ...state.hearing,
      reschedule: needsReschedule(fixed.date, state.hearing.date, calendar, state.hearing.noticeWorkingDays)
        .reschedule,
    };
  }
}

/**
 * One page of the caller's services, newest first: each active binding's services older than the cursor (the
 * last row's sortKey), merged; a row more than the page tells whether there is a next one.
 */
const serviceMine = handle(decl.serviceMine, async (input, call) => {
  const bindings = await bindingsOfCaller(call.db, call.caller.openid!);
  const _ = call.db.command;
  const found = new Map<string, ServiceDoc>();
  for (const b of bindings) {
    const filter: Record<string, unknown> = { partyId: b.partyId };
    if (b.scope === 'case') filter.caseId = b.caseId;
    if (input.cursor) filter.sortKey = _.lt(input.cursor);
    const rows = rowsOf<ServiceDoc>(
      await call.db
        .collection(SERVICES_COLLECTION)
        .where(filter)
        .orderBy('sortKey', 'desc')
        .limit(MINE_PAGE + 1)
        .get(),
    );
    for (const r of rows) found.set(r._id, r);
  }
  const sorted = [...found.values()].sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
  const page = sorted.slice(0, MINE_PAGE);
  return {
    items: page.map(partyRow),
    nextCursor: sorted.length > MINE_PAGE ? page[page.length - 1]!.sortKey : null,
  };
});

const serviceGet = handle(decl.serviceGet, async (input, call) =>
  partyView(call.db, await loadForParty(call, input.serviceId)),
);

const serviceOpen = handle(decl.serviceOpen, async (input, call) => {
  const calendar = await loadCalendar(call.db);
  const doc = await withFreshService(call, await loadForParty(call, input.serviceId), (d) =>
    d.state !== 'served'
      ? Promise.resolve(d)
      : runServiceStep(call, d, 'open', partyActor(call.caller.openid!), {
          effect: async (s) => {
            s.firstOpenedAt = call.now;
            await fixServiceDate(call.db, s, calendar);
          },
        }),
  );
  const [url] = await temporaryUrls([doc.file.fileID], FILE_URL_SECONDS);
  return {
    url: url ?? '',
    expiresAt: new Date(call.now.getTime() + FILE_URL_SECONDS * 1000).toISOString(),
    fileSha256: doc.file.sha256,
    fileFormat: doc.file.format ?? 'pdf',
  };
});

const serviceAcknowledge = handle(decl.serviceAcknowledge, async (input, call) => {
  const calendar = await loadCalendar(call.db);
  const doc = await withFreshService(call, await loadForParty(call, input.serviceId), (d) =>
    d.state === 'acknowledged'
      ? Promise.resolve(d)
      : runServiceStep(call, d, 'acknowledge', partyActor(call.caller.openid!), {
          effect: async (s) => {
            s.acknowledgedAt = call.now;
            await fixServiceDate(call.db, s, calendar);
          },
        }),
  );
  return partyView(call.db, doc);
});

const serviceReceipt = handle(decl.serviceReceipt, async (input, call) =>
  receiptView(call.db, await loadForParty(call, input.serviceId)),
);

export const servicePartyActions = {
  'service.mine': serviceMine,
  'service.get': serviceGet,
  'service.open': serviceOpen,
  'service.acknowledge': serviceAcknowledge,
  'service.receipt': serviceReceipt,
};
