/**
 * `citizen` `complaint.mine` and `complaint.get`: the caller's own complaints only. A tracking number that is not
 * the caller's answers NOT_FOUND exactly like one that does not exist, so nobody learns whether a business has
 * been complained about (issue 5).
 */
import {
  complaintGetInput,
  complaintMineInput,
  complaintUploadPrefixInput,
  MAX_PHOTOS,
  type CitizenComplaintListItem,
  type CitizenComplaintView,
  type ComplaintGetInput,
  type ComplaintMineInput,
  type ComplaintUploadPrefix,
  type ComplaintUploadPrefixInput,
} from '../../../core/contract/complaint';
import type { Page } from '../../../core/contract/envelope';
import { AppError } from '../../errors';
import { QUARANTINE_PREFIX } from '../../media/intake';
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

/**
 * Where the caller may upload photos: `quarantine/<openid>/`, the only path the storage rules let a client write
 * (deploy/storage.rules.json). The mini-program cannot know its openid otherwise (wx.cloud injects it into
 * functions only), and the rules enforce the prefix whatever a client claims, so answering it reveals nothing.
 */
const complaintUploadPrefix = action<ComplaintUploadPrefixInput, ComplaintUploadPrefix>({
  access: 'citizen',
  input: complaintUploadPrefixInput,
  async handler(_input, call) {
    return { prefix: `${QUARANTINE_PREFIX}${call.caller.openid!}/`, maxPhotos: MAX_PHOTOS };
  },
});

export const complaintCitizenActions: ActionTable = {
  'complaint.submit': complaintSubmit,
  'complaint.mine': complaintMine,
  'complaint.get': complaintGet,
  'complaint.uploadPrefix': complaintUploadPrefix,
};
