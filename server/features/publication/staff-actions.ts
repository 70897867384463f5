/**
 * The staff side of publication (PUB-11, seed Art. 22-23; PUB-8; PUB-13): create or import, correct a draft,
 * submit → review (分管领导) → forward (office) → approve (principal, one by one or as a batch) → publish at once
 * or at a set time; reject with a comment; the principal's override of a commercial-secret or privacy hold;
 * withdrawal of a published entry. Every step goes through the kernel with the core declaration's guards.
 */
import * as decl from '../../../core/contract/publication';
import { IMPORT_BATCH_ROWS, MAX_IMPORT_ROWS } from '../../../core/contract/publication';
import { hashText } from '../../platform/crypto';
import { disclosureOf, overrideAllowed } from '../../../core/publication/disclosure';
import { PUBLICATION_CLOCKS, publicationClockFor, withdrawalStartsOn } from '../../../core/publication/due';
import { applyClocks } from '../../../core/workflow/clocks';
import { parseSgsCsv } from '../../../core/publication/sgs-csv';
import { approves } from '../../../core/publication/workflow';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { sectionReviewers, unitHead } from '../../org/resolvers';
import { stateOf } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import {
  actorOf,
  answerOf,
  loadEntry,
  loadForStaff,
  noticeWrite,
  publishEntry,
  REASON_PENDING,
  step,
  todayOf,
} from './access';
import { assertMayPrepareFor, createEntry, draftState, withheldOf } from './create';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';
import { publicationReadActions } from './staff-read';

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

/** The old entry a changed decision's new entry names: one the caller sees, whose change was recorded. */
async function replacedBy(call: Call, id: string | undefined) {
  if (!id) return null;
  const old = await loadForStaff(call.db, call.staff!, id);
  if (!old.withdrawal) {
    throw new AppError('PRECONDITION_FAILED', '请先在原公示条目上登记决定的变更、撤销或确认违法');
  }
  return { id: old.publicId ?? old._id, docNo: old.docNo };
}

/**
 * An override is the principal's alone (`publication.override`, PUB-8; 个人信息保护法 Art. 55): an entry sent by
 * a preparer may not carry one.
 */
function refuseOverrideInInput(entry: { override?: unknown }): void {
  if (entry.override !== undefined) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.entry.override': '公开的批准只能由主要领导另行登记，不能随条目提交',
    });
  }
}

const publicationCreate = handle(decl.publicationCreate, async (input, call) => {
  await assertMayPrepareFor(call.db, call.staff!, input.entry.unitId, input.entry.sectionId);
  refuseOverrideInInput(input.entry);
  const replaces = await replacedBy(call, input.replaces);
  const r = await createEntry(call.db, {
    staff: call.staff!,
    entry: input.entry,
    id: call.ids.newId('pub'),
    now: call.now,
    source: { via: 'form' },
    replaces,
  });
  return { id: r._id, status: r.status, withheld: r.withheld };
});

/**
 * A 双公示 file: checked whole first (every bad row with its line and column; nothing written if any is bad),
 * then applied in batches of IMPORT_BATCH_ROWS rows, each row its own transaction, within a time budget. A row's
 * id derives from the unit, section, file content and line, so a batch sent again (a retry, or `fromLine` going
 * on after `partial`) creates nothing twice: the import resumes where it stopped.
 */
const publicationImport = handle(decl.publicationImport, async (input, call) => {
  await assertMayPrepareFor(call.db, call.staff!, input.unitId, input.sectionId);
  const parsed = parseSgsCsv(input.csv, { unitId: input.unitId, sectionId: input.sectionId });
  if (!parsed.ok) return { status: 'refused' as const, errors: parsed.errors };
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.csv': `一个文件最多导入 ${MAX_IMPORT_ROWS} 行，请分成多个文件`,
    });
  }
  const started = Date.now();
  const file = hashText(`${input.unitId}\u0000${input.sectionId ?? ''}\u0000${input.csv}`);
  const calendar = await loadCalendar(call.db);
  const rows = parsed.rows.filter((r) => r.line >= (input.fromLine ?? 0));
  const ids: string[] = [];
  let i = 0;
  for (; i < rows.length && i < IMPORT_BATCH_ROWS && Date.now() - started < BATCH_BUDGET_MS; i++) {
    const row = rows[i]!;
    const r = await createEntry(call.db, {
      staff: call.staff!,
      entry: row.entry,
      id: `pub_${hashText(`${file}\u0000${row.line}`).slice(0, 20)}`,
      now: call.now,
      source: { via: 'import', line: row.line },
      calendar,
    });
    ids.push(r._id);
  }
  const next = rows[i];
  return {
    status: next ? ('partial' as const) : ('imported' as const),
    count: ids.length,
    ids,
    total: parsed.rows.length,
    nextLine: next ? next.line : null,
  };
});

/**
 * Replaces a draft's entry. A recorded override lapses (the principal approved other content), and when the kind
 * or the decision date changes the publication clock starts again from the new decision date (PUB-12).
 */
const publicationEdit = handle(decl.publicationEdit, async (input, call) => {
  refuseOverrideInInput(input.entry);
  const r = await loadForStaff(call.db, call.staff!, input.id);
  if (input.entry.unitId !== r.unitId || input.entry.sectionId !== r.sectionId) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.entry.unitId': '修改时不能改变所属单位或科室',
    });
  }
  const done = await step(call.db, 'edit', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: async (s) => {
      const restart =
        !r.supersedes && (input.entry.kind !== r.kind || input.entry.decisionDate !== r.decisionDate);
      if (restart) {
        const { publishSgs: _sgs, publishOther: _other, ...rest } = s._wf.clocks;
        const base = { ...s._wf, clocks: rest };
        s._wf = {
          ...base,
          ...applyClocks(
            await loadCalendar(call.db),
            PUBLICATION_CLOCKS,
            base,
            { start: [publicationClockFor(input.entry.kind)] },
            input.entry.decisionDate,
          ),
        };
      }
      s.entry = input.entry;
      s.kind = input.entry.kind;
      s.decisionDate = input.entry.decisionDate;
      s.docNo = input.entry.docNo;
      s.withheld = withheldOf(input.entry);
    },
  });
  return answerOf(done);
});

/**
 * Starts a correction of a published entry (a new version, `supersedes` the current one): the new draft goes
 * through the same flow while the current version stays public; publishing it replaces the current one.
 */
const publicationCorrect = handle(decl.publicationCorrect, async (input, call) => {
  refuseOverrideInInput(input.entry);
  const r = await loadForStaff(call.db, call.staff!, input.id);
  if (input.entry.unitId !== r.unitId || input.entry.sectionId !== r.sectionId) {
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.entry.unitId': '更正时不能改变所属单位或科室',
    });
  }
  const correctionId = call.ids.newId('pub', 'correction');
  const calendar = await loadCalendar(call.db);
  const done = await step(call.db, 'correct', {
    actor: actorOf(call.staff!),
    now: call.now,
    calendar,
    loaded: r,
    effect: (s) => {
      s.correctionId = correctionId;
    },
    alsoWrite: () => [
      {
        collection: ENTRIES_COLLECTION,
        id: correctionId,
        expectedRev: null,
        state: {
          ...draftState({
            staff: call.staff!,
            entry: input.entry,
            id: correctionId,
            now: call.now,
            source: { via: 'correction' },
            calendar,
            supersedes: {
              id: r._id,
              version: r.version,
              publicId: r.publicId ?? r._id,
              startsOn: todayOf(call.now),
            },
            replaces: r.replaces ?? null,
          }),
        },
      },
    ],
  });
  return { ...answerOf(done), correctionId };
});

/** The reviewers are resolved now (the section's 分管领导 and their delegates) and stored before `submit` applies. */
const publicationSubmit = handle(decl.publicationSubmit, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
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

/**
 * Time one call spends on a batch (approvals, import rows) before answering the rest as to be sent again: well
 * inside the staff function's 20 s limit (cloudbaserc.json), leaving room for the item in hand and the answer.
 */
export const BATCH_BUDGET_MS = 12_000;

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
  const state = { ...stateOf(r), entry, withheld: withheldOf(entry), updatedAt: call.now };
  await commitChange(call.db, {
    actor: actorOf(call.staff!).ref,
    action: 'publication.override',
    at: call.now,
    entities: [{ collection: ENTRIES_COLLECTION, id: r._id, expectedRev: r._rev, state }],
  });
  return answerOf(r);
});

/** A date as the act's time: today is now, an earlier day its noon in Shanghai (the clocks read the date). */
function actedAtOn(date: string, now: Date): Date {
  if (date >= todayOf(now)) return now;
  return new Date(`${date}T12:00:00+08:00`);
}

/**
 * Records that the decision was changed, revoked, found unlawful or void (PUB-13; 行政处罚法 Art. 48): the
 * take-down and reason clocks start on the later of the effective and received dates.
 */
const publicationNoteChange = handle(decl.publicationNoteChange, async (input, call) => {
  const today = todayOf(call.now);
  if (input.effectiveOn > today || input.receivedOn > today) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.receivedOn': '日期不能晚于今天' });
  }
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const startsOn = withdrawalStartsOn(input.effectiveOn, input.receivedOn);
  const done = await step(call.db, 'noteChange', {
    actor: actorOf(call.staff!),
    now: call.now,
    actedAt: actedAtOn(startsOn, call.now),
    loaded: r,
    effect: (s) => {
      s.withdrawal = {
        reason: null,
        reasonPublished: false,
        change: input.change,
        effectiveOn: input.effectiveOn,
        receivedOn: input.receivedOn,
      };
    },
  });
  return answerOf(done);
});

/** Takes the entry down at once: its content leaves the public list in the same transaction (PUB-13). */
const publicationWithdraw = handle(decl.publicationWithdraw, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const today = todayOf(call.now);
  const done = await step(call.db, 'withdraw', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: (s) => {
      s.withdrawal = {
        ...(r.withdrawal ?? {}),
        reason: input.reason,
        reasonPublished: false,
        withdrawnOn: today,
      };
      s.channels = { ...s.channels, miniprogram: 'withdrawn' };
    },
    alsoWrite: async () => [await noticeWrite(call.db, r, today, REASON_PENDING)],
  });
  return answerOf(done);
});

/** After the leader's review, the notice shows the reason (document number, date, reason; no content). */
const publicationPublishWithdrawalReason = handle(
  decl.publicationPublishWithdrawalReason,
  async (input, call) => {
    const r = await loadForStaff(call.db, call.staff!, input.id);
    const done = await step(call.db, 'publishWithdrawalReason', {
      actor: actorOf(call.staff!),
      now: call.now,
      loaded: r,
      effect: (s) => {
        s.withdrawal = { ...r.withdrawal!, reasonPublished: true };
      },
      alsoWrite: async () => [
        await noticeWrite(
          call.db,
          r,
          r.withdrawal?.withdrawnOn ?? todayOf(call.now),
          r.withdrawal?.reason ?? '',
        ),
      ],
    });
    return answerOf(done);
  },
);

export { loadEntry };

export const publicationStaffActions = {
  ...publicationReadActions,
  'publication.create': publicationCreate,
  'publication.import': publicationImport,
  'publication.edit': publicationEdit,
  'publication.correct': publicationCorrect,
  'publication.submit': publicationSubmit,
  'publication.review': publicationReview,
  'publication.forward': publicationForward,
  'publication.approve': publicationApprove,
  'publication.batchApprove': publicationBatchApprove,
  'publication.reject': publicationReject,
  'publication.override': publicationOverride,
  'publication.noteChange': publicationNoteChange,
  'publication.withdraw': publicationWithdraw,
  'publication.publishWithdrawalReason': publicationPublishWithdrawalReason,
};
