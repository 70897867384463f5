/**
 * What staff read (PUB-11): the queues the pages show (my entries; the reviewer's, the office's and the
 * principal's waiting entries; the section's) and one entry with its history, the steps the caller may take now
 * (from the declaration) and the public preview (what `publicView` would publish). Queues are index-served
 * keyset pages (deploy/database.json); every row is checked again with the declaration's `sees`, so a row outside
 * the caller's reach never leaves. Rows carry the party's public name only.
 */
import * as decl from '../../../core/contract/publication';
import type { PublicationQueueRow, StaffQueue } from '../../../core/contract/publication';
import type { Page } from '../../../core/contract/envelope';
import type { Role } from '../../../core/org/roles';
import { roleScope } from '../../../core/org/scope';
import { WITHHOLD_REASON_LABELS } from '../../../core/publication/disclosure';
import { publicPartyName, publicView } from '../../../core/publication/public-view';
import {
  ENTRY_STATE_LABELS,
  PUBLICATION_WORKFLOW,
  SECTION_ROLES,
  approves,
  sees,
} from '../../../core/publication/workflow';
import { allowedSteps } from '../../../core/workflow/define';
import { AppError } from '../../errors';
import type { StaffPrincipal } from '../../org/principal';
import { sectionReviewers, unitHead, unitsUnderCommissions } from '../../org/resolvers';
import { keysetPage } from '../../platform/paging';
import { handle, type Call } from '../../router/types';
import { getDoc } from '../../platform/docs';
import { actorOf, displayUntilOf, loadForStaff } from './access';
import { entryFor } from './sealing';
import { ENTRIES_COLLECTION, PUBLIC_COLLECTION, type EntryRecord, type PublicDoc } from './model';

const DEFAULT_PAGE = 20;
const CURSOR = /^[0-9TZ:.-]{20,30}\|pub_[0-9a-f]{8,40}$/;

export function queueRow(r: EntryRecord): PublicationQueueRow {
  return {
    id: r._id,
    kind: r.kind,
    docNo: r.docNo,
    partyName: publicPartyName(r.entry),
    decisionDate: r.decisionDate,
    status: r.status,
    statusLabel: ENTRY_STATE_LABELS[r.status],
    unitId: r.unitId,
    sectionId: r.sectionId,
    dueDate: r._wf?.nextDue ?? null,
    withheld: r.withheld ?? [],
    round: r._wf?.round ?? 1,
  };
}

/** Units where the caller holds one of `roles` (over the whole unit or some sections). */
const unitsFor = (staff: StaffPrincipal, roles: readonly Role[]) =>
  [...new Set(staff.roles.filter((g) => roles.includes(g.role)).map((g) => g.unitId))].filter((u) => {
    const scope = roleScope(staff, roles, u);
    return scope.wholeUnit || scope.sectionIds.length > 0;
  });

/**
 * The units whose entries the caller approves (PUB-11): each unit whose commission (the enforcement unit's
 * parent) is one where the caller holds `principal`. The enforcement unit's head, principal there for recording
 * matters only, approves no publication.
 */
const approvalUnitsFor = (call: Call) => unitsUnderCommissions(call.db, unitsFor(call.staff!, ['principal']));

async function filterOf(call: Call, queue: StaffQueue): Promise<Record<string, unknown> | null> {
  const staff = call.staff!;
  const _ = call.db.command;
  const inUnits = (roles: readonly Role[]) => {
    const units = unitsFor(staff, roles);
    return units.length ? _.in(units) : null;
  };
  switch (queue) {
    case 'mine':
      return { preparedBy: actorOf(staff).ref };
    case 'review':
      return { reviewerIds: staff.staffId, status: 'submitted' };
    case 'office': {
      const units = inUnits(['publisher']);
      return units && { status: 'reviewed', unitId: units };
    }
    case 'approval': {
      // The enforcement unit's head holds `principal` there for recording only: `sees` and `approves` leave its
      // entries to the commission principal, so the rows filter below drops them from that head's queue.
      const units = await approvalUnitsFor(call);
      return units.length ? { status: 'forwarded', unitId: _.in(units) } : null;
    }
    case 'section': {
      const units = inUnits([...SECTION_ROLES, 'auditor']);
      return units && { unitId: units };
    }
  }
}

const publicationQueue = handle(decl.publicationQueue, async (input, call) => {
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页位置无效，请从第一页重新查看' });
  }
  const filter = await filterOf(call, input.queue);
  if (!filter) return { items: [], total: 0, totalCapped: false, nextCursor: null };
  const page: Page<EntryRecord> = await keysetPage<EntryRecord>(call.db, {
    collection: ENTRIES_COLLECTION,
    filter,
    key: 'queueKey',
    order: 'desc',
    cursor: input.cursor,
    pageSize: input.pageSize ?? DEFAULT_PAGE,
  });
  const actor = actorOf(call.staff!);
  const keep =
    input.queue === 'approval' ? (r: EntryRecord) => approves(actor, r) : (r: EntryRecord) => sees(actor, r);
  return { ...page, items: page.items.filter(keep).map(queueRow) };
});

/**
 * A draft's reviewers are resolved and stored by `submit` itself; the steps a page offers are read with them
 * resolved the same way, or a new draft (no reviewers stored yet) would never be offered `submit`.
 */
async function asSubmitSees(call: Call, r: EntryRecord): Promise<EntryRecord> {
  if (r.status !== 'draft') return r;
  const reviewerIds = r.sectionId
    ? await sectionReviewers(call.db, r.sectionId, call.now)
    : await unitHead(call.db, r.unitId, call.now);
  return { ...r, reviewerIds };
}

const publicationStaffGet = handle(decl.publicationStaffGet, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const actor = actorOf(call.staff!);
  // The public document (if published): its links (PUB-13) and whether it is still listed (display end).
  const pub = await getDoc<PublicDoc>(call.db, PUBLIC_COLLECTION, r.publicId ?? r._id);
  return {
    ...queueRow(r),
    // The party's identifiers whole for those who prepare and decide, masked for the others (sealing.ts).
    ...entryFor(actor, r),
    withheldLabels: (r.withheld ?? []).map((w) => WITHHOLD_REASON_LABELS[w]),
    publicPreview: publicView(r.entry),
    allowedSteps: allowedSteps(PUBLICATION_WORKFLOW, actor, await asSubmitSees(call, r)).filter(
      (s) => !['publish', 'supersede'].includes(s),
    ),
    acts: r._wf.acts.map((a) => ({
      step: a.step,
      label: PUBLICATION_WORKFLOW.steps[a.step]?.label ?? a.step,
      round: a.round,
      actedAt: a.actedAt,
      byMe: a.actor === actor.ref,
    })),
    comments: r.comments.map((c) => ({
      step: c.step,
      round: c.round,
      text: c.text,
      at: c.at,
      byMe: c.by === actor.ref,
    })),
    publishAt: r.publishAt,
    publishedAt: r.publishedAt,
    withdrawal: r.withdrawal,
    channels: r.channels,
    version: r.version,
    supersedes: r.supersedes,
    correctionId: r.correctionId,
    publicId: r.publicId ?? r._id,
    replaces: r.replaces ?? null,
    replacedBy: pub?.replacedBy ?? null,
    fromDecision: r.fromDecision ?? null,
    missing: r.missing ?? [],
    displayUntil: pub?.displayUntil ?? displayUntilOf(r),
    delistedOn: pub?.delistedOn ?? null,
  };
});

export const publicationReadActions = {
  'publication.queue': publicationQueue,
  'publication.staffGet': publicationStaffGet,
};
