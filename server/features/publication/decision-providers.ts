/**
 * Decisions in the case register with no entry at all (PUB-12, PUB-15): selective publishing
 * shows on the dashboard. A decision stores when its entry is due (7 working days after it for penalties and
 * permits, 20 for the rest) and its case the earliest such date among its decisions without an entry, indexed with
 * the unit (server/features/case/publication.ts), so this provider reads by index only the cases with a decision
 * unpublished by the due-soon horizon, earliest first and capped. Items are listed per section with the decision's
 * document number and the case number, never the party; an entry made from the decision takes it off.
 */
import { endOfShanghaiDay, toShanghaiDate } from '../../../core/calendar';
import { loadCalendar } from '../../calendar';
import type { DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import { decisionsAwaitingPublication } from '../case';
import { MAX_DASHBOARD_ITEMS } from './deadline-providers';

export const unpublishedDecisionsProvider: DeadlineProvider = {
  id: 'publication.unpublishedDecisions',
  label: '已作出决定但未制作公示条目',
  async list(db, scope, now) {
    const calendar = await loadCalendar(db);
    const today = toShanghaiDate(now);
    const horizon = calendar.dueSoonHorizon(today).date;
    const items: DeadlineItem[] = [];
    let truncated = false;
    for (const unitId of scope.unitIds) {
      const found = await decisionsAwaitingPublication(db, unitId, horizon, MAX_DASHBOARD_ITEMS);
      truncated ||= found.truncated;
      for (const d of found.items) {
        const status = calendar.dueStatus(d.dueDate, today).value;
        if (status === 'ok') continue;
        items.push({
          unitId: d.unitId,
          section: d.sectionId,
          person: null,
          item: `${d.docNo} 未制作公示条目（案号 ${d.caseNo}）`,
          dueAt: endOfShanghaiDay(d.dueDate),
          status,
          ref: `case:${d.caseId}`,
        });
      }
    }
    return { items, truncated };
  },
};
