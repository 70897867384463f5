/**
 * Creating entries (PUB-6, PUB-10): from the staff form or a 双公示 CSV import, each belonging to the unit and
 * section that made the decision, which must be within the preparer's own reach (an officer of that unit and
 * section). The publication clock (PUB-12: 7 working days for penalties and permits, 20 for the rest) starts on
 * the decision date and its due date is stored (`_wf.nextDue`, indexed for the dashboard).
 */
import { holdsFor } from '../../../core/org/scope';
import { disclosureOf } from '../../../core/publication/disclosure';
import { PUBLICATION_CLOCKS, publicationClockFor } from '../../../core/publication/due';
import type { PublicationEntry } from '../../../core/publication/fields';
import { PREPARING_ROLES, PUBLICATION_WORKFLOW } from '../../../core/publication/workflow';
import { applyClocks } from '../../../core/workflow/clocks';
import { emptyWorkflow } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import type { Calendar } from '../../../core/calendar/calendar';
import { AppError } from '../../errors';
import { commitChange } from '../../ledger/commit';
import { commissionOf } from '../../org/resolvers';
import { getSection } from '../../org/units';
import type { StaffPrincipal } from '../../org/principal';
import type { Database } from '../../platform/cloudbase';
import { actorOf, loadEntry } from './access';
import { sealEntry } from './sealing';
import { ENTRIES_COLLECTION, type EntryRecord, type EntryState_ } from './model';

/** Refuses a unit or section outside the preparer's reach, or a section of another unit (PUB-10). */
export async function assertMayPrepareFor(
  db: Database,
  staff: StaffPrincipal,
  unitId: string,
  sectionId: string | null,
): Promise<void> {
  if (!holdsFor(actorOf(staff), PREPARING_ROLES, unitId, sectionId ? [sectionId] : [])) {
    throw new AppError('FORBIDDEN', '只能为本单位、本科室作出的决定制作公示条目');
  }
  if (sectionId) {
    const section = await getSection(db, sectionId);
    if (!section || section.unitId !== unitId) {
      throw new AppError('INVALID_INPUT', undefined, { 'payload.entry.sectionId': '所属科室不属于所属单位' });
    }
  }
}

export function withheldOf(entry: PublicationEntry) {
  const d = disclosureOf(entry);
  return d.status === 'withheld' ? d.reasons : [];
}

export interface DraftInput {
  staff: StaffPrincipal;
  entry: PublicationEntry;
  id: string;
  now: Date;
  source: EntryRecord['source'];
  calendar: Calendar;
  /** The unit whose principal approves it (the commission: server/org/resolvers.ts `commissionOf`). */
  approvalUnitId: string;
  /** A correction: the version it replaces (PUB-13), and the clock's start (the day of the change). */
  supersedes?: { id: string; version: number; publicId: string; startsOn: string };
  /** A changed decision's new entry: the old one's public id and document number (PUB-13). */
  replaces?: { id: string; docNo: string } | null;
}

/** A new draft's state: the publication clock started on the decision date (a correction: on the day it starts). */
export function draftState(input: DraftInput): EntryState_ {
  const { entry, now } = input;
  const base = emptyWorkflow(null);
  const wf = {
    ...base,
    ...applyClocks(
      input.calendar,
      PUBLICATION_CLOCKS,
      base,
      { start: [publicationClockFor(entry.kind)] },
      input.supersedes?.startsOn ?? entry.decisionDate,
    ),
  };
  return {
    _wf: wf,
    status: 'draft',
    unitId: entry.unitId,
    sectionId: entry.sectionId,
    preparedBy: actorOf(input.staff).ref,
    reviewerIds: [],
    approvalUnitId: input.approvalUnitId,
    entry,
    correctionId: null,
    withdrawal: null,
    kind: entry.kind,
    decisionDate: entry.decisionDate,
    docNo: entry.docNo,
    withheld: withheldOf(entry),
    source: input.source,
    version: input.supersedes ? input.supersedes.version + 1 : 1,
    supersedes: input.supersedes?.id ?? null,
    publicId: input.supersedes?.publicId ?? input.id,
    replaces: input.replaces ?? null,
    publishAt: null,
    publishedAt: null,
    comments: [],
    channels: {
      miniprogram: 'pending',
      portal: 'notDelivered',
      creditExport: 'notDelivered',
      officialAccount: 'notDelivered',
    },
    queueKey: `${now.toISOString()}|${input.id}`,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Writes a new draft with id `id`; a retry that finds it already made answers it (the id derives from the
 * request: server/platform/ids.ts).
 */
export async function createEntry(
  db: Database,
  input: Omit<DraftInput, 'calendar' | 'supersedes' | 'approvalUnitId'> & { calendar?: Calendar },
): Promise<EntryRecord> {
  const existing = await loadEntry(db, input.id);
  if (existing) return existing;
  const calendar = input.calendar ?? (await loadCalendar(db));
  const approvalUnitId = await commissionOf(db, input.entry.unitId);
  const state = await sealEntry(db, input.id, draftState({ ...input, calendar, approvalUnitId }), input.now);
  const actor = actorOf(input.staff);
  await commitChange(db, {
    actor: actor.ref,
    action: `${PUBLICATION_WORKFLOW.type}.create`,
    at: input.now,
    entities: [{ collection: ENTRIES_COLLECTION, id: input.id, expectedRev: null, state: { ...state } }],
  });
  return (await loadEntry(db, input.id))!;
}
