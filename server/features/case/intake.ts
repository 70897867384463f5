/**
 * `staff` `record.intake` (REC-10; 全过程记录制度第二十一条): the records custodian's intake queue. Officers hand their
 * records over within 2 working days after the on-site work ends; the custodian receives them (record.receive).
 * The queue lists the records of the custodian's unit registered and not yet received (or of the sections a
 * section-limited custodian role reaches), oldest hand-over due date first, so the late ones lead, each marked
 * `overdue` once its due date has passed. Every record not received carries its queue key (`intakeKey`: due date,
 * registration time, id), indexed with the unit and section, so a page reads only what it shows (strict index mode).
 */
import { toShanghaiDate } from '../../../core/calendar';
import * as decl from '../../../core/contract/case';
import { roleScope } from '../../../core/org/scope';
import { AppError } from '../../errors';
import { keysetPage } from '../../platform/paging';
import { handle } from '../../router/types';
import { RECORDS_COLLECTION, type RecordDoc } from './model';
import { recordView } from './records';

const CURSOR = /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}T[\d:.]+Z_rec_[0-9a-f]{24}$/;

const recordIntake = handle(decl.recordIntake, async (input, call) => {
  const staff = call.staff!;
  if (input.cursor !== undefined && !CURSOR.test(input.cursor))
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页标记无效，请从第一页重新加载' });
  const held = staff.roles.filter((g) => decl.RECORD_INTAKE_ROLES.some((r) => r === g.role));
  const unitId =
    input.unitId ?? (held.some((g) => g.unitId === staff.unitId) ? staff.unitId : held[0]?.unitId);
  const scope = unitId
    ? roleScope(staff, decl.RECORD_INTAKE_ROLES, unitId)
    : { wholeUnit: false, sectionIds: [] };
  // Another unit's queue does not exist for this caller (the same answer whether the unit exists or not).
  if (!unitId || (!scope.wholeUnit && scope.sectionIds.length === 0))
    throw new AppError('FORBIDDEN', '只有本单位的档案专人可以查看待接收的执法记录');
  const _ = call.db.command;
  const page = await keysetPage<RecordDoc>(call.db, {
    collection: RECORDS_COLLECTION,
    filter: {
      unitId,
      ...(scope.wholeUnit ? {} : { sectionId: _.in(scope.sectionIds) }),
      intakeKey: _.gt(''),
    },
    key: 'intakeKey',
    order: 'asc',
    cursor: input.cursor,
    pageSize: input.pageSize ?? 20,
  });
  const today = toShanghaiDate(call.now);
  return {
    ...page,
    items: page.items.map((r) => ({
      ...recordView(r),
      caseNo: r.caseNo,
      overdue: !!r.handoverDueDate && r.handoverDueDate < today,
    })),
  };
});

export const caseIntakeActions = { 'record.intake': recordIntake };
