/**
 * The party's statements on a served document (行政处罚法 Art. 43, 44, 45, 62, 63, 64; 行政强制法 Art. 35, 36):
 * `service.state` (陈述、申辩 with text and photos; after the notice's period it is accepted and marked late, never
 * refused, until the decision), `service.requestHearing` (only where the penalties open a hearing, Art. 63; after
 * its period it is recorded as refused and answered PRECONDITION_FAILED with the day it closed),
 * `service.requestRecusal` (any time before the decision, Art. 43), and staff's `service.acceptLateHearing` (a
 * late hearing request accepted for good cause, with the reason). Each is a step on the service's ledger chain.
 */
import * as decl from '../../../core/contract/service-documents';
import { isLate } from '../../../core/service/deadlines';
import type { RightId } from '../../../core/service/rights';
import { AppError, invalid } from '../../errors';
import {
  discardOriginals,
  intakeImage,
  isOwnQuarantineFile,
  MediaRejected,
  type CleanImage,
} from '../../media';
import { openUploadSlot } from '../../media/slots';
import { consumeRateLimit, type RateLimit } from '../../security/rate-limit';
import { handle, type Call } from '../../router/types';
import { caseById } from '../case/lookup';
import {
  loadForParty,
  loadForStaff,
  partyActor,
  runServiceStep,
  staffActor,
  withFreshService,
} from './access';
import { decidedAtOf } from './model';
import type { ServiceDoc, StoredSubmission } from './model';
import { deadlinesOf, rightsOf, staffView, submissionView } from './views';

async function decidedAt(call: Call, doc: ServiceDoc): Promise<Date | undefined> {
  const kase = await caseById(call.db, doc.caseId);
  return kase ? decidedAtOf(kase) : undefined;
}

async function dueOf(call: Call, doc: ServiceDoc, right: RightId): Promise<string | undefined> {
  return (await deadlinesOf(call.db, doc)).find((d) => d.id === right)?.due ?? undefined;
}

async function requireRight(call: Call, doc: ServiceDoc, ids: RightId[], refusal: string): Promise<void> {
  const rights = await rightsOf(call.db, doc);
  if (!rights.some((r) => ids.includes(r.id))) throw new AppError('PRECONDITION_FAILED', refusal);
}

function checkPhotos(photos: readonly string[], openid: string): void {
  const fields: Record<string, string> = {};
  photos.forEach((fileID, i) => {
    if (!isOwnQuarantineFile(fileID, openid)) fields[`payload.photos.${i}`] = '只能提交您本人刚上传的图片';
    else if (photos.indexOf(fileID) !== i) fields[`payload.photos.${i}`] = '同一张图片提交了两次';
  });
  if (Object.keys(fields).length) throw invalid(fields, '图片有误，请重新选择');
}

async function intake(serviceId: string, subId: string, photos: readonly string[]): Promise<CleanImage[]> {
  const out: CleanImage[] = [];
  for (const [i, fileID] of photos.entries()) {
    try {
      out.push(await intakeImage(fileID, `private/service-statements/${serviceId}/${subId}-${i + 1}`));
    } catch (err) {
      if (err instanceof MediaRejected)
        throw invalid({ [`payload.photos.${i}`]: err.reason }, '图片有误，请重新选择');
      throw err;
    }
  }
  return out;
}

/** Adds a submission as the party's step; a retried request (same id) finds the one it made. */
async function submit(
  call: Call,
  doc: ServiceDoc,
  step: string,
  sub: StoredSubmission,
): Promise<StoredSubmission> {
  let saved = sub;
  await withFreshService(call, doc, async (d) => {
    const existing = d.submissions.find((s) => s.id === sub.id);
    if (existing) {
      saved = existing;
      return d;
    }
    return runServiceStep(call, d, step, partyActor(call.caller.openid!), {
      effect: (s) => {
        s.submissions = [...s.submissions, sub];
      },
    });
  });
  return saved;
}

const newSubmission = (call: Call, kind: StoredSubmission['kind'], text: string): StoredSubmission => ({
  id: call.ids.newId('sub', kind),
  kind,
  text,
  photos: [],
  at: call.now,
  late: false,
  refused: false,
  acceptedLate: null,
});

/** Upload slots per identity and day: enough for many statements, not for filling the storage. */
const UPLOAD_SLOT_LIMIT: RateLimit = {
  scope: 'service.uploadSlot',
  limit: 30,
  windowMs: 24 * 3600_000,
  message: '今天上传图片的次数过多，请明天再试',
};

const serviceUploadSlot = handle(decl.serviceUploadSlot, async (input, call) => {
  const doc = await loadForParty(call, input.serviceId);
  await consumeRateLimit(call.db, UPLOAD_SLOT_LIMIT, partyActor(call.caller.openid!).ref, call.now);
  const slot = await openUploadSlot(call.db, {
    openid: call.caller.openid!,
    ownerRef: `service:${doc._id}`,
    count: decl.MAX_STATEMENT_PHOTOS,
    now: call.now,
  });
  return {
    paths: slot.paths,
    maxPhotos: decl.MAX_STATEMENT_PHOTOS,
    uploadBy: slot.uploadBy.toISOString(),
  };
});

const serviceState = handle(decl.serviceState, async (input, call) => {
  const doc = await loadForParty(call, input.serviceId);
  await requireRight(call, doc, ['statement', 'coercionStatement'], '该文书不涉及陈述、申辩');
  const verdict = isLate(
    'statement',
    call.now,
    await dueOf(call, doc, 'statement'),
    await decidedAt(call, doc),
  );
  if (verdict.outcome === 'afterDecision')
    throw new AppError('PRECONDITION_FAILED', '决定已经作出，陈述、申辩请通过行政复议或行政诉讼提出');
  const photos = input.photos ?? [];
  checkPhotos(photos, call.caller.openid!);
  const sub = newSubmission(call, 'statement', input.text);
  const cleaned = await intake(doc._id, sub.id, photos);
  // Art. 62: a statement after the notice's period is heard, marked late, never refused.
  sub.late = verdict.outcome === 'acceptedLate';
  sub.photos = cleaned.map((c) => ({ fileID: c.fileID, sha256: c.sha256 }));
  const saved = await submit(call, doc, 'state', sub);
  await discardOriginals(photos);
  return submissionView(saved);
});

const serviceRequestHearing = handle(decl.serviceRequestHearing, async (input, call) => {
  const doc = await loadForParty(call, input.serviceId);
  await requireRight(
    call,
    doc,
    ['hearing'],
    '拟作出的处罚不属于可以要求听证的情形（《中华人民共和国行政处罚法》第六十三条）',
  );
  const verdict = isLate(
    'hearingRequest',
    call.now,
    await dueOf(call, doc, 'hearing'),
    await decidedAt(call, doc),
  );
  if (verdict.outcome === 'afterDecision')
    throw new AppError('PRECONDITION_FAILED', '处罚决定已经作出，不能再要求听证');
  const sub = newSubmission(call, 'hearing', input.reason ?? '');
  sub.refused = verdict.outcome === 'refused';
  // A late request is still recorded, so that staff may accept it for good cause.
  const saved = await submit(call, doc, 'requestHearing', sub);
  if (saved.refused && !saved.acceptedLate && verdict.outcome === 'refused')
    throw new AppError(
      'PRECONDITION_FAILED',
      `要求听证的期限已于 ${verdict.closedOn} 届满（《中华人民共和国行政处罚法》第六十四条）。您的要求已记录；如有正当理由，执法人员可以受理。`,
    );
  return submissionView(saved);
});

const serviceRequestRecusal = handle(decl.serviceRequestRecusal, async (input, call) => {
  const doc = await loadForParty(call, input.serviceId);
  await requireRight(call, doc, ['recusal'], '该文书不涉及申请回避');
  // Art. 43: no deadline, but only until the decision.
  const verdict = isLate('recusal', call.now, undefined, await decidedAt(call, doc));
  if (verdict.outcome === 'afterDecision')
    throw new AppError('PRECONDITION_FAILED', '处罚决定已经作出，不能再申请回避');
  return submissionView(
    await submit(call, doc, 'requestRecusal', newSubmission(call, 'recusal', input.reason)),
  );
});

const serviceAcceptLateHearing = handle(decl.serviceAcceptLateHearing, async (input, call) => {
  const doc = await loadForStaff(call, input.serviceId);
  const sub = doc.submissions.find((s) => s.id === input.submissionId && s.kind === 'hearing');
  if (!sub) throw new AppError('NOT_FOUND', '未找到该听证要求');
  if (!sub.refused) throw new AppError('PRECONDITION_FAILED', '该听证要求在期限内提出，无需另行受理');
  if (sub.acceptedLate) return staffView(doc);
  const next = await withFreshService(call, doc, (d) =>
    runServiceStep(call, d, 'acceptLateHearing', staffActor(call), {
      effect: (s) => {
        s.submissions = s.submissions.map((x) =>
          x.id === sub.id && !x.acceptedLate
            ? { ...x, acceptedLate: { reason: input.reason, at: call.now, by: call.staff!.staffId } }
            : x,
        );
      },
    }),
  );
  return staffView(next);
});

export const serviceStatementCitizenActions = {
  'service.uploadSlot': serviceUploadSlot,
  'service.state': serviceState,
  'service.requestHearing': serviceRequestHearing,
  'service.requestRecusal': serviceRequestRecusal,
};
export const serviceStatementStaffActions = { 'service.acceptLateHearing': serviceAcceptLateHearing };
