/**
 * The paper-service flag (行政处罚法 Art. 61; docs/service-rights.md "Paper service when not opened"): a service
 * neither opened nor acknowledged by its flag day (the working day after the window, default 2 working days) is
 * flagged to the case's officers with the day paper service must go out by. The scheduler's timer runs this every
 * minute; it reads only the services due today or earlier (indexed `paperCheckOn`), each flagged once, as a
 * step on its ledger chain.
 */
import { toShanghaiDate } from '../../../core/calendar';
import * as decl from '../../../core/contract/service-documents';
import { AppError } from '../../errors';
import { rowsOf } from '../../platform/docs';
import { handle } from '../../router/types';
import { runServiceStep, SYSTEM_ACTOR } from './access';
import { SERVICES_COLLECTION, type ServiceDoc } from './model';

const BATCH = 50;

const serviceFlagUnopened = handle(decl.serviceFlagUnopened, async (_input, call) => {
  const today = toShanghaiDate(call.now);
  const _ = call.db.command;
  const due = rowsOf<ServiceDoc>(
    await call.db
      .collection(SERVICES_COLLECTION)
      .where({ paperCheckOn: _.lte(today) })
      .orderBy('paperCheckOn', 'asc')
      .limit(BATCH)
      .get(),
  );
  let flagged = 0;
  for (const doc of due) {
    try {
      await runServiceStep(call, doc, 'flagPaper', SYSTEM_ACTOR, {
        effect: (s) => {
          s.paper = { ...s.paper, flagged: true };
          s.paperCheckOn = null;
        },
      });
      flagged++;
    } catch (err) {
      // Opened at the same moment (CONFLICT) or no longer unopened: the next run reads it afresh.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { flagged };
});

export const serviceSchedulerActions = { 'service.flagUnopened': serviceFlagUnopened };
