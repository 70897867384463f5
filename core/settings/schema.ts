/**
 * The legal settings' shape: service-date rule, review body and court, statement and display periods, rights
 * texts, retention table, complaint periods. They are the legal section's settings, not code: a change is a new
 * version, and each act records the version it was made under, so a later change never rewrites what a party
 * was told (PUB-5).
 */
import * as z from 'zod/mini';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const days = z.int().check(z.minimum(0), z.maximum(3650));
const key = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/));
/** A public telephone number, digits and hyphens (023-12345678, 12345): what wx.makePhoneCall dials. */
const phone = z.string().check(z.trim(), z.regex(/^[0-9][0-9-]{2,19}$/));
/**
 * A body a party turns to (the review body, the court): its name, the legal basis for naming it, and where the
 * public reaches it (address and phone, optional: shown on the public rights page when set, PUB-5).
 */
/** An amount in yuan (a fine, a confiscation, a threshold). */
export const yuanSchema = z.number().check(z.minimum(0), z.maximum(1e12));
const thresholdPair = z.strictObject({ fineYuan: yuanSchema, confiscationYuan: yuanSchema });
/** 较大数额 / 较大价值 of 行政处罚法 Art. 63, for a person and for an organisation, in yuan ("以上": inclusive). */
export const hearingThresholdsSchema = z.strictObject({
  person: thresholdPair,
  organisation: thresholdPair,
});

const remedyBody = z.strictObject({
  name,
  basis: z.string().check(z.maxLength(200)),
  address: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  phone: z.optional(phone),
});

/** When electronic service takes effect (民事诉讼法 Art. 90 as applied to administrative service). */
export const SERVICE_DATE_RULES = ['firstOpenOrAcknowledge', 'acknowledge', 'arrival'] as const;

const displayTier = z.strictObject({
  minMonths: z.int().check(z.minimum(0), z.maximum(120)),
  maxMonths: z.int().check(z.minimum(0), z.maximum(120)),
});

/** Months an entry stays listed on the commission's own carriers; null: no end (core/publication/display.ts). */
const carrierMonths = z.nullable(z.int().check(z.minimum(1), z.maximum(1200)));

export const settingsValuesSchema = z.strictObject({
  serviceDateRule: z.enum(SERVICE_DATE_RULES),
  /**
   * Working days an electronically served document may stay unopened before the officer is told to serve it on
   * paper (absent: 2, so paper service still fits inside 行政处罚法 Art. 61's 7 working days).
   */
  serviceNotOpenedWorkingDays: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  reviewBody: remedyBody,
  court: remedyBody,
  /** Calendar days to apply for administrative review (行政复议法 Art. 20). */
  reviewPeriodDays: days,
  /** Months to bring an action (行政诉讼法 Art. 46). */
  litigationPeriodMonths: z.int().check(z.minimum(1), z.maximum(24)),
  /** Working days the 事先告知书 gives for statements and defences (later ones are accepted, marked late). */
  statementPeriodDays: days,
  /** Working days to request a hearing (行政处罚法 Art. 64). */
  hearingRequestDays: days,
  /** Days between the hearing notice and the hearing (Art. 64). */
  hearingNoticeDays: days,
  /**
   * 较大数额 / 较大价值 of 行政处罚法 Art. 63 in yuan, for a person and for an organisation, with the rule that sets
   * them (the municipality's hearing rules). Optional so that versions published before it stay valid; without it
   * a fine or confiscation alone opens no hearing right (core/service/rights.ts).
   */
  hearingThresholds: z.optional(
    z.extend(hearingThresholdsSchema, { basis: z.string().check(z.maxLength(200)) }),
  ),
  /** Working days to publish decisions (PUB-12; 国办发〔2018〕118号) and to withdraw an entry (PUB-13). */
  publicationWorkingDays: z.strictObject({ penaltyOrPermit: days, other: days }),
  withdrawalWorkingDays: days,
  /** Credit-platform display periods per tier, and what they count from (national credit-repair rules). */
  displayPeriods: z.strictObject({
    countFrom: z.enum(['decision', 'publication']),
    minor: displayTier,
    general: displayTier,
    serious: displayTier,
  }),
  /**
   * How long entries stay listed on the commission's own carriers (mini-program, portal feed, official account),
   * per kind and, for penalties, per tier, counted from the decision date (the legal section's setting).
   * Absent in versions made before it existed: the credit platform's longest periods for penalties, no end for
   * the other kinds (server/settings/defaults.ts).
   */
  carrierDisplay: z.optional(
    z.strictObject({
      penalty: z.strictObject({ minor: carrierMonths, general: carrierMonths, serious: carrierMonths }),
      permit: carrierMonths,
      coercion: carrierMonths,
      inspection: carrierMonths,
      levy: carrierMonths,
    }),
  ),
  /** Rights notice texts per document type; `{reviewBody}`, `{court}` and the periods are filled in when shown. */
  rightsTexts: z.record(key, z.string().check(z.minLength(1), z.maxLength(4000))),
  /** Retention per record category (REC-12): months, or a rule named in words (with the case file). */
  retention: z.record(
    key,
    z.union([
      z.strictObject({ months: z.int().check(z.minimum(1), z.maximum(1200)) }),
      z.strictObject({ rule: z.string().check(z.minLength(1), z.maxLength(200)) }),
    ]),
  ),
  /**
   * The official account: when the digest of new results is prepared (Shanghai time; working days only
   * unless `everyDay`), and whether the account's service category allows long-term subscribe messages (长期订阅,
   * granted only to some public-service categories); absent: 17:00 on working days, no long-term messages.
   */
  officialAccount: z.optional(
    z.strictObject({
      digestTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
      everyDay: z.boolean(),
      longTermSubscribe: z.boolean(),
    }),
  ),
  /**
   * When staff are reminded of their overdue and due-soon work (Shanghai time, working days only); absent: 09:00.
   */
  staffReminders: z.optional(
    z.strictObject({ time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)) }),
  ),
  /** Complaints and reports (market regulation's rules of 2022; 信访工作条例). */
  complaintHandlingDays: z.strictObject({
    acceptanceWorkingDays: days,
    reporterFeedbackWorkingDays: days,
    /** 信访工作条例 Art. 32: calendar days from receipt to tell a petitioner whether the matter is accepted. */
    petitionReplyDays: days,
    /** 信访工作条例 Art. 35: calendar days from acceptance to finish a petition. */
    petitionFinishDays: days,
    /** 信访工作条例 Art. 35: the one extension of a petition, at most these calendar days (absent: 30). */
    petitionExtensionDays: z.optional(days),
    /**
     * Calendar days to finish handling an accepted complaint or report: an internal target (内部目标), not a legal
     * limit (the benchmark sets none; default: the petition rules' 60 days).
     */
    handlingDays: days,
    /** Working days from receipt to decide on 立案 for a report (市场监督管理行政处罚程序规定 Art. 18; absent: 15). */
    caseDecisionWorkingDays: z.optional(days),
    /** Working days the one extension of that period adds, with a leader's approval (same article; absent: 15). */
    caseDecisionExtensionWorkingDays: z.optional(days),
  }),
  /**
   * The report of the year's enforcement data to the district justice bureau (seed publicity Art. 26; PUB-14), with
   * `{year}`, `{total}`, `{penalty}`, `{fines}`... filled in (core/publication/annual.ts). Absent: the built-in text.
   */
  justiceReportTemplate: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
  /**
   * The commission's own published contacts (PUB-7): kept in any spelling when a decision's full text is redacted
   * (core/redaction/authority.ts). Absent: the engine recognises them only by the words around them (财政局, 非税 …).
   */
  authorityContacts: z.optional(
    z.strictObject({
      phones: z.array(phone).check(z.maxLength(10)),
      emails: z
        .array(z.string().check(z.trim(), z.regex(/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/)))
        .check(z.maxLength(5)),
      accounts: z.array(z.string().check(z.trim(), z.regex(/^[0-9][0-9 -]{5,39}$/))).check(z.maxLength(5)),
      addresses: z.array(z.string().check(z.trim(), z.minLength(4), z.maxLength(200))).check(z.maxLength(5)),
    }),
  ),
  /**
   * The authority's own seal certificates (REC-7, 电子签名法 Art. 13): a served document's seal must be made with one
   * of them, named by the SHA-256 of the certificate (DER, 64 hex digits; `npm run admin -- seal-certificate --file`
   * prints it from a sealed file). Anyone can make a certificate with the commission's name in it, so without this
   * list the seal check proves only that the file is intact. Absent or empty: any intact seal is accepted and the
   * service says it was not compared (docs/deploy-checklist.md).
   */
  sealCertificates: z.optional(
    z
      .array(
        z.strictObject({
          name,
          // Fingerprints are often written in pairs with colons (AB:CD:…) or spaces; either way is taken.
          sha256: z.string().check(
            z.overwrite((v) => v.replace(/[\s:]/g, '').toLowerCase()),
            z.regex(/^[0-9a-f]{64}$/),
          ),
        }),
      )
      .check(z.maxLength(20)),
  ),
});

export type SettingsValues = z.infer<typeof settingsValuesSchema>;

export interface SettingsVersion {
  _id: string;
  _rev: number;
  version: number;
  effectiveFrom: Date;
  values: SettingsValues;
  /** Salted reference of the administrator, or `system:…` for the built-in first version. */
  createdBy: string;
  createdAt: Date;
}
