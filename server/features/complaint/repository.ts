/** Reads of complaints, cursor paging, and the settings and calendar the clocks are computed with. */
import {
  DEFAULT_CASE_DECISION_EXTENSION_WORKING_DAYS,
  DEFAULT_CASE_DECISION_WORKING_DAYS,
  DEFAULT_PETITION_EXTENSION_DAYS,
  type ComplaintPeriods,
} from '../../../core/complaint/deadlines';
import type { Page } from '../../../core/contract/envelope';
import { AppError } from '../../errors';
import type { Database } from '../../platform/cloudbase';
import { settingsForAct } from '../../settings/act';
import { firstUnitOfKind } from '../../org/units';
import { COMPLAINTS_COLLECTION, type ComplaintRecord } from './model';
import { firstMatch, getDoc } from '../../platform/docs';
import { keysetPage } from '../../platform/paging';

export async function findComplaint(db: Database, id: string): Promise<ComplaintRecord | null> {
  return getDoc<ComplaintRecord>(db, COMPLAINTS_COLLECTION, id);
}

export async function requireComplaint(db: Database, id: string): Promise<ComplaintRecord> {
  const found = await findComplaint(db, id);
  if (!found) throw new AppError('NOT_FOUND', '未找到该投诉举报');
  return found;
}

export async function findByTrackingNo(db: Database, trackingNo: string): Promise<ComplaintRecord | null> {
  return firstMatch<ComplaintRecord>(db, COMPLAINTS_COLLECTION, { trackingNo });
}

const CURSOR = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z_cmp_[0-9a-f]{24}$/;

/** Newest first; the cursor is the last item's sort key, so inserts never shift a page. */
export async function pageComplaints(
  db: Database,
  filter: Record<string, unknown>,
  cursor: string | undefined,
  pageSize: number,
): Promise<Page<ComplaintRecord>> {
  if (cursor !== undefined && !CURSOR.test(cursor)) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页标记无效，请从第一页重新加载' });
  }
  return keysetPage<ComplaintRecord>(db, {
    collection: COMPLAINTS_COLLECTION,
    filter,
    key: 'sortKey',
    order: 'desc',
    cursor,
    pageSize,
  });
}

/** The complaint clocks in force at `at`, with the settings version they come from (stored on the act). */
export async function complaintPeriods(
  db: Database,
  at: Date,
): Promise<{ version: number; periods: ComplaintPeriods }> {
  const { values, stamp } = await settingsForAct(db, at);
  const days = values.complaintHandlingDays;
  return {
    version: stamp.settingsVersion,
    periods: {
      acceptanceWorkingDays: days.acceptanceWorkingDays,
      reporterFeedbackWorkingDays: days.reporterFeedbackWorkingDays,
      handlingDays: days.handlingDays,
      // Settings versions published before these values existed fall back to the legal defaults.
      caseDecisionWorkingDays: days.caseDecisionWorkingDays ?? DEFAULT_CASE_DECISION_WORKING_DAYS,
      caseDecisionExtensionWorkingDays:
        days.caseDecisionExtensionWorkingDays ?? DEFAULT_CASE_DECISION_EXTENSION_WORKING_DAYS,
      petitionReplyDays: days.petitionReplyDays,
      petitionFinishDays: days.petitionFinishDays,
      petitionExtensionDays: days.petitionExtensionDays ?? DEFAULT_PETITION_EXTENSION_DAYS,
    },
  };
}

/** Complaints go to the enforcement unit (卫生健康综合行政执法支队), the body that investigates them. */
export async function handlingUnitId(db: Database): Promise<string> {
  const unit = await firstUnitOfKind(db, 'enforcement');
  if (!unit) throw new AppError('PRECONDITION_FAILED', '受理机构尚未配置，请稍后再试');
  return unit._id;
}
