/**
 * `service.issue` (REC-7, 行政处罚法 Art. 61): an officer of the case (or a leader reaching its section) serves a
 * document record of the case register on the case's party, who must have consented to electronic service and be
 * enrolled (an active binding; otherwise paper service). The file is the authority's sealed PDF or OFD as stored in
 * the register: its bytes must still have the hash registered, the seal is verified against the certificate embedded
 * in it (server/service/signature.ts), and the signer's subject, the file hash and format are fixed on the service. The
 * service-date rule and the legal settings in force are pinned; the document arrives in the party's list in the
 * same transaction (arrival), and the window for opening it before paper service is planned (paperServiceBy).
 */
import { createHash } from 'node:crypto';
import {
  canSchedule,
  deadlinesFrom,
  DEFAULT_NOT_OPENED_WORKING_DAYS,
  paperServiceBy,
} from '../../../core/service/deadlines';
import { holdsFor } from '../../../core/org/scope';
import * as decl from '../../../core/contract/service-documents';
import { serviceDate } from '../../../core/service/serviceDate';
import { SERVICE_WORKFLOW } from '../../../core/service/workflow';
import { loadCalendar } from '../../calendar';
import { AppError } from '../../errors';
import { createRecord } from '../../kernel/apply';
import { cloudbase } from '../../platform/cloudbase';
import { getDoc } from '../../platform/docs';
import { handle, type Call } from '../../router/types';
import { verifySealedDocument, MAX_SEALED_DOCUMENT_BYTES } from '../../service/signature';
import { settingsForAct } from '../../settings';
import type { SettingsValues } from '../../../core/settings/schema';
import { loadRecord } from '../case/access';
import type { CaseDoc } from '../case/model';
import { getParty } from '../case/parties';
import { staffActor } from './access';
import { recipientsFor } from './bindings';
import { noticeAddressesFor } from './enrol-model';
import { serviceNotices } from './notify';
import { DOCUMENT_TYPES } from '../../../core/case/stages';
import { decidedAtOf, receiptNoOf, serviceIdOf, SERVICES_COLLECTION, type ServiceDoc } from './model';
import { dayOf, rightsUnder, staffView } from './views';
import { deadlineViews, toldOf } from '../../../core/service/views';

const FILE_FIELD = 'payload.recordId';

/** The stored file's bytes (at most the sealed-document limit: a larger file cannot be verified anyway). */
async function storedBytes(fileID: string): Promise<Buffer> {
  const got = await cloudbase()
    .downloadFile({ fileID })
    .catch(() => null);
  const raw = got?.fileContent;
  if (!raw) throw new AppError('PRECONDITION_FAILED', '登记的文书文件无法读取，请重新登记后再送达');
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  if (bytes.length > MAX_SEALED_DOCUMENT_BYTES)
    throw new AppError('INVALID_INPUT', undefined, { [FILE_FIELD]: '文书文件超过 20 MB，无法验证电子签章' });
  return bytes;
}

/**
 * The name under which the legal settings register the seal's certificate, or null when they register none (any
 * intact seal is then accepted, and the service says it was not compared). A certificate the list does not hold is
 * refused: a seal made with a look-alike certificate in the commission's name proves nothing (REC-7).
 */
function sealRegistration(registered: SettingsValues['sealCertificates'], certSha256: string): string | null {
  if (!registered?.length) return null;
  const match = registered.find((c) => c.sha256 === certSha256);
  if (!match)
    throw new AppError('INVALID_INPUT', undefined, {
      [FILE_FIELD]:
        '文书的电子签章证书不是本机关在法定设置中登记的签章证书，不能送达；印章证书更换后，请先由管理员登记新证书',
    });
  return match.name;
}

function mayServe(call: Call, kase: CaseDoc): boolean {
  const actor = staffActor(call);
  return (
    kase.officerStaffIds.includes(call.staff!.staffId) ||
    holdsFor(actor, ['reviewer', 'principal'], kase.unitId, [kase.sectionId])
  );
}

const serviceIssue = handle(decl.serviceIssue, async (input, call) => {
  const { record, kase } = await loadRecord(call, input.recordId);
  if (!mayServe(call, kase)) throw new AppError('FORBIDDEN', '只有本案执法人员或其领导可以送达文书');
  if (record.type !== 'document' || !record.document)
    throw new AppError('INVALID_INPUT', undefined, { [FILE_FIELD]: '只能送达文书类的执法记录' });
  if (!record.file || record.storage !== 'private')
    throw new AppError('INVALID_INPUT', undefined, {
      [FILE_FIELD]: '该文书没有保存盖章的电子文件，不能电子送达',
    });
  const docType = record.document.docType;
  if (input.hearingDate && docType !== 'hearingNotice')
    throw new AppError('INVALID_INPUT', undefined, {
      'payload.hearingDate': '只有听证通知书需要填写听证日期',
    });
  if (!input.hearingDate && docType === 'hearingNotice')
    throw new AppError('INVALID_INPUT', undefined, { 'payload.hearingDate': '请填写听证日期' });

  const id = serviceIdOf(record._id, kase.partyId);
  if (await getDoc<ServiceDoc>(call.db, SERVICES_COLLECTION, id))
    throw new AppError('CONFLICT', '该文书已向当事人电子送达，不能重复送达');
  // Consent first (行政处罚法 Art. 61): without an enrolled recipient the document goes on paper.
  const recipients = await recipientsFor(call.db, kase.partyId, kase._id);
  if (recipients.length === 0) throw new AppError('PRECONDITION_FAILED', '未确认电子送达，须纸质送达');

  if ((record.file.size ?? 0) > MAX_SEALED_DOCUMENT_BYTES)
    throw new AppError('INVALID_INPUT', undefined, { [FILE_FIELD]: '文书文件超过 20 MB，无法验证电子签章' });
  const bytes = await storedBytes(record.file.fileID);
  if (createHash('sha256').update(bytes).digest('hex') !== record.sha256)
    throw new AppError('INVALID_INPUT', undefined, {
      [FILE_FIELD]: '文书文件与案件登记时的哈希值不一致，可能已被改动，不能送达',
    });
  const seal = verifySealedDocument(bytes);
  if (!seal.ok) throw new AppError('INVALID_INPUT', undefined, { [FILE_FIELD]: seal.message });

  const calendar = await loadCalendar(call.db);
  const { values, stamp } = await settingsForAct(call.db, call.now);
  const registeredSeal = sealRegistration(values.sealCertificates, seal.certSha256);
  let hearing: ServiceDoc['hearing'] = null;
  if (input.hearingDate) {
    // Art. 64(二): the notice reaches the party that many working days before the hearing, counted back from it.
    const days = values.hearingNoticeDays;
    const check = canSchedule(call.now, input.hearingDate, calendar, days);
    if (!check.ok)
      throw new AppError(
        'PRECONDITION_FAILED',
        `听证日期过近：听证通知书须在听证 ${days} 个工作日前送达，该日期的最晚送达日为 ${check.latestServiceDay.date}，请另定听证日期`,
      );
    hearing = {
      date: input.hearingDate,
      latestServiceDay: check.latestServiceDay,
      noticeWorkingDays: days,
      reschedule: false,
    };
  }

  const party = await getParty(call.db, kase.partyId);
  const times = { arrivedAt: call.now, firstOpenedAt: undefined, acknowledgedAt: undefined };
  const window = values.serviceNotOpenedWorkingDays ?? DEFAULT_NOT_OPENED_WORKING_DAYS;
  const paper = paperServiceBy(call.now, window, calendar, decidedAtOf(kase));
  const issuedOn = dayOf(call.now);
  const state: Omit<ServiceDoc, '_id' | '_rev' | '_wf' | 'state' | 'updatedAt'> = {
    caseId: kase._id,
    caseNo: kase.caseNo,
    unitId: kase.unitId,
    sectionId: kase.sectionId,
    officerStaffIds: kase.officerStaffIds,
    partyId: kase.partyId,
    partyName: kase.partyName,
    partyKind: party?.kind === 'person' ? 'person' : 'organisation',
    recordId: record._id,
    docType,
    docNo: record.document.docNo ?? null,
    title: record.title,
    file: {
      fileID: record.file.fileID,
      sha256: seal.fileSha256,
      size: record.file.size ?? null,
      format: seal.format,
    },
    signer: {
      subject: seal.signerSubject,
      certSerial: seal.certSerial,
      certSha256: seal.certSha256,
      signedAt: seal.signedAt,
      registeredAs: registeredSeal,
    },
    rights: {
      penalties: input.penalties ?? [],
      onSpot: input.onSpot ?? false,
      statementPeriodDays: input.statementPeriodDays ?? null,
    },
    dateRule: values.serviceDateRule,
    issuedAt: call.now,
    issuedBy: call.staff!.staffId,
    // The document is in the party's "我的送达文书" once this commits: that is its arrival.
    arrivedAt: call.now,
    firstOpenedAt: null,
    acknowledgedAt: null,
    serviceDate: serviceDate(values.serviceDateRule, times) ?? null,
    told: {},
    receiptNo: receiptNoOf(id, issuedOn),
    paper: { ...paper, flagged: false },
    paperCheckOn: paper.flagOn.date,
    hearing,
    submissions: [],
    sortKey: `${call.now.toISOString()}_${id}`,
    createdAt: call.now,
  };
  // Under the 'arrival' rule the service date is fixed now: the dates it starts are what the party is told.
  if (state.serviceDate) {
    const rights = rightsUnder(state, values);
    state.told = toldOf(deadlineViews(rights, deadlinesFrom(rights, state.serviceDate.at, calendar)));
  }
  await createRecord(call.db, {
    def: SERVICE_WORKFLOW,
    id,
    actor: staffActor(call),
    now: call.now,
    state: state as unknown as Record<string, unknown>,
    initialState: 'served',
    settingsVersion: stamp.settingsVersion,
    // The party is told in the same commit (outbox, delivered at most once): a subscribe message where a grant
    // was given and an SMS with the link, to the active recipients only (REC-7; docs/service.md "Notices").
    inserts: serviceNotices({
      serviceId: id,
      docTypeLabel: DOCUMENT_TYPES[docType],
      issuedAt: call.now,
      addresses: await noticeAddressesFor(call.db, recipients),
    }),
  });
  const created = await getDoc<ServiceDoc>(call.db, SERVICES_COLLECTION, id);
  return staffView(created!);
});

export const serviceIssueActions = { 'service.issue': serviceIssue };
