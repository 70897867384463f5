/**
 * Preparing entries (PUB-6, PUB-10; PUB-13 corrections): create from the form, import a 双公示 CSV, correct a
 * draft, start the correction of a published entry. Every entry belongs to the preparer's own unit and section.
 */
import * as decl from '../../../core/contract/publication';
import { IMPORT_BATCH_ROWS, MAX_IMPORT_ROWS } from '../../../core/contract/publication';
import { hashText } from '../../platform/crypto';
import { PUBLICATION_CLOCKS, publicationClockFor } from '../../../core/publication/due';
import { applyClocks } from '../../../core/workflow/clocks';
import { parseSgsCsv } from '../../../core/publication/sgs-csv';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { handle, type Call } from '../../router/types';
import { actorOf, answerOf, loadForStaff, step, todayOf, BATCH_BUDGET_MS } from './access';
import { commissionOf } from '../../org/resolvers';
import { assertMayPrepareFor, createEntry, draftState, withheldOf } from './create';
import { ENTRIES_COLLECTION } from './model';
import { sealEntry } from './sealing';

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
      // The whole entry was checked (entrySchema): a draft from a decision is now complete.
      if (s.missing) s.missing = [];
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
  const approvalUnitId = r.approvalUnitId ?? (await commissionOf(call.db, r.unitId));
  const done = await step(call.db, 'correct', {
    actor: actorOf(call.staff!),
    now: call.now,
    calendar,
    loaded: r,
    effect: (s) => {
      s.correctionId = correctionId;
    },
    alsoWrite: async () => [
      {
        collection: ENTRIES_COLLECTION,
        id: correctionId,
        expectedRev: null,
        state: await sealEntry(
          call.db,
          correctionId,
          draftState({
            staff: call.staff!,
            entry: input.entry,
            id: correctionId,
            now: call.now,
            source: { via: 'correction' },
            calendar,
            approvalUnitId,
            supersedes: {
              id: r._id,
              version: r.version,
              publicId: r.publicId ?? r._id,
              startsOn: todayOf(call.now),
            },
            replaces: r.replaces ?? null,
          }),
          call.now,
        ),
      },
    ],
  });
  return { ...answerOf(done), correctionId };
});

export const publicationPrepareActions = {
  'publication.create': publicationCreate,
  'publication.import': publicationImport,
  'publication.edit': publicationEdit,
  'publication.correct': publicationCorrect,
};
