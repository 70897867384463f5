/**
 * The public rights notice's contract (PUB-5; docs/service-rights.md "Public rights page"): anyone reads, per
 * document type, the rights and duties it carries with their articles and periods, the review body and the court
 * from the legal settings in force, and, given the day the document was received, each period's last day. No
 * identity and nothing personal: the answer is the same for everyone (core/service/public-rights.ts).
 * zod/mini, like the other contracts: the mini-program bundles the document-type list with it.
 */
import * as z from 'zod/mini';
import { declareAction } from './declare';
import { withLabels } from './labels';
import { isPlainDate } from '../publication/dates';
import { RIGHTS_DOC_TYPES } from '../service/rights';
import { penaltySchema } from '../service/schemas';
import type { PublicRights } from '../service/public-rights';

export const rightsGetInput = withLabels(
  z.strictObject({
    docType: z.enum(RIGHTS_DOC_TYPES, '请选择文书类型'),
    /**
     * The penalties proposed (事先告知书) or decided (决定书); absent: the notice read without a case, with the
     * conditions under which the hearing right and the payment duties apply.
     */
    penalties: z.optional(z.array(penaltySchema).check(z.maxLength(20, '处罚种类最多 20 项'))),
    partyKind: z.optional(z.enum(['person', 'organisation'], '当事人类别应为公民或者法人、其他组织')),
    /** A penalty decided on the spot (当场处罚): review comes before litigation (行政复议法 Art. 23). */
    onSpot: z.optional(z.boolean('是否当场处罚应为是或否')),
    /** The day the reader received the document (Shanghai), to show each period's last day. */
    servedOn: z.optional(
      z
        .string('收到文书日期应为日期')
        .check(
          z.refine(
            (v) => isPlainDate(v) && v >= '2000-01-01' && v <= '2099-12-31',
            '收到文书日期应为有效日期（年-月-日）',
          ),
        ),
    ),
  }),
  {
    docType: '文书类型',
    penalties: '处罚种类',
    'penalties.kind': '处罚种类',
    amountYuan: '金额',
    partyKind: '当事人类别',
    onSpot: '是否当场处罚',
    servedOn: '收到文书日期',
  },
);

/** Anyone: the rights notice of a document type. */
export const rightsGet = declareAction<PublicRights>()({
  fn: 'public',
  name: 'rights.get',
  access: 'public',
  input: rightsGetInput,
});

export type { PublicRightItem, PublicRights, RemedyBodyView } from '../service/public-rights';
export type { RightsDocType } from '../service/rights';
