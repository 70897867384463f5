/**
 * Full-text publication's actions (PUB-7 second form; PUB-7): the preparer gives the decision's text and
 * the engine marks removals and highlights; the reviewer (the section's 分管领导, at the review step) confirms the
 * removals, undoing or adding some, and the confirmation - who, when, which removals, what was added and undone -
 * is recorded on the entry through the ledger; the preview for everyone who sees the entry.
 */
import * as decl from '../../../core/contract/publication-fulltext';
import {
  reviewerChanges,
  spansProblem,
  type FullTextRecord,
  type RemovalConfirmation,
} from '../../../core/publication/fulltext';
import { PUBLICATION_WORKFLOW, reviews } from '../../../core/publication/workflow';
import { refusalOf } from '../../../core/workflow/define';
import { applyRemovals } from '../../../core/redaction';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { stateOf } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { actorOf, loadForStaff } from './access';
import { knownDataFor, markingDataFor, marksOf, refuseLeaks, replacementOf } from './fulltext';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';
import { sealEntry } from './sealing';

const done = (r: EntryRecord, f: FullTextRecord | null): decl.PublicationFullTextDone => ({
  id: r._id,
  version: f?.version ?? null,
  removals: (f?.confirmed?.removals ?? f?.removals ?? []).length,
  highlights: f?.highlights.length ?? 0,
  confirmed: !!f?.confirmed,
});

async function write(call: Call, r: EntryRecord, action: string, fullText: FullTextRecord | null) {
  await commitChange(call.db, {
    actor: actorOf(call.staff!).ref,
    action,
    at: call.now,
    entities: [
      {
        collection: ENTRIES_COLLECTION,
        id: r._id,
        expectedRev: r._rev,
        // `r` was opened (loadForStaff): the party's identifiers are sealed again before the write.
        state: await sealEntry(call.db, r._id, { ...stateOf(r), fullText, updatedAt: call.now }, call.now),
      },
    ],
  });
}

/** The preparer (a draft only, like `edit`) gives, replaces or drops the full text; a new text needs a new confirmation. */
const publicationSetFullText = handle(decl.publicationSetFullText, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const refusal = refusalOf(PUBLICATION_WORKFLOW, actorOf(call.staff!), r, 'edit');
  if (refusal)
    throw new AppError(
      refusal.code,
      refusal.code === 'PRECONDITION_FAILED' ? '只有待提交的条目可以设置公开全文' : refusal.message,
    );
  const old = r.fullText ?? null;
  if (input.text === null) {
    if (old) await write(call, r, 'publication.setFullText', null);
    return done(r, null);
  }
  const source = input.source ?? 'typed';
  const caseNo = input.caseNo ?? null;
  // The same text sent again (a retry) changes nothing.
  if (old && old.text === input.text && old.caseNo === caseNo && old.source === source) return done(r, old);
  const known = await markingDataFor(call.db, r, caseNo, call.now);
  const marks = marksOf(input.text, known);
  const fullText: FullTextRecord = {
    text: input.text,
    version: (old?.version ?? 0) + 1,
    source,
    caseNo,
    removals: marks.removals,
    highlights: marks.highlights,
    setBy: actorOf(call.staff!).ref,
    setAt: call.now.toISOString(),
    confirmed: null,
    history: old?.history ?? [],
    publicText: null,
  };
  await write(call, r, 'publication.setFullText', fullText);
  return done(r, fullText);
});

const sameSpans = (a: readonly { start: number; end: number; kind: string }[], b: typeof a) =>
  a.length === b.length &&
  a.every((x, i) => x.start === b[i]!.start && x.end === b[i]!.end && x.kind === b[i]!.kind);

/**
 * The reviewer confirms the removals of the version they saw: the section's 分管领导 among the entry's reviewers,
 * while it waits for review (never the preparer). The public text the removals make must pass the leak scan.
 */
const publicationConfirmRemovals = handle(decl.publicationConfirmRemovals, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const actor = actorOf(call.staff!);
  if (!reviews(actor, r))
    throw new AppError('FORBIDDEN', '只有分管该科室的领导可以确认删除内容，且不能确认本人制作的条目');
  if (r.status !== 'submitted')
    throw new AppError('PRECONDITION_FAILED', '只有待分管领导审核的条目可以确认删除内容');
  const f = r.fullText;
  if (!f) throw new AppError('PRECONDITION_FAILED', '该条目没有选择公开决定书全文');
  if (input.version !== f.version) throw new AppError('CONFLICT', '决定书全文已更新，请刷新后重新确认');
  const problem = spansProblem(f.text, input.removals);
  if (problem) throw new AppError('INVALID_INPUT', undefined, { 'payload.removals': problem });
  const chosen = [...input.removals].sort((a, b) => a.start - b.start);
  const c = f.confirmed;
  if (c && c.by === actor.ref && c.version === f.version && sameSpans(c.removals, chosen)) return done(r, f);
  const changes = reviewerChanges(f.removals, f.highlights, chosen, replacementOf, f.text);
  refuseLeaks(
    applyRemovals(f.text, changes.removals),
    await knownDataFor(call.db, r, f.caseNo),
    '按所选删除后的全文',
  );
  const confirmation: RemovalConfirmation = {
    by: actor.ref,
    at: call.now.toISOString(),
    round: r._wf.round,
    version: f.version,
    ...changes,
  };
  const fullText: FullTextRecord = { ...f, confirmed: confirmation, history: [...f.history, confirmation] };
  await write(call, r, 'publication.confirmRemovals', fullText);
  return done(r, fullText);
});

/** The preview: the text, every removal and highlight, what the public would read, who confirmed (as byMe). */
const publicationFullTextGet = handle(decl.publicationFullText, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const actor = actorOf(call.staff!);
  const f = r.fullText ?? null;
  const removals = f ? (f.confirmed?.version === f.version ? f.confirmed.removals : f.removals) : [];
  return {
    id: r._id,
    status: r.status,
    docNo: r.docNo,
    fullText: f && {
      text: f.text,
      version: f.version,
      source: f.source,
      caseNo: f.caseNo,
      removals,
      proposed: f.removals,
      highlights: f.highlights,
      preview: f.publicText ?? applyRemovals(f.text, removals),
      confirmed: f.confirmed && {
        at: f.confirmed.at,
        byMe: f.confirmed.by === actor.ref,
        added: f.confirmed.added.length,
        undone: f.confirmed.undone.length,
      },
      history: f.history.map((h) => ({
        at: h.at,
        byMe: h.by === actor.ref,
        version: h.version,
        removals: h.removals.length,
        added: h.added.length,
        undone: h.undone.length,
      })),
      fixed: f.publicText !== null,
    },
    canSet: refusalOf(PUBLICATION_WORKFLOW, actor, r, 'edit') === null,
    canConfirm: !!f && r.status === 'submitted' && reviews(actor, r),
  };
});

export const publicationFullTextActions = {
  'publication.setFullText': publicationSetFullText,
  'publication.confirmRemovals': publicationConfirmRemovals,
  'publication.fullText': publicationFullTextGet,
};
