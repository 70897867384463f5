/**
 * Public officer actions (DESIGN.md "Actions"): anyone may check an officer's certificate (PUB-4; 行政处罚法
 * Art. 52, 55) and read the officer list of an enforcement body. Only published fields leave the function.
 */
import type { Page } from '../../../core/contract/envelope';
import {
  officerListInput,
  officerVerifyInput,
  type OfficerListInput,
  type OfficerPublicView,
  type OfficerVerifyInput,
} from '../../../core/contract/officer';
import { notFound } from '../../errors';
import { action, type ActionTable } from '../../router/types';
import {
  findOfficerByCertNo,
  findOfficerByShortId,
  OFFICERS_COLLECTION,
  toPublicView,
  type OfficerRecord,
} from './repository';

const DEFAULT_PAGE_SIZE = 20;

export const officerVerify = action<OfficerVerifyInput, OfficerPublicView>({
  access: 'public',
  input: officerVerifyInput,
  async handler(input, call) {
    const officer = input.certNo
      ? await findOfficerByCertNo(call.db, input.certNo)
      : await findOfficerByShortId(call.db, input.shortId!);
    if (!officer) throw notFound('未查到该执法证号，请核对后重试；仍查不到的，可拒绝检查并举报');
    return toPublicView(officer, call.now);
  },
});

/**
 * Ordered by certificate number; the cursor is the last number of the previous page, so an officer added while a
 * citizen pages through appears in its place without shifting or repeating anyone already shown.
 */
export const officerList = action<OfficerListInput, Page<OfficerPublicView>>({
  access: 'public',
  input: officerListInput,
  async handler(input, call) {
    const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
    const _ = call.db.command;
    const scope: Record<string, unknown> = input.unitId ? { unitId: input.unitId } : {};
    const coll = call.db.collection(OFFICERS_COLLECTION);
    const where = input.cursor ? { ...scope, certNo: _.gt(input.cursor) } : scope;
    const [res, count] = await Promise.all([
      coll
        .where(where)
        .orderBy('certNo', 'asc')
        .limit(pageSize + 1)
        .get(),
      coll.where(scope).count(),
    ]);
    const rows = (res.data ?? []) as OfficerRecord[];
    const items = rows.slice(0, pageSize).map((o) => toPublicView(o, call.now));
    const nextCursor = rows.length > pageSize ? items[items.length - 1]!.certNo : null;
    return { items, total: count.total ?? 0, nextCursor };
  },
});

export const officerPublicActions: ActionTable = {
  'officer.verify': officerVerify,
  'officer.list': officerList,
};
