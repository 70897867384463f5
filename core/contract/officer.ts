/**
 * The officer actions' contract (PUB-2, PUB-4: public `officer.verify` / `officer.list`, and the
 * administrators' staff actions). Schemas use zod/mini because the mini-program bundles them.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import type { Page } from './envelope';
import { withLabels } from './labels';
import { CERT_NO_PATTERN, normalizeCertNo, SHORT_ID_PATTERN } from '../officer/cert-no';
import type { OfficerStatus, StoredOfficerStatus } from '../officer/status';

const PLAIN_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const certNoSchema = z
  .string()
  .check(
    z.maxLength(64, '执法证号过长'),
    z.overwrite(normalizeCertNo),
    z.regex(CERT_NO_PATTERN, '执法证号应为 4–32 位数字、字母或汉字'),
  );

export const shortIdSchema = z.string().check(
  z.overwrite((v) => v.trim().toUpperCase()),
  z.regex(SHORT_ID_PATTERN, '二维码编号不正确'),
);

const plainDate = (label: string) =>
  z.string().check(z.regex(PLAIN_DATE, `${label}应为 YYYY-MM-DD 格式的日期`));
const personName = z.string().check(
  z.overwrite((v) => v.trim()),
  z.minLength(1),
  z.maxLength(32),
);

/** On a certificate `name` is the holder's, and its dates are the certificate's (labels.ts). */
const CERTIFICATE_LABELS = {
  name: '姓名',
  validFrom: '发证日期',
  validUntil: '有效期至',
  field: '执法领域',
  area: '执法区域',
  photoFileId: '登记照片',
} as const;
/** As printed on the certificate, e.g. 执法领域「公共卫生、医疗卫生」, 执法区域「××区」. */
const certificateText = z.string().check(
  z.overwrite((v) => v.trim()),
  z.minLength(2),
  z.maxLength(64),
);
/** A cloud storage file id of the registered photo (uploaded by the administrator; shown through a temp URL). */
const photoFileId = z.string().check(z.regex(/^cloud:\/\/[!-~]{4,500}$/, '登记照片的文件标识不正确'));
const reason = z.string().check(
  z.overwrite((v) => v.trim()),
  z.minLength(2, '请写明原因'),
  z.maxLength(200),
);
const officerId = z.string().check(z.minLength(1), z.maxLength(64));

/** `{certNo}` typed by a citizen, or `{shortId}` decoded from the badge's mini-program code: exactly one. */
export const officerVerifyInput = z
  .strictObject({ certNo: z.optional(certNoSchema), shortId: z.optional(shortIdSchema) })
  .check(
    z.refine((v) => (v.certNo === undefined) !== (v.shortId === undefined), {
      message: '请填写执法证号',
      path: ['certNo'],
    }),
  );
export type OfficerVerifyInput = z.infer<typeof officerVerifyInput>;

export const officerListInput = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(64))),
  pageSize: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
  unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type OfficerListInput = z.infer<typeof officerListInput>;

/** What the public sees of an officer: only what the regulations publish (name, unit, certificate). */
export interface OfficerPublicView {
  certNo: string;
  name: string;
  unitName: string;
  status: OfficerStatus;
  validFrom: string;
  validUntil: string;
  /**
   * For a certificate that is not valid: the day it was held back (暂扣), revoked (吊销) or cancelled (注销), or
   * for an expired one its last valid day; null otherwise, and for records kept before these dates were recorded.
   */
  statusDate: string | null;
  /** 执法领域 and 执法区域 as on the certificate; null where the register does not hold them yet. */
  field: string | null;
  area: string | null;
  /** A short-lived link to the registered photo; null when the register holds none. */
  photoUrl: string | null;
}

export const officerAddInput = withLabels(
  z.strictObject({
    certNo: certNoSchema,
    name: personName,
    unitId: z.string().check(z.minLength(1), z.maxLength(64)),
    /** As printed on the certificate; shown to the public. Defaults to the unit's name in the organisation. */
    unitName: z.optional(
      z.string().check(
        z.overwrite((v) => v.trim()),
        z.minLength(2),
        z.maxLength(64),
      ),
    ),
    validFrom: plainDate('发证日期'),
    validUntil: plainDate('有效期至'),
    staffId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    field: z.optional(certificateText),
    area: z.optional(certificateText),
    photoFileId: z.optional(photoFileId),
  }),
  CERTIFICATE_LABELS,
);
export type OfficerAddInput = z.infer<typeof officerAddInput>;

/** The certificate number never changes: a new certificate is a new record (and the old one is cancelled, 注销). */
export const officerUpdateInput = withLabels(
  z.strictObject({
    officerId,
    name: z.optional(personName),
    unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    unitName: z.optional(
      z.string().check(
        z.overwrite((v) => v.trim()),
        z.minLength(2),
        z.maxLength(64),
      ),
    ),
    validFrom: z.optional(plainDate('发证日期')),
    validUntil: z.optional(plainDate('有效期至')),
    staffId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(64)))),
    field: z.optional(z.nullable(certificateText)),
    area: z.optional(z.nullable(certificateText)),
    photoFileId: z.optional(z.nullable(photoFileId)),
  }),
  CERTIFICATE_LABELS,
);
export type OfficerUpdateInput = z.infer<typeof officerUpdateInput>;

/**
 * 暂扣, 吊销 or 注销: why, and the day it took effect (as on the decision; today in Shanghai when left out). The
 * date is shown to the public on the verification result.
 */
export const officerStatusChangeInput = withLabels(
  z.strictObject({ officerId, reason, date: z.optional(plainDate('生效日期')) }),
  { date: '生效日期' },
);
export type OfficerStatusChangeInput = z.infer<typeof officerStatusChangeInput>;

/** Reinstating needs no reason beyond the record of who did it; one may be given. */
export const officerReinstateInput = z.strictObject({ officerId, reason: z.optional(reason) });
export type OfficerReinstateInput = z.infer<typeof officerReinstateInput>;

export const officerBadgeCodeInput = z.strictObject({ officerId });

/** What administrators see (staff actions). */
export interface OfficerAdminView extends OfficerPublicView {
  id: string;
  shortId: string;
  unitId: string;
  storedStatus: StoredOfficerStatus;
  staffId: string | null;
  statusReason: string | null;
  photoFileId: string | null;
}

export interface OfficerBadgeCode {
  shortId: string;
  /** The page the code opens (without leading slash, as wxacode wants it). */
  page: string;
  contentType: string;
  /** The image, base64. */
  imageBase64: string;
}

/** The page a badge's code opens; the mini-program reads `scene` there. */
export const OFFICER_VERIFY_PAGE = 'pages/officer/verify/index';

// ---- Declarations (PUB-4: anyone verifies an officer; administrators keep the register) ----

const ADMIN = ['admin'] as const;
const adminWrite = { fn: 'staff', access: 'staff', roles: ADMIN, idempotent: true } as const;

export const officerVerify = declareAction<OfficerPublicView>()({
  fn: 'public',
  name: 'officer.verify',
  access: 'public',
  input: officerVerifyInput,
});
export const officerList = declareAction<Page<OfficerPublicView>>()({
  fn: 'public',
  name: 'officer.list',
  access: 'public',
  input: officerListInput,
});
export const officerAdd = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.add',
  input: officerAddInput,
});
export const officerUpdate = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.update',
  input: officerUpdateInput,
});
export const officerSuspend = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.suspend',
  input: officerStatusChangeInput,
});
export const officerReinstate = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.reinstate',
  input: officerReinstateInput,
});
export const officerRevoke = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.revoke',
  input: officerStatusChangeInput,
});
/** 注销: the holder left enforcement work (transfer, retirement); not a sanction, unlike 吊销. Final. */
export const officerCancel = declareAction<OfficerAdminView>()({
  ...adminWrite,
  name: 'officer.cancel',
  input: officerStatusChangeInput,
});
/** Read-only for the register (the code is deterministic for a scene), so not idempotent-stored. */
export const officerBadgeCode = declareAction<OfficerBadgeCode>()({
  fn: 'staff',
  name: 'officer.badgeCode',
  access: 'staff',
  roles: ADMIN,
  input: officerBadgeCodeInput,
});
