/**
 * `citizen` `complaint.submit`: validates (the contract's field-level Chinese errors), limits per identity
 * (5 stored a day, 20 failed attempts a day, in the database), takes the photos in through the quarantine
 * (server/media), seals the contact, and creates the complaint through commitChange. A refusal deletes the
 * originals the caller named (they would otherwise wait in quarantine with their GPS EXIF). Idempotent: the router keys the call on (identity, action,
 * requestId), and the complaint's id and tracking number derive from that key, so even a retry after a crash
 * between commit and answer finds the one record instead of creating a second.
 */
import * as decl from '../../../core/contract/complaint';
import { loadCalendar } from '../../calendar';
import { type ComplaintSubmitInput, type ComplaintSubmitted } from '../../../core/contract/complaint';
import { AppError, invalid } from '../../errors';
import {
  discardOriginals,
  intakeImage,
  isOwnQuarantineFile,
  MediaRejected,
  type CleanImage,
} from '../../media';
import { saltedRef } from '../../platform/crypto';
import { handle, type Call } from '../../router/types';
import { releaseSlot, reserveSlot, type Slot } from '../../security/quota';
import { type RateLimit } from '../../security/rate-limit';
import { type ComplaintState, newComplaintIds } from './model';
import { receivedComplaintState, storeReceived } from './received';
import { complaintPeriods, findComplaint } from './repository';
import { routeComplaint } from './conduct';

/** Enough for anyone with real matters to report; stops a flood against one business. */
export const SUBMIT_LIMIT: RateLimit = {
  scope: 'complaint.submit',
  limit: 5,
  windowMs: 24 * 3600_000,
  message:
    '每天最多提交 5 件投诉举报，请明天再试，也可拨打 12345 热线反映；紧急情况请拨打 120（急救）或 110（报警）',
};

/**
 * Failed attempts (a photo refused, the storage failing, …) are counted apart, so they do not use up the citizen's
 * 5 stored complaints, yet failing uploads cannot be repeated without bound to make the function download and
 * parse files.
 */
export const SUBMIT_ATTEMPT_LIMIT: RateLimit = {
  scope: 'complaint.submit.failed',
  limit: 20,
  windowMs: 24 * 3600_000,
  message:
    '今天提交未成功的次数过多，请明天再试，也可拨打 12345 热线反映；紧急情况请拨打 120（急救）或 110（报警）',
};

/** The complaint pseudonym of a WeChat identity (used for complaints only, so records cannot be joined). */
export const complaintOwnerRef = (openid: string) => saltedRef('complaint-owner', openid);

export function checkPhotoOwnership(photos: readonly string[], openid: string): void {
  const fields: Record<string, string> = {};
  photos.forEach((fileID, i) => {
    if (!isOwnQuarantineFile(fileID, openid)) fields[`payload.photos.${i}`] = '只能提交您本人刚上传的图片';
    else if (photos.indexOf(fileID) !== i) fields[`payload.photos.${i}`] = '同一张图片提交了两次';
  });
  if (Object.keys(fields).length) throw invalid(fields, '图片有误，请重新选择');
}

/** Photos numbered from `first` in the complaint's private folder (material added later continues the count). */
export async function intakePhotos(id: string, photos: readonly string[], first = 1): Promise<CleanImage[]> {
  const out: CleanImage[] = [];
  for (const [i, fileID] of photos.entries()) {
    try {
      out.push(await intakeImage(fileID, `private/complaints/${id}/${first + i}`));
    } catch (err) {
      if (err instanceof MediaRejected)
        throw invalid({ [`payload.photos.${i}`]: err.reason }, '图片有误，请重新选择');
      throw err;
    }
  }
  return out;
}

function answer(
  state: Pick<ComplaintState, 'trackingNo' | 'receivedAt' | 'acceptanceDueDate'>,
  provisional = false,
) {
  return {
    trackingNo: state.trackingNo,
    submittedAt: new Date(state.receivedAt).toISOString(),
    acceptanceDueDate: state.acceptanceDueDate,
    acceptanceDueProvisional: provisional,
  };
}

/**
 * Both limits are taken BEFORE the work, atomically (conditional increments: concurrent calls can never together
 * exceed either), and the one that does not apply is given back afterwards: a stored complaint keeps its
 * submission slot and returns its attempt slot; a refusal or failure keeps its attempt slot and returns its
 * submission slot. So only stored complaints count against the 5, and at most 20 failures a day do any work.
 */
export const complaintSubmit = handle(decl.complaintSubmit, async (input, call) => {
  const openid = call.caller.openid!;
  const photos = input.photos ?? [];
  try {
    return await submitOnce(input, call, openid, photos);
  } catch (err) {
    // A decided refusal deletes the caller's own originals; an unexpected failure keeps them for the retry
    // (the upload slot's sweep deletes them within the hour if none comes).
    if (err instanceof AppError && err.code !== 'INTERNAL') {
      await discardOriginals(photos.filter((fileID) => isOwnQuarantineFile(fileID, openid)));
    }
    throw err;
  }
});

async function submitOnce(
  input: ComplaintSubmitInput,
  call: Call,
  openid: string,
  photos: readonly string[],
): Promise<ComplaintSubmitted> {
  const ownerRef = complaintOwnerRef(openid);
  checkPhotoOwnership(photos, openid);
  const { id, trackingNo } = newComplaintIds(call, 'submit');
  const earlier = await findComplaint(call.db, id);
  if (earlier) {
    // An earlier attempt of this very request committed but died before answering.
    if (earlier.ownerRef !== ownerRef) throw new AppError('CONFLICT');
    await discardOriginals(photos);
    return answer(earlier, earlier._wf?.clocks.acceptance?.provisional ?? false);
  }
  const attempt = await reserveSlot(call.db, SUBMIT_ATTEMPT_LIMIT, ownerRef, call.now);
  let submission: Slot;
  try {
    submission = await reserveSlot(call.db, SUBMIT_LIMIT, ownerRef, call.now);
  } catch (err) {
    await releaseSlot(call.db, attempt); // refused before any work: not a failed attempt
    throw err;
  }
  let submitted: ComplaintSubmitted;
  try {
    submitted = await store(input, call, { id, trackingNo, ownerRef, openid, photos });
  } catch (err) {
    await releaseSlot(call.db, submission);
    throw err;
  }
  await releaseSlot(call.db, attempt);
  return submitted;
}

async function store(
  input: ComplaintSubmitInput,
  call: Call,
  r: { id: string; trackingNo: string; ownerRef: string; openid: string; photos: readonly string[] },
): Promise<ComplaintSubmitted> {
  const { id, trackingNo, ownerRef, openid, photos } = r;
  // A conduct complaint goes to the commission's oversight section, anything else to the enforcement unit.
  const [routing, { version, periods }] = await Promise.all([
    routeComplaint(call.db, input),
    complaintPeriods(call.db, call.now),
  ]);
  const calendar = await loadCalendar(call.db);
  const clean = await intakePhotos(id, photos);
  const contact = input.contact.anonymous
    ? null
    : { name: input.contact.name, phone: input.contact.phone, openid };
  const state = await receivedComplaintState(call.db, {
    id,
    trackingNo,
    ownerRef,
    kind: input.kind,
    category: input.category,
    subject: input.subject,
    description: input.description,
    photos: clean.map(({ fileID, contentType, size, sha256 }) => ({ fileID, contentType, size, sha256 })),
    source: 'miniprogram',
    sourceRef: null,
    contact,
    ...routing,
    receivedAt: call.now,
    calendar,
    periods,
    settingsVersion: version,
    now: call.now,
  });
  await storeReceived(call.db, { actor: ownerRef, action: 'complaint.submit', at: call.now }, id, state);
  await discardOriginals(photos);
  return answer(state, state._wf?.clocks.acceptance?.provisional ?? false);
}
