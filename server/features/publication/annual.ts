/**
 * Annual enforcement data (PUB-14; seed publicity Art. 26). The scheduler's `annual.draft` runs
 * with every timer fan-out but acts only in January from the first working day on (the working-day calendar,
 * which an administrator extends: a cron cannot say 调休): it drafts the previous year's figures once (the record's
 * id is the year, created on the ledger, so overlapping runs make one). Staff review (分管领导), approve (主要领导)
 * and publish (办公室) them through the kernel (core/publication/annual.ts `ANNUAL_WORKFLOW`); they must be
 * published by 31 January. A 退回 sends them to the statistics section, which recomputes them from the corrected
 * data (`annual.redraft`, 重新统计, with its 说明) before they are reviewed again; every earlier version stays in
 * the record with the reason it was sent back. `stats.annual` serves only published figures. The report to the district justice
 * bureau is filled from the template in the legal settings.
 */
import * as decl from '../../../core/contract/annual';
import { toShanghaiDate } from '../../../core/calendar';
import {
  ANNUAL_STATE_LABELS,
  ANNUAL_WORKFLOW,
  annualFigureChanges,
  annualFigures,
  DEFAULT_JUSTICE_REPORT_TEMPLATE,
  firstWorkingDayOfJanuary,
  justiceReport,
  publishByOf,
  type AnnualEntryFacts,
  type AnnualFigures,
  type AnnualState,
} from '../../../core/publication/annual';
import { ROLE_LABELS } from '../../../core/org/roles';
import { allowedSteps, emptyWorkflow, refusalOf, type WorkflowFields } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import type { DeadlineProvider } from '../../dashboard/registry';
import { AppError } from '../../errors';
import { applyStep } from '../../kernel/apply';
import { commitChange } from '../../ledger/commit';
import type { Database } from '../../platform/cloudbase';
import { isDuplicateWrite } from '../../platform/db-errors';
import { getDoc, rowsOf } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { listUnits } from '../../org/units';
import { currentSettings } from '../../settings';
import { complaintYearCounts } from '../complaint';
import { actorOf } from './access';
import { ENTRIES_COLLECTION, type EntryRecord } from './model';

export const ANNUAL_COLLECTION = ANNUAL_WORKFLOW.collection;
const idOf = (year: number) => `annual_${year}`;

interface AnnualRecord {
  _id: string;
  _rev: number;
  _wf: WorkflowFields;
  status: AnnualState;
  unitId: string;
  year: number;
  figures: AnnualFigures;
  draftedOn: string;
  publishBy: string;
  publishedAt: string | null;
  /** The steps' comments (the reason of every 退回), oldest first; absent on records drafted before them. */
  comments?: StoredComment[];
  /**
   * The version of `figures` (1 as drafted by the scheduler; +1 with each 重新统计), who drafted it (an actor
   * reference: `system:annual` or the statistician's), when, and the drafter's 说明. Absent on records drafted
   * before 重新统计 existed (read as version 1 by the scheduler).
   */
  revision?: number;
  draftedBy?: string;
  draftedAt?: string;
  note?: string | null;
  /** Every earlier version as it was when sent back, oldest first (the ledger's events seal each one too). */
  revisions?: StoredRevision[];
}

interface StoredRevision {
  revision: number;
  figures: AnnualFigures;
  draftedBy: string;
  draftedAt: string;
  note: string | null;
  sentBack: { reason: string; by: string; at: string } | null;
}

interface StoredComment {
  step: string;
  round: number;
  text: string;
  by: string;
  at: string;
}

const PAGE = 500;
const SCHEDULER = 'system:annual';

/** `year`'s figures computed from the data as it stands now (the scheduler's draft and every 重新统计). */
async function figuresFromData(db: Database, year: number): Promise<AnnualFigures> {
  return annualFigures(year, await entryFacts(db, year), await complaintYearCounts(db, year));
}

/** Each entry decided in `year` (Beijing dates), as facts the figures count (no party data read out). */
async function entryFacts(db: Database, year: number): Promise<AnnualEntryFacts[]> {
  const _ = db.command;
  // Every version is read: a correction's timeliness is its first published version's (PUB-12 asks whether the
  // decision was made public within its deadline; a later correction does not make an on-time publication late).
  const versions = new Map<string, EntryRecord>();
  for (let skip = 0; ; skip += PAGE) {
    const rows = rowsOf<EntryRecord>(
      await db
        .collection(ENTRIES_COLLECTION)
        .where({ decisionDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) })
        .orderBy('decisionDate', 'asc')
        .skip(skip)
        .limit(PAGE)
        .get(),
    );
    for (const r of rows) versions.set(r._id, r);
    if (rows.length < PAGE) break;
  }
  const publication = (r: EntryRecord) => {
    const clock = r._wf?.clocks?.publishSgs ?? r._wf?.clocks?.publishOther;
    return {
      publishedOn: r.publishedAt ? toShanghaiDate(new Date(r.publishedAt)) : null,
      dueOn: clock?.dueDate ?? null,
    };
  };
  /** The first published version along its corrections (`supersedes`; a changed decision, `replaces`, is a new
   * decision with its own deadline). Bounded: a chain cannot loop. */
  const firstPublication = (r: EntryRecord) => {
    let first = publication(r);
    const seen = new Set([r._id]);
    for (let prev = r.supersedes ? versions.get(r.supersedes) : undefined; prev && !seen.has(prev._id);) {
      seen.add(prev._id);
      if (prev.publishedAt) first = publication(prev);
      prev = prev.supersedes ? versions.get(prev.supersedes) : undefined;
    }
    return first;
  };
  const out: AnnualEntryFacts[] = [];
  for (const r of versions.values()) {
    // A corrected version counts once (as its newest version); drafts are not decisions on record yet.
    if (r.status === 'superseded' || r.status === 'draft') continue;
    const e = r.entry;
    out.push({
      kind: e.kind,
      categories:
        e.kind === 'penalty' ? e.categories : e.kind === 'permit' ? [e.permitCategory] : [e.category],
      status: r.status,
      fine: e.kind === 'penalty' ? (e.fine ?? null) : null,
      confiscated: e.kind === 'penalty' ? (e.confiscated ?? null) : null,
      ...firstPublication(r),
    });
  }
  return out;
}

/**
 * Drafts `year`'s figures for the commission as the scheduler does (the record's id is the year, created on the
 * ledger: a second call, an overlapping run, finds it made). Answers whether this call drafted them.
 */
export async function draftAnnualFigures(db: Database, year: number, now: Date): Promise<boolean> {
  const commission = (await listUnits(db)).find((u) => u.kind === 'commission');
  if (!commission) return false;
  const figures = await figuresFromData(db, year);
  try {
    await commitChange(db, {
      actor: SCHEDULER,
      action: 'annual.draft',
      at: now,
      entities: [
        {
          collection: ANNUAL_COLLECTION,
          id: idOf(year),
          expectedRev: null,
          state: {
            _wf: emptyWorkflow(),
            status: 'drafted',
            unitId: commission._id,
            year,
            figures,
            draftedOn: toShanghaiDate(now),
            publishBy: publishByOf(year),
            publishedAt: null,
            comments: [],
            revision: 1,
            draftedBy: SCHEDULER,
            draftedAt: now.toISOString(),
            note: null,
            revisions: [],
          },
        },
      ],
    });
  } catch (err) {
    // An overlapping run drafted it first: one record, one draft.
    if (isDuplicateWrite(err) || (err instanceof AppError && err.code === 'CONFLICT')) return false;
    throw err;
  }
  return true;
}

/** The previous year's figures, drafted once from the first working day of January (idempotent). */
const annualDraft = handle(decl.annualDraft, async (_input, call) => {
  const today = toShanghaiDate(call.now);
  const [y, m] = [Number(today.slice(0, 4)), today.slice(5, 7)];
  if (m !== '01') return { drafted: null };
  const year = y - 1;
  if (await getDoc(call.db, ANNUAL_COLLECTION, idOf(year))) return { drafted: null };
  const calendar = await loadCalendar(call.db);
  if (today < firstWorkingDayOfJanuary(calendar, y)) return { drafted: null };
  return { drafted: (await draftAnnualFigures(call.db, year, call.now)) ? year : null };
});

async function staffView(call: Call, r: AnnualRecord) {
  const settings = await currentSettings(call.db, call.now);
  const template = settings.values.justiceReportTemplate ?? DEFAULT_JUSTICE_REPORT_TEMPLATE;
  const today = toShanghaiDate(call.now);
  const daysLeft = Math.round((Date.parse(r.publishBy) - Date.parse(today)) / 86_400_000);
  const revisions = r.revisions ?? [];
  const previous = revisions[revisions.length - 1];
  return {
    year: r.year,
    status: r.status,
    statusLabel: ANNUAL_STATE_LABELS[r.status],
    figures: r.figures,
    justiceReport: justiceReport(template, r.figures),
    publishBy: r.publishBy,
    daysLeft,
    allowed: allowedSteps(ANNUAL_WORKFLOW, actorOf(call.staff!), r),
    publishedAt: r.publishedAt,
    revision: r.revision ?? 1,
    draftedBy: drafterLabel(r.draftedBy),
    draftedAt: r.draftedAt ?? `${r.draftedOn}T00:00:00+08:00`,
    note: r.note ?? null,
    changes: previous ? annualFigureChanges(previous.figures, r.figures) : [],
    revisions: revisions
      .map((v) => ({
        revision: v.revision,
        figures: v.figures,
        draftedBy: drafterLabel(v.draftedBy),
        draftedAt: v.draftedAt,
        note: v.note,
        sentBack: v.sentBack && { reason: v.sentBack.reason, at: v.sentBack.at },
      }))
      .reverse(),
    // Who wrote a comment stays on the ledger (the record's state); the page shows what and when.
    comments: (r.comments ?? []).map((c) => ({
      step: c.step,
      stepLabel: ANNUAL_WORKFLOW.steps[c.step]?.label ?? c.step,
      round: c.round,
      text: c.text,
      at: c.at,
    })),
  };
}

/** Who drafted a version, as staff pages say it: the person stays on the ledger (the record's state). */
const drafterLabel = (ref: string | undefined) =>
  !ref || ref === SCHEDULER ? '系统自动生成' : ROLE_LABELS.statistician;

async function load(call: Call, year: number): Promise<AnnualRecord> {
  const r = await getDoc<AnnualRecord>(call.db, ANNUAL_COLLECTION, idOf(year));
  if (!r) throw new AppError('NOT_FOUND', `${year} 年度数据尚未生成`);
  return r;
}

const annualGet = handle(decl.annualGet, async (input, call) =>
  staffView(call, await load(call, input.year)),
);

const annualStep = handle(decl.annualStep, async (input, call) => {
  const r = await load(call, input.year);
  const done = await applyStep<AnnualRecord & Record<string, unknown>>(call.db, {
    def: ANNUAL_WORKFLOW as never,
    id: r._id,
    loaded: r as AnnualRecord & Record<string, unknown>,
    step: input.step,
    actor: actorOf(call.staff!),
    now: call.now,
    effect: (state) => {
      if (input.step === 'publish') state.publishedAt = call.now.toISOString();
      // The reason of a 退回 (required by the declaration) is part of the state the step's event seals.
      if (input.comment) {
        const comment: StoredComment = {
          step: input.step,
          round: r._wf.round,
          text: input.comment,
          by: actorOf(call.staff!).ref,
          at: call.now.toISOString(),
        };
        state.comments = [...(r.comments ?? []), comment];
      }
    },
  });
  return staffView(call, done.record as unknown as AnnualRecord);
});

/**
 * 重新统计 (PUB-14): while sent back, the statistics section recomputes the figures from the data as it stands now
 * (the same computation as the scheduler's draft) with its 说明, keeps the version sent back (its figures, who
 * drafted it and when, the reason of the 退回) and resubmits for review. The version the drafter saw must still be
 * the current one: a 重新统计 in between answers CONFLICT (a retried request answers as the first: idempotent).
 */
const annualRedraft = handle(decl.annualRedraft, async (input, call) => {
  const r = await load(call, input.year);
  const current = r.revision ?? 1;
  if (input.revision !== current) {
    throw new AppError('CONFLICT', `年度数据已重新统计为第 ${current} 版，请刷新后查看`);
  }
  const actor = actorOf(call.staff!);
  // Refused (not sent back, another role) before the figures are computed; the kernel checks again when it commits.
  const refusal = refusalOf(ANNUAL_WORKFLOW, actor, r, 'redraft');
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const figures = await figuresFromData(call.db, r.year);
  const at = call.now.toISOString();
  const sentBack = [...(r.comments ?? [])].reverse().find((c) => c.step === 'reject');
  const done = await applyStep<AnnualRecord & Record<string, unknown>>(call.db, {
    def: ANNUAL_WORKFLOW as never,
    id: r._id,
    loaded: r as AnnualRecord & Record<string, unknown>,
    step: 'redraft',
    actor,
    now: call.now,
    effect: (state) => {
      const kept: StoredRevision = {
        revision: current,
        figures: r.figures,
        draftedBy: r.draftedBy ?? SCHEDULER,
        draftedAt: r.draftedAt ?? `${r.draftedOn}T00:00:00+08:00`,
        note: r.note ?? null,
        sentBack: sentBack ? { reason: sentBack.text, by: sentBack.by, at: sentBack.at } : null,
      };
      state.revisions = [...(r.revisions ?? []), kept];
      state.revision = current + 1;
      state.figures = figures;
      state.draftedBy = actor.ref;
      state.draftedAt = at;
      state.note = input.note;
      const comment: StoredComment = {
        step: 'redraft',
        round: r._wf.round,
        text: input.note,
        by: actor.ref,
        at,
      };
      state.comments = [...(r.comments ?? []), comment];
    },
  });
  return staffView(call, done.record as unknown as AnnualRecord);
});

/** Published figures only: a draft under review is not public. */
const statsAnnual = handle(decl.statsAnnual, async (input, call) => {
  const rows = rowsOf<AnnualRecord>(
    await call.db
      .collection(ANNUAL_COLLECTION)
      .where({ status: 'published' })
      .orderBy('year', 'desc')
      .limit(50)
      .field({ year: true, figures: true, publishedAt: true, status: true })
      .get(),
  );
  const years = rows.map((r) => r.year);
  const pick = input.year === undefined ? rows[0] : rows.find((r) => r.year === input.year);
  if (input.year !== undefined && !pick) throw new AppError('NOT_FOUND', `${input.year} 年度数据尚未公开`);
  return { years, figures: pick?.figures ?? null, publishedAt: pick?.publishedAt ?? null };
});

export const annualStaffActions = {
  'annual.get': annualGet,
  'annual.step': annualStep,
  'annual.redraft': annualRedraft,
};
export const annualSchedulerActions = { 'annual.draft': annualDraft };
export const annualPublicActions = { 'stats.annual': statsAnnual };

/**
 * The dashboard's countdown (PUB-14): a year's figures not yet published are listed from their drafting until
 * they are, due by 31 January (overdue after it), with the days left in the line.
 */
export const annualDeadlineProvider: DeadlineProvider = {
  id: 'annual.publish',
  label: '年度执法数据公开期限',
  async list(db, scope, now) {
    const _ = db.command;
    const rows = rowsOf<AnnualRecord>(
      await db
        .collection(ANNUAL_COLLECTION)
        .where({ status: _.in(['drafted', 'reviewed', 'approved', 'returned']) })
        .orderBy('year', 'desc')
        .limit(5)
        .get(),
    );
    const today = toShanghaiDate(now);
    const items = rows
      .filter((r) => scope.unitIds.includes(r.unitId))
      .map((r) => {
        const daysLeft = Math.round((Date.parse(r.publishBy) - Date.parse(today)) / 86_400_000);
        const left = daysLeft >= 0 ? `还剩 ${daysLeft} 天` : `已逾期 ${-daysLeft} 天`;
        return {
          unitId: r.unitId,
          section: r.unitId,
          person: null,
          item: `${r.year} 年度执法数据（${ANNUAL_STATE_LABELS[r.status]}），须于 ${r.publishBy} 前公开，${left}`,
          dueAt: new Date(`${r.publishBy}T23:59:59+08:00`),
          status: daysLeft < 0 ? ('overdue' as const) : ('dueSoon' as const),
          ref: `annual:${r.year}`,
        };
      });
    return { items, truncated: false };
  },
};
