/**
 * The paper-service flag on the dashboard (行政处罚法 Art. 61): a row per section of the services flagged because
 * the party has not opened them, each naming the case number, the document and the day paper service must go out
 * by, under the officer who issued it. Never the party's name.
 */
import { endOfShanghaiDay, toShanghaiDate } from '../../../core/calendar';
import type { DeadlineItem, DeadlineProvider } from '../../dashboard/registry';
import { rowsOf } from '../../platform/docs';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';

const CAP = 200;

export const servicePaperProvider: DeadlineProvider = {
  id: 'service.paper',
  label: '电子送达未打开，须纸质送达',
  async list(db, scope, now) {
    const today = toShanghaiDate(now);
    const items: DeadlineItem[] = [];
    let truncated = false;
    for (const unitId of scope.unitIds) {
      const rows = rowsOf<ServiceDoc>(
        await db
          .collection(SERVICES_COLLECTION)
          .where({ unitId, state: 'served', 'paper.flagged': true })
          .orderBy('paper.paperBy.date', 'asc')
          .limit(CAP + 1)
          .get(),
      );
      if (rows.length > CAP) truncated = true;
      for (const s of rows.slice(0, CAP))
        items.push({
          unitId: s.unitId,
          section: s.sectionId,
          person: s.issuedBy,
          item: `${s.caseNo} ${s.title} 未打开，须于 ${s.paper.paperBy.date} 前纸质送达`,
          dueAt: endOfShanghaiDay(s.paper.paperBy.date),
          status: today > s.paper.paperBy.date ? 'overdue' : 'dueSoon',
          ref: `service:${s._id}`,
        });
    }
    return { items, truncated };
  },
};
