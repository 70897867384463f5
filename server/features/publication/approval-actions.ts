/**
 * The approval (PUB-11, seed Art. 22-23; PUB-8): submit → review (分管领导) → forward (office) → approve
 * (principal, one by one or as a batch) → published at once or at a set time; reject with a comment; the
 * principal's override of a commercial-secret or privacy hold. Every step goes through the kernel with the core
 * declaration's guards.
 */
import * as decl from '../../../core/contract/publication';
import { disclosureOf, overrideAllowed } from '../../../core/publication/disclosure';
import { approves, prepares } from '../../../core/publication/workflow';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { sectionReviewers, unitHead } from '../../org/resolvers';
import { stateOf } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { actorOf, answerOf, loadForStaff, publishEntry, step, BATCH_BUDGET_MS } from './access';
import { withheldOf } from './create';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';
import { sealEntry } from './sealing';

const comment = (call: Call, r: EntryRecord, stepName: string, text: string | undefined) =>
  text
    ? [
        ...r.comments,
        {
          step: stepName,
          round: r._wf.round,
          text,
          by: actorOf(call.staff!).ref,
          at: call.now.toISOString(),
        },
      ]
    : r.comments;

/** The reviewers are resolved now (the section's 分管领导 and their delegates) and stored before `submit` applies. */
const publicationSubmit = handle(decl.publicationSubmit, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  // A draft from a decision is submitted only once the preparer completed it (publication.edit).
  if (r.missing?.length && prepares(actorOf(call.staff!), r)) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `条目信息不完整，请先补充：${r.missing.map((m) => m.message).join('；')}`,
    );
  }
  const reviewerIds = r.sectionId
    ? await sectionReviewers(call.db, r.sectionId, call.now)
    : await unitHead(call.db, r.unitId, call.now);
  const done = await step(call.db, 'submit', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: { ...r, reviewerIds },
    effect: (s) => {
      s.reviewerIds = reviewerIds;
    },
  });
  return answerOf(done);
});

async function passStep(call: Call, name: 'review' | 'forward', id: string, text: string | undefined) {
  const r = await loadForStaff(call.db, call.staff!, id);
  const done = await step(call.db, name, {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: (s) => {
      s.comments = comment(call, r, name, text);
    },
  });
  return answerOf(done);
}
const publicationReview = handle(decl.publicationReview, (input, call) =>
  passStep(call, 'review', input.id, input.comment),
);
const publicationForward = handle(decl.publicationForward, (input, call) =>
  passStep(call, 'forward', input.id, input.comment),
);

/**
 * Approves one entry; published at once (in a second transaction: if that one fails, the timer publishes it,
 * since `publishAt` is already due) or at `publishAt`.
 */
async function approveOne(call: Call, id: string, publishAt: string | undefined): Promise<EntryRecord> {
  const r = await loadForStaff(call.db, call.staff!, id);
  const when = publishAt ? new Date(publishAt) : call.now;
  let done = await step(call.db, 'approve', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: (s) => {
      s.publishAt = (when.getTime() < call.now.getTime() ? call.now : when).toISOString();
    },
  });
  if (when.getTime() <= call.now.getTime()) {
    try {
      done = await publishEntry(call.db, done, call.now);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    }
  }
  return done;
}

const publicationApprove = handle(decl.publicationApprove, async (input, call) =>
  answerOf(await approveOne(call, input.id, input.publishAt)),
);

/** Item by item, a result per item; what the time budget did not reach is answered as `remaining`. */
const publicationBatchApprove = handle(decl.publicationBatchApprove, async (input, call) => {
  const started = Date.now();
  const ids = [...new Set(input.ids)];
  const results: decl.BatchItemResult[] = [];
  let approved = 0;
  let i = 0;
  for (; i < ids.length && Date.now() - started < BATCH_BUDGET_MS; i++) {
    const id = ids[i]!;
    try {
      await approveOne(call, id, input.publishAt);
      results.push({ id, ok: true });
      approved++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, code: err.code, message: err.message });
    }
  }
  return { results, approved, remaining: ids.slice(i) };
});

const publicationReject = handle(decl.publicationReject, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const done = await step(call.db, 'reject', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: (s) => {
      s.comments = comment(call, r, 'reject', input.comment);
      s.publishAt = null;
    },
  });
  return answerOf(done);
});

/**
 * The principal's override of a commercial-secret or privacy hold (PUB-8; 个人信息保护法 Art. 55): only those
 * grounds, never a minor, a state secret or a security risk; recorded on the entry with the written reason and
 * the impact assessment's record, before the approval.
 */
const publicationOverride = handle(decl.publicationOverride, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  if (!approves(actorOf(call.staff!), r)) {
    throw new AppError('FORBIDDEN', '只有主要领导（或经登记的委托人）可以批准公开，且不能批准本人制作的条目');
  }
  if (!['draft', 'submitted', 'reviewed', 'forwarded'].includes(r.status)) {
    throw new AppError('PRECONDITION_FAILED', '当前状态下不能进行此操作');
  }
  const d = disclosureOf({ ...r.entry, override: undefined });
  if (d.status !== 'withheld')
    throw new AppError('PRECONDITION_FAILED', '该条目没有不予公开的情形，无需批准公开');
  if (!d.reasons.every(overrideAllowed)) {
    throw new AppError('PRECONDITION_FAILED', '只有涉及商业秘密或个人隐私的条目可以经批准公开');
  }
  const entry = {
    ...r.entry,
    override: {
      ground: input.ground,
      reason: input.reason,
      approvedBy: call.staff!.staffId,
      assessmentId: input.assessmentId,
    },
  };
  const state = await sealEntry(
    call.db,
    r._id,
    { ...stateOf(r), entry, withheld: withheldOf(entry), updatedAt: call.now },
    call.now,
  );
  await commitChange(call.db, {
    actor: actorOf(call.staff!).ref,
    action: 'publication.override',
    at: call.now,
    entities: [{ collection: ENTRIES_COLLECTION, id: r._id, expectedRev: r._rev, state }],
  });
  return answerOf(r);
});

export const publicationApprovalActions = {
  'publication.submit': publicationSubmit,
  'publication.review': publicationReview,
  'publication.forward': publicationForward,
  'publication.approve': publicationApprove,
  'publication.batchApprove': publicationBatchApprove,
  'publication.reject': publicationReject,
  'publication.override': publicationOverride,
};
