/**
 * Publication entries (PUB-6, PUB-10): the results of penalties, permits, coercive measures,
 * inspections and levies as they are prepared for publication. Penalties and permits carry the national 双公示
 * fields (the national 双公示 data standard, docs/publication.md, CF_* / XK_*; the code of each field is named
 * beside it); the other kinds at least authority, subject, category, conclusion and date (PUB-6, seed Art. 15).
 * Every field is checked with a Chinese message naming the field and never repeating the value (an ID number is
 * personal data): credit codes and ID numbers by core/party/ids.ts, amounts in 万元 with at most 6 decimals,
 * real calendar dates. Each entry belongs to the unit and section that made the decision (PUB-10, seed Art. 22).
 * zod/mini, like core/contract: the mini-program may bundle these to check a form with the same messages.
 */
import * as z from 'zod/mini';
import { withLabels } from '../contract/labels';
import { PARTY_ID_KINDS, validatePartyId, type PartyIdKind } from '../party/ids';
import { isPlainDate } from './dates';

import type { EntryKind } from './kinds';
import { PARTY_CATEGORIES, PENALTY_CATEGORIES, PERMIT_CATEGORIES, PERMIT_STATES } from './options';

export { ENTRY_KINDS, ENTRY_KIND_LABELS, type EntryKind } from './kinds';

export {
  INDEFINITE,
  PARTY_CATEGORIES,
  PARTY_CATEGORY_LABELS,
  PENALTY_CATEGORIES,
  PERMIT_CATEGORIES,
  PERMIT_STATES,
  type PartyCategory,
} from './options';

/** Amounts in 万元 as decimal text (never a float): up to 9 integer digits and at most 6 decimals (1 元 = 0.0001). */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,8})(\.\d{1,6})?$/;

/** A missing value is asked for; a value of the wrong type is named (never shown). */
const typeError = (label: string, kind: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `请填写${label}` : `${label}应为${kind}`,
});
const text = (label: string, max: number, min = 1) =>
  z.string(typeError(label, '文字')).check(
    z.overwrite((v) => v.trim()),
    z.minLength(min, `请填写${label}`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`),
  );
const optionalText = (label: string, max: number) => z.optional(text(label, max));
export const dateField = (label: string) =>
  z.string(typeError(label, '日期')).check(z.refine(isPlainDate, `${label}应为有效日期（年/月/日）`));
const amount = (label: string) =>
  z
    .string(typeError(label, '数字文字'))
    .check(z.regex(AMOUNT_PATTERN, `${label}应以万元为单位，不能为负数，小数不超过6位`));
const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, `${label}不在可选范围内`);

/** A party identifier of `kind`, checked by core/party/ids.ts; the message names the field, never the value. */
const idCheck = (label: string) =>
  z.superRefine((v: { kind: PartyIdKind; number: string }, ctx) => {
    const r = validatePartyId(v.kind, v.number);
    if (!r.ok)
      ctx.issues.push({ code: 'custom', path: ['number'], message: `${label}：${r.message}`, input: '' });
  });
export const partyIdSchema = (label: string) =>
  z
    .strictObject({
      kind: z.enum(PARTY_ID_KINDS as [PartyIdKind, ...PartyIdKind[]], {
        error: (issue: { input?: unknown }) =>
          issue.input === undefined ? `请填写${label}类型` : `${label}类型不在可选范围内`,
      }),
      number: z.string(`请填写${label}号码`),
    })
    .check(idCheck(label));
export type PartyId = { kind: PartyIdKind; number: string };

const creditCode = (label: string) =>
  z.string(`请填写${label}`).check(
    z.superRefine((v: string, ctx) => {
      const r = validatePartyId('uscc', v);
      if (!r.ok) ctx.issues.push({ code: 'custom', message: `${label}：${r.message}`, input: '' });
    }),
  );

/** The party (行政相对人): who it is, and the personal data that never enters a public view (PUB-7). */
export const partySchema = z
  .strictObject({
    category: oneOf(PARTY_CATEGORIES, '行政相对人类别'),
    /** CF_XDR_MC: an organisation's or business's registered name, or a natural person's full name. */
    name: text('行政相对人名称', 200),
    /** CF_XDR_SHXYM (or the older registration number, CF_XDR_GSZC). */
    creditCode: z.optional(creditCode('行政相对人统一社会信用代码')),
    regNo: z.optional(partyIdSchema('行政相对人工商注册号')),
    /** CF_FRDB, and for an individual business the operator; CF_FR_ZJLX / CF_FR_ZJHM. */
    legalRep: optionalText('法定代表人', 50),
    legalRepId: z.optional(partyIdSchema('法定代表人证件')),
    /** CF_XDR_ZJLX / CF_XDR_ZJHM: a natural person's ID document. */
    personId: z.optional(partyIdSchema('行政相对人证件')),
    /** Personal data kept for the case, never published: address, phone. */
    address: optionalText('行政相对人地址', 200),
    phone: optionalText('行政相对人联系电话', 30),
    /** Staff confirmed the individual business's address is its business premises (not a home: PUB-7). */
    premisesConfirmed: z.optional(z.boolean('是否经营场所应为是或否')),
    /** Staff recorded that the party is a minor (when the ID does not show the birth date): PUB-8. */
    minor: z.optional(z.boolean('是否未成年人应为是或否')),
  })
  .check(
    z.superRefine((p, ctx) => {
      const need = (path: string, message: string) =>
        ctx.issues.push({ code: 'custom', path: [path], message, input: '' });
      if (p.category === 'person') {
        if ([...p.name].length < 2) need('name', '自然人的姓名至少 2 个字');
        if (!p.personId) need('personId', '自然人应填写行政相对人证件类型和号码');
        if (p.creditCode || p.regNo) need('creditCode', '自然人不填写统一社会信用代码');
      } else {
        if (!p.creditCode && !p.regNo) need('creditCode', '请填写行政相对人统一社会信用代码');
        if (!p.legalRep) {
          need('legalRep', p.category === 'individualBusiness' ? '请填写经营者姓名' : '请填写法定代表人');
        }
        if (p.personId) need('personId', '组织和个体工商户不填写行政相对人证件，证件填在法定代表人一栏');
      }
      if (p.category === 'individualBusiness' && p.creditCode && !p.creditCode.trim().startsWith('92')) {
        need('creditCode', '个体工商户的统一社会信用代码应以92开头');
      }
    }),
  );
export type Party = z.infer<typeof partySchema>;

/** Grounds to withhold an entry recorded by staff (PUB-8); the minor rule is not a flag but a fact (disclosure.ts). */
export const withholdFlagsSchema = z.strictObject({
  stateSecret: z.optional(z.boolean()),
  commercialSecret: z.optional(z.boolean()),
  privacy: z.optional(z.boolean()),
  securityRisk: z.optional(z.boolean()),
});

/** An override of a commercial-secret or privacy hold (PUB-8; 个人信息保护法 Art. 55): disclosure.ts. */
export const overrideSchema = z.strictObject({
  ground: oneOf(['consent', 'publicInterest'] as const, '公开理由类别'),
  reason: text('公开理由', 500, 10),
  approvedBy: text('批准的主要领导', 64),
  assessmentId: text('个人信息保护影响评估记录编号', 64),
});

const common = {
  /** CF_WSH / XK_WSH. */
  docNo: text('决定文书号', 64),
  /** CF_JDRQ / XK_JDRQ (other kinds: the date of the act). */
  decisionDate: dateField('决定日期'),
  /** CF_CFJG / CF_CFJGDM, XK_XKJG / XK_XKJGDM. */
  authority: text('决定机关', 100),
  authorityCode: creditCode('决定机关统一社会信用代码'),
  /** CF_SJLY / CF_SJLYDM, XK_LYDW / XK_LYDWDM. */
  sourceUnit: text('数据来源单位', 100),
  sourceUnitCode: creditCode('数据来源单位统一社会信用代码'),
  /** PUB-10: the unit and section that made the decision (null: the unit itself). */
  unitId: text('所属单位', 64),
  sectionId: z.nullable(text('所属科室', 64)),
  party: partySchema,
  withhold: z.optional(withholdFlagsSchema),
  override: z.optional(overrideSchema),
  /** BZ. */
  note: optionalText('备注', 500),
};

export const penaltySchema = z.strictObject({
  kind: z.literal('penalty'),
  ...common,
  /** CF_WFXW, CF_SY, CF_YJ. */
  violationType: text('违法行为类型', 200),
  facts: text('违法事实', 2000),
  basis: text('处罚依据', 1000),
  /** CF_CFLB (one or more). */
  categories: z
    .array(oneOf(PENALTY_CATEGORIES, '处罚类别'))
    .check(z.minLength(1, '请选择处罚类别'), z.maxLength(PENALTY_CATEGORIES.length, '处罚类别重复')),
  /** CF_NR. */
  content: text('处罚内容', 2000),
  /** CF_NR_FK, CF_NR_WFFF (万元). */
  fine: z.optional(amount('罚款金额')),
  confiscated: z.optional(amount('没收违法所得、没收非法财物的金额')),
  /** CF_NR_ZKDX. */
  licence: optionalText('暂扣或吊销证照名称及编号', 200),
  /** CF_YXQ, CF_GSJZQ (2099-12-31: indefinite). */
  validUntil: dateField('处罚有效期'),
  publicityUntil: dateField('公示截止期'),
});

export const permitSchema = z.strictObject({
  kind: z.literal('permit'),
  ...common,
  /** XK_XKLB, XK_XKZS, XK_XKBH, XK_NR. */
  permitCategory: oneOf(PERMIT_CATEGORIES, '许可类别'),
  certificateName: text('许可证书名称', 100),
  certificateNo: text('许可编号', 64),
  content: text('许可内容', 2000),
  /** XK_YXQZ, XK_YXQZI. */
  validFrom: dateField('有效期自'),
  validTo: dateField('有效期至'),
  /** XK_ZT. */
  permitState: oneOf(PERMIT_STATES, '当前状态'),
});

/** Coercive measures, inspections, levies: authority, subject, category, conclusion, date (PUB-6). */
const otherSchema = <K extends 'coercion' | 'inspection' | 'levy'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    ...common,
    category: text('类别', 100),
    conclusion: text('结论', 2000),
    basis: optionalText('依据', 1000),
    violationType: optionalText('违法行为类型', 200),
  });

const dateOrder = z.superRefine(
  (e: { kind: EntryKind; decisionDate: string } & Record<string, unknown>, ctx) => {
    const notBefore = (key: string, label: string) => {
      const v = e[key];
      if (typeof v === 'string' && isPlainDate(v) && isPlainDate(e.decisionDate) && v < e.decisionDate) {
        ctx.issues.push({ code: 'custom', path: [key], message: `${label}不能早于决定日期`, input: '' });
      }
    };
    notBefore('validUntil', '处罚有效期');
    notBefore('publicityUntil', '公示截止期');
    if (e.kind === 'permit' && typeof e.validFrom === 'string' && typeof e.validTo === 'string') {
      if (e.validTo < e.validFrom) {
        ctx.issues.push({
          code: 'custom',
          path: ['validTo'],
          message: '有效期至不能早于有效期自',
          input: '',
        });
      }
    }
    if (e.kind === 'penalty') {
      const cats = e.categories as string[];
      if (cats.includes('罚款') && !e.fine) {
        ctx.issues.push({
          code: 'custom',
          path: ['fine'],
          message: '处罚类别含罚款时请填写罚款金额',
          input: '',
        });
      }
      if ((cats.includes('没收违法所得') || cats.includes('没收非法财物')) && !e.confiscated) {
        ctx.issues.push({
          code: 'custom',
          path: ['confiscated'],
          message: '处罚类别含没收时请填写没收金额',
          input: '',
        });
      }
      if (new Set(cats).size !== cats.length) {
        ctx.issues.push({ code: 'custom', path: ['categories'], message: '处罚类别重复', input: '' });
      }
    }
  },
);

export const entrySchema = withLabels(
  z
    .discriminatedUnion('kind', [
      penaltySchema,
      permitSchema,
      otherSchema('coercion'),
      otherSchema('inspection'),
      otherSchema('levy'),
    ])
    .check(dateOrder),
  { kind: '公示类别' },
);
export type PublicationEntry = z.infer<typeof entrySchema>;
export type PenaltyEntry = Extract<PublicationEntry, { kind: 'penalty' }>;
export type PermitEntry = Extract<PublicationEntry, { kind: 'permit' }>;
