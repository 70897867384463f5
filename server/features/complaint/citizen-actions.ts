/**
 * `citizen` `complaint.mine` and `complaint.get`: the caller's own complaints only. A tracking number that is not
 * the caller's answers NOT_FOUND exactly like one that does not exist, so nobody learns whether a business has
 * been complained about (REC-14).
 */
import * as decl from '../../../core/contract/complaint';
import { MAX_PHOTOS } from '../../../core/contract/complaint';
import { openUploadSlot } from '../../media/slots';
import { handle } from '../../router/types';
import { consumeRateLimit, type RateLimit } from '../../security/rate-limit';
import { loadOwn, ownerView, complaintOwnerActions } from './owner-steps';
import { pageComplaints } from './repository';
import { complaintOwnerRef, complaintSubmit } from './submit';
import { citizenListItem } from './views';

const complaintMine = handle(decl.complaintMine, async (input, call) => {
  const ownerRef = complaintOwnerRef(call.caller.openid!);
  const page = await pageComplaints(call.db, { ownerRef }, input.cursor, input.pageSize ?? 20);
  return { ...page, items: page.items.map(citizenListItem) };
});

/** With short-lived URLs of the caller's own photos and the steps open to them now. */
const complaintGet = handle(decl.citizenComplaintGet, async (input, call) =>
  ownerView(call.caller.openid!, await loadOwn(call, input.trackingNo), true),
);

/** Each slot holds a whole form's photos; 30 a day is far beyond any real use and bounds the slot records. */
export const UPLOAD_SLOT_LIMIT: RateLimit = {
  scope: 'complaint.uploadPrefix',
  limit: 30,
  windowMs: 24 * 3600_000,
  message: '今天上传图片的次数过多，请明天再试',
};

/**
 * Where the caller may upload photos: a slot in `quarantine/<openid>/`, the only path the storage rules let a
 * client write (deploy/storage.rules.json). The mini-program cannot know its openid otherwise (wx.cloud injects it
 * into functions only), and the rules enforce the prefix whatever a client claims, so answering it reveals
 * nothing. The slot is registered first (server/media/slots.ts), so what is uploaded but never submitted is
 * deleted by the scheduler an hour on, GPS EXIF and all.
 */
const complaintUploadPrefix = handle(decl.complaintUploadPrefix, async (_input, call) => {
  const openid = call.caller.openid!;
  const ownerRef = complaintOwnerRef(openid);
  await consumeRateLimit(call.db, UPLOAD_SLOT_LIMIT, ownerRef, call.now);
  const slot = await openUploadSlot(call.db, { openid, ownerRef, count: MAX_PHOTOS, now: call.now });
  return {
    prefix: slot.prefix,
    maxPhotos: MAX_PHOTOS,
    paths: slot.paths,
    uploadBy: slot.uploadBy.toISOString(),
  };
});

export const complaintCitizenActions = {
  'complaint.submit': complaintSubmit,
  'complaint.mine': complaintMine,
  'complaint.get': complaintGet,
  'complaint.uploadPrefix': complaintUploadPrefix,
  ...complaintOwnerActions,
};
