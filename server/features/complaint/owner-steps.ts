/**
 * The owner's steps on their own complaint (PUB-3): add material while it is open, rate the handling once it is
 * over, withdraw it. Each is a step of the complaint's workflow declaration (core/complaint/workflow.ts: `owns`
 * guards them, so only the openid that submitted it may act) applied by the kernel, so the act, its clocks (a
 * withdrawn complaint stops them all) and the record's chain are written in one transaction. Idempotent: the
 * router answers a retried requestId once. A number that is not the caller's answers NOT_FOUND like one that
 * does not exist (REC-14).
 */
import * as decl from '../../../core/contract/complaint';
import {
  COMPLAINT_CITIZEN_STEPS,
  type CitizenComplaintView,
  type ComplaintCitizenStep,
} from '../../../core/contract/complaint';
import { COMPLAINT_WORKFLOW } from '../../../core/complaint/workflow';
import { citizenView } from '../../../core/complaint/views';
import { allowedSteps, emptyWorkflow, refusalOf, type WorkflowActor } from '../../../core/workflow/define';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { applyStep } from '../../kernel/apply';
import { discardOriginals, isOwnQuarantineFile, temporaryUrls } from '../../media';
import { handle, type Call } from '../../router/types';
import { settingsForAct } from '../../settings/act';
import type { ComplaintRecord, ComplaintState } from './model';
import { complaintPeriods, findByTrackingNo } from './repository';
import { checkPhotoOwnership, complaintOwnerRef, intakePhotos } from './submit';

export const ownerActor = (openid: string): WorkflowActor => ({
  kind: 'citizen',
  ref: complaintOwnerRef(openid),
});

const asWorkflow = (record: ComplaintRecord) => ({ ...record, _wf: record._wf ?? emptyWorkflow() });

/** The caller's own complaint, or NOT_FOUND exactly as for a number that does not exist. */
export async function loadOwn(call: Call, trackingNo: string): Promise<ComplaintRecord> {
  const record = await findByTrackingNo(call.db, trackingNo);
  if (!record || record.ownerRef !== complaintOwnerRef(call.caller.openid!)) {
    throw new AppError('NOT_FOUND', '未找到该受理编号对应的投诉举报');
  }
  return record;
}

/** The owner's steps open now, from the declaration (each action checks again). */
export function ownerSteps(openid: string, record: ComplaintRecord): ComplaintCitizenStep[] {
  const open = allowedSteps(COMPLAINT_WORKFLOW as never, ownerActor(openid), asWorkflow(record) as never);
  return COMPLAINT_CITIZEN_STEPS.filter((s) => open.includes(s));
}

/** What the owner sees, with short-lived URLs of their photos when asked (the detail page). */
export async function ownerView(
  openid: string,
  record: ComplaintRecord,
  withPhotos: boolean,
): Promise<CitizenComplaintView> {
  const photoUrls = withPhotos ? await temporaryUrls(record.photos.map((p) => p.fileID)) : [];
  return citizenView(record, { photoUrls, citizenSteps: ownerSteps(openid, record) });
}

function refuseEarly(openid: string, record: ComplaintRecord, step: ComplaintCitizenStep): void {
  const refusal = refusalOf(
    COMPLAINT_WORKFLOW as never,
    ownerActor(openid),
    asWorkflow(record) as never,
    step,
  );
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** One owner step through the kernel, the step's own changes made by `effect` on the new state. */
async function runOwnerStep(
  call: Call,
  record: ComplaintRecord,
  step: ComplaintCitizenStep,
  effect: (s: ComplaintState) => void,
): Promise<CitizenComplaintView> {
  const openid = call.caller.openid!;
  const { version, periods } = await complaintPeriods(call.db, call.now);
  const done = await applyStep<ComplaintRecord & Record<string, unknown>>(call.db, {
    def: COMPLAINT_WORKFLOW as never,
    id: record._id,
    loaded: record as ComplaintRecord & Record<string, unknown>,
    step,
    actor: ownerActor(openid),
    now: call.now,
    calendar: await loadCalendar(call.db),
    periodValues: { ...periods },
    settingsVersion: async () => version,
    effect: (state) => effect(state as unknown as ComplaintState),
  });
  return ownerView(openid, { ...(done.record as unknown as ComplaintRecord) }, false);
}

/**
 * Text and up to 3 photos while the matter is open, at most 5 times. The photos go through the same intake as
 * the form's (checked, metadata stripped, into the complaint's private folder, numbered on from the earlier
 * ones), so the handlers see them with the rest; the text joins the timeline.
 */
const complaintAddMaterial = handle(decl.complaintAddMaterial, async (input, call) => {
  const openid = call.caller.openid!;
  const photos = input.photos ?? [];
  try {
    const record = await loadOwn(call, input.trackingNo);
    refuseEarly(openid, record, 'addMaterial');
    checkPhotoOwnership(photos, openid);
    const clean = await intakePhotos(record._id, photos, record.photos.length + 1);
    const view = await runOwnerStep(call, record, 'addMaterial', (s) => {
      s.photos = [
        ...s.photos,
        ...clean.map(({ fileID, contentType, size, sha256 }) => ({ fileID, contentType, size, sha256 })),
      ];
      s.materials = [
        ...(s.materials ?? []),
        { at: call.now, text: input.text ?? null, photoCount: clean.length },
      ];
      const photoNote = clean.length ? `（附 ${clean.length} 张图片）` : '';
      s.timeline.push({
        at: call.now,
        event: 'materialAdded',
        text: `${input.text ?? '补充了图片'}${photoNote}`,
      });
    });
    await discardOriginals(photos);
    return view;
  } catch (err) {
    // A decided refusal deletes the caller's own originals (they would wait in quarantine with their EXIF).
    if (err instanceof AppError && err.code !== 'INTERNAL') {
      await discardOriginals(photos.filter((fileID) => isOwnQuarantineFile(fileID, openid)));
    }
    throw err;
  }
});

/** Once, after 办结 or 不予受理: a score of 1 to 5 and an optional comment. */
const complaintRate = handle(decl.complaintRate, async (input, call) => {
  const record = await loadOwn(call, input.trackingNo);
  return runOwnerStep(call, record, 'rate', (s) => {
    s.rating = { score: input.score, comment: input.comment ?? null, at: call.now };
    s.timeline.push({ at: call.now, event: 'rated', text: `评分 ${input.score} 分` });
  });
});

/**
 * A complaint (投诉: the complainant's own rights) withdrawn ends its handling (status 已撤回, every clock
 * stopped). A report (举报) is a lead on a violation the agency acts on of its own duty: the withdrawal is recorded
 * and shown, the status and clocks stay (the agency may still act on it).
 */
const complaintWithdraw = handle(decl.complaintWithdraw, async (input, call) => {
  const record = await loadOwn(call, input.trackingNo);
  const reason = input.reason ? `：${input.reason}` : '';
  if (record.kind === 'complaint') {
    return runOwnerStep(call, record, 'withdraw', (s) => {
      s.withdrawnAt = call.now;
      s.timeline.push({ at: call.now, event: 'withdrawn', text: `投诉人撤回投诉${reason}。投诉处理终止。` });
    });
  }
  return runOwnerStep(call, record, 'withdrawReport', (s) => {
    s.withdrawnAt = call.now;
    s.timeline.push({
      at: call.now,
      event: 'withdrawn',
      text: `举报人表示撤回举报${reason}。举报反映的违法线索，执法机关仍可依法核查处理。`,
    });
  });
});

/** `public` `complaint.terms`: the periods the pages state, from the legal settings in force (not hard-coded). */
const complaintTerms = handle(decl.complaintTerms, async (_input, call) => {
  const { values, stamp } = await settingsForAct(call.db, call.now);
  return { settingsVersion: stamp.settingsVersion, periods: { ...values.complaintHandlingDays } };
});

export const complaintOwnerActions = {
  'complaint.addMaterial': complaintAddMaterial,
  'complaint.rate': complaintRate,
  'complaint.withdraw': complaintWithdraw,
};

export const complaintPublicActions = {
  'complaint.terms': complaintTerms,
};
