/**
 * `citizen` `complaint.mine` and `complaint.get`: the caller's own complaints only. A tracking number that is not
 * the caller's answers NOT_FOUND exactly like one that does not exist, so nobody learns whether a business has
 * been complained about (issue 5).
 */
import {
  complaintGetInput,
  complaintMineInput,
  type CitizenComplaintListItem,
  type CitizenComplaintView,
  type ComplaintGetInput,
  type ComplaintMineInput,
} from '../../../core/contract/complaint';
import type { Page } from '../../../core/contract/envelope';
import { AppError } from '../../errors';
import { action, type ActionTable } from '../../router/types';
import { findByTrackingNo, pageComplaints } from './repository';
import { complaintOwnerRef, complaintSubmit } from './submit';
import { citizenListItem, citizenView } from './views';

const complaintMine = action<ComplaintMineInput, Page<CitizenComplaintListItem>>({
  access: 'citizen',
  input: complaintMineInput,
  async handler(input, call) {
    const ownerRef = complaintOwnerRef(call.caller.openid!);
    const page = await pageComplaints(call.db, { ownerRef }, input.cursor, input.pageSize ?? 20);
    return { ...page, items: page.items.map(citizenListItem) };
  },
});

const complaintGet = action<ComplaintGetInput, CitizenComplaintView>({
  access: 'citizen',
  input: complaintGetInput,
  async handler(input, call) {
    const record = await findByTrackingNo(call.db, input.trackingNo);
    if (!record || record.ownerRef !== complaintOwnerRef(call.caller.openid!)) {
      throw new AppError('NOT_FOUND', '未找到该受理编号对应的投诉举报');
    }
    return citizenView(record);
  },
});

export const complaintCitizenActions: ActionTable = {
  'complaint.submit': complaintSubmit,
  'complaint.mine': complaintMine,
  'complaint.get': complaintGet,
};
