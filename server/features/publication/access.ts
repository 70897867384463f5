/**
 * Applying publication steps through the workflow kernel (server/kernel/apply.ts) with the core declaration's
 * guards (core/publication/workflow.ts): who may act, separation of duty within a round and against the preparer,
 * the disclosure refusals (PUB-8) and the clocks (PUB-12, PUB-13). A record the caller may not see answers
 * NOT_FOUND. Publishing (by the system, at once or at the set time) writes the public document in the same
 * transaction as the entry's step, so the public list changes exactly when the entry does.
 */
import { toShanghaiDate } from '../../../core/calendar';
import type { Calendar } from '../../../core/calendar/calendar';
import { disclosureOf } from '../../../core/publication/disclosure';
import { INDEFINITE } from '../../../core/publication/fields';
import { publicView, withdrawalNotice } from '../../../core/publication/public-view';
import { searchTokens } from '../../../core/publication/search';
import { PUBLICATION_WORKFLOW, sees, type EntryState } from '../../../core/publication/workflow';
import { emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { settingsForAct, type ActSettings } from '../../settings';
import { displayOf } from './display';
import { AppError } from '../../errors';
import { applyStep, type StepContext } from '../../kernel/apply';
import type { EntityWrite } from '../../ledger/commit';
import { staffActorRef, type StaffPrincipal } from '../../org/principal';
import { commissionOf } from '../../org/resolvers';
import type { Database } from '../../platform/cloudbase';
import { getDoc, stateOf } from '../../platform/docs';
import { openEntry, sealEntry } from './sealing';
import {
  ENTRIES_COLLECTION,
  PUBLIC_COLLECTION,
  type EntryRecord,
  type EntryState_,
  type PublicDoc,
} from './model';
import { knownDataFor, refuseLeaks } from './fulltext';

export const SYSTEM_ACTOR: WorkflowActor = { kind: 'system', ref: 'system:publication' };

export const actorOf = (staff: StaffPrincipal): WorkflowActor => ({
  kind: 'staff',
  ref: staffActorRef(staff.staffId),
  staffId: staff.staffId,
  roles: staff.roles,
});

const withWf = (r: EntryRecord): EntryRecord => ({ ...r, _wf: r._wf ?? emptyWorkflow() });

/**
 * The entry as stored (its party's identifiers sealed: sealing.ts). An entry made before the approval unit was
 * stored gets it resolved now (the commission of its unit), so the guards never fall back to the unit's own head.
 */
export async function loadEntry(db: Database, id: string): Promise<EntryRecord | null> {
  const r = await getDoc<EntryRecord>(db, ENTRIES_COLLECTION, id);
  if (!r) return null;
  const approvalUnitId = r.approvalUnitId ?? (await commissionOf(db, r.unitId));
  return withWf({ ...r, approvalUnitId });
}

/** The entry, opened, if `staff` may see it (else NOT_FOUND: existence does not leak). */
export async function loadForStaff(db: Database, staff: StaffPrincipal, id: string): Promise<EntryRecord> {
  const r = await loadEntry(db, id);
  if (!r || !sees(actorOf(staff), r)) throw new AppError('NOT_FOUND', '未找到该公示条目');
  return openEntry(db, r);
}

export interface StepOptions {
  actor: WorkflowActor;
  now: Date;
  /** The record as the step's guards should read it (e.g. with the reviewers just resolved). */
  loaded: EntryRecord;
  calendar?: Calendar;
  actedAt?: Date;
  effect?: (state: EntryState_, ctx: StepContext<EntryRecord>) => void | Promise<void>;
  alsoWrite?: (ctx: StepContext<EntryRecord>) => EntityWrite[] | Promise<EntityWrite[]>;
}

/**
 * Applies a declared step through the kernel; refusals are the declaration's (NOT_FOUND, FORBIDDEN, PRECONDITION).
 * `loaded` is the opened entry (loadForStaff, openEntry): the guards read the party's identifiers.
 */
export async function step(db: Database, name: string, o: StepOptions): Promise<EntryRecord> {
  const done = await applyStep<EntryRecord & Record<string, unknown>>(db, {
    def: PUBLICATION_WORKFLOW as never,
    id: o.loaded._id,
    loaded: o.loaded as EntryRecord & Record<string, unknown>,
    step: name,
    actor: o.actor,
    now: o.now,
    actedAt: o.actedAt,
    // Only steps that move clocks need the calendar (approve, review... do not: a batch reads it less).
    calendar: o.calendar ?? (PUBLICATION_WORKFLOW.steps[name]?.clocks ? await loadCalendar(db) : undefined),
    effect: async (state, ctx) => {
      const s = state as unknown as EntryState_;
      s.withheld = (() => {
        const d = disclosureOf(s.entry);
        return d.status === 'withheld' ? d.reasons : [];
      })();
      await o.effect?.(s, ctx as never);
      // Stored sealed: the party's identifiers go back under the entry's key (sealing.ts).
      const sealed = await sealEntry(db, o.loaded._id, s, o.now);
      s.entry = sealed.entry;
      s.partySealed = sealed.partySealed;
      if (s.fullText) s.fullText = sealed.fullText ?? null;
    },
    alsoWrite: (ctx) => o.alsoWrite?.(ctx as never) ?? [],
  });
  return done.record as unknown as EntryRecord;
}

export const answerOf = (r: Pick<EntryRecord, '_id' | 'status' | 'publishAt'>) => ({
  id: r._id,
  status: r.status as EntryState,
  publishAt: r.publishAt ?? null,
});

/** The public document's write: created on first publication, replaced after (its own chain on the ledger). */
async function publicWrite(
  db: Database,
  id: string,
  next: Omit<PublicDoc, '_id' | '_rev'>,
): Promise<EntityWrite> {
  const existing = await getDoc<PublicDoc>(db, PUBLIC_COLLECTION, id);
  return { collection: PUBLIC_COLLECTION, id, expectedRev: existing ? existing._rev : null, state: next };
}

export const sortKeyOf = (r: EntryRecord, publishedAt: Date) =>
  `${r.decisionDate}|${publishedAt.toISOString()}|${r._id}`;

const publicIdOf = (r: EntryRecord) => r.publicId ?? r._id;

/** The open-data feed's cursor key of a public document written at `at` (model.ts `feedKey`). */
export const feedKeyOf = (publicId: string, at: Date) => `${at.toISOString()}|${publicId}`;

/**
 * The version a correction replaces, as the declaration's `supersede` step leaves it: written in the same
 * transaction as the correction's publication, so the public document never shows two versions or none.
 */
async function supersedeWrite(db: Database, oldId: string, now: Date): Promise<EntityWrite> {
  const old = await loadEntry(db, oldId);
  if (!old) throw new AppError('NOT_FOUND', '未找到被更正的公示条目');
  const refusal = refusalOf(PUBLICATION_WORKFLOW, SYSTEM_ACTOR, old, 'supersede');
  if (refusal) throw new AppError(refusal.code, `原公示条目：${refusal.message}`);
  const act = {
    step: 'supersede',
    actor: SYSTEM_ACTOR.ref,
    round: old._wf.round,
    actedAt: now.toISOString(),
    recordedAt: now.toISOString(),
    settingsVersion: null,
  };
  return {
    collection: ENTRIES_COLLECTION,
    id: old._id,
    expectedRev: old._rev,
    state: {
      ...stateOf(old),
      status: 'superseded',
      correctionId: null,
      _wf: { ...old._wf, acts: [...old._wf.acts, act] },
      updatedAt: now,
    },
  };
}

/**
 * Publishes an approved entry (the system's step; the declaration refuses a withheld one again here, PUB-8):
 * the entry becomes `published` and its public document (summary and search tokens) appears in the same
 * transaction; a correction replaces the version it corrects there, and that version becomes `superseded`.
 */
export async function publishEntry(
  db: Database,
  record: EntryRecord,
  now: Date,
  calendar?: Calendar,
  settings?: ActSettings,
): Promise<EntryRecord> {
  // The projection scrubs the party's identifiers from free text, and the minor rule reads the ID: open it.
  record = await openEntry(db, record);
  const view = publicView(record.entry);
  const fullText = record.fullText?.publicText ?? null;
  // The leak scan again right before publication, with the known data as it is now: any hit blocks (PUB-7).
  if (fullText !== null)
    refuseLeaks(fullText, await knownDataFor(db, record, record.fullText!.caseNo), '公开的决定书全文');
  // The end on each channel, from the legal settings in force, recorded with their version .
  const display = displayOf(record, settings ?? (await settingsForAct(db, now)), todayOf(now));
  return step(db, 'publish', {
    actor: SYSTEM_ACTOR,
    now,
    calendar,
    loaded: record,
    effect: (s) => {
      s.publishedAt = now.toISOString();
      // The portal feed lists it from now on (publications.json/.csv read the public document).
      s.channels = { ...s.channels, miniprogram: 'published', portal: 'published' };
      s.display = display;
      s.creditUntil = display.credit?.maxUntil ?? null;
    },
    alsoWrite: async () => [
      await publicWrite(db, publicIdOf(record), {
        status: 'published',
        kind: record.kind,
        sortKey: sortKeyOf(record, now),
        feedKey: feedKeyOf(publicIdOf(record), now),
        tokens: searchTokens(view),
        view,
        notice: null,
        fullText,
        replaces: record.replaces ?? null,
        listed: true,
        displayUntil: display.carriersUntil,
      }),
      ...(record.supersedes ? [await supersedeWrite(db, record.supersedes, now)] : []),
      ...(await replacedByWrite(db, record, now)),
    ],
  });
}

/**
 * The display end of a published entry (公示截止期): a penalty's CF_GSJZQ, unless indefinite (2099-12-31); the
 * other kinds carry none, so they stay listed (the period on the commission's own carriers is the legal
 * section's setting per kind and tier, proposed into a penalty's CF_GSJZQ when a draft is made from a decision).
 */
export function displayUntilOf(r: Pick<EntryRecord, 'entry' | 'display'>): string | null {
  if (r.display) return r.display.carriersUntil;
  return r.entry.kind === 'penalty' && r.entry.publicityUntil !== INDEFINITE ? r.entry.publicityUntil : null;
}

/**
 * A changed decision's new entry, when published, is named on the public document of the entry it replaces
 * (`replacedBy`), in the same transaction (PUB-13; 行政处罚法 Art. 48): both links are public.
 */
async function replacedByWrite(db: Database, record: EntryRecord, now: Date): Promise<EntityWrite[]> {
  if (!record.replaces || record.replaces.id === publicIdOf(record)) return [];
  const old = await getDoc<PublicDoc>(db, PUBLIC_COLLECTION, record.replaces.id);
  if (!old) return [];
  return [
    {
      collection: PUBLIC_COLLECTION,
      id: old._id,
      expectedRev: old._rev,
      state: {
        ...stateOf(old),
        replacedBy: { id: publicIdOf(record), docNo: record.docNo },
        feedKey: feedKeyOf(old._id, now),
      },
    },
  ];
}

/** Shown until the reason is published after review (PUB-13: take down at once, reason after review). */
export const REASON_PENDING = '该信息已撤下，撤回理由经审核后公布';

/** The public document of a withdrawn entry: the notice only (document number, date, reason), no content. */
export async function noticeWrite(
  db: Database,
  record: EntryRecord,
  withdrawnOn: string,
  reason: string,
  now: Date,
): Promise<EntityWrite> {
  const notice = withdrawalNotice(record.entry, withdrawnOn, reason);
  const existing = await getDoc<PublicDoc>(db, PUBLIC_COLLECTION, publicIdOf(record));
  return {
    collection: PUBLIC_COLLECTION,
    id: publicIdOf(record),
    expectedRev: existing ? existing._rev : null,
    state: {
      ...(existing ? stateOf(existing) : {}),
      status: 'withdrawn',
      kind: record.kind,
      sortKey: existing?.sortKey ?? sortKeyOf(record, new Date(record.publishedAt ?? now.getTime())),
      feedKey: feedKeyOf(publicIdOf(record), now),
      tokens: searchTokens({ partyName: '', docNo: notice.docNo, violationType: null }),
      view: null,
      notice,
      fullText: null,
      // A withdrawal notice stays listed (seed publicity Art. 25): no display end. One whose content had already
      // left the list at its display end stays off it (nothing is shown that was not public).
      listed: existing?.listed ?? true,
      displayUntil: null,
    },
  };
}

export const todayOf = (now: Date) => toShanghaiDate(now);

/**
 * Time one call spends on a batch (approvals, import rows) before answering the rest as to be sent again: well
 * inside the staff function's 20 s limit (cloudbaserc.json), leaving room for the item in hand and the answer.
 */
export const BATCH_BUDGET_MS = 12_000;
