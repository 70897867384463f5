/** The legal settings the rights tests use: the defaults of version 1 (server/settings/defaults.ts). */
import type { HearingThresholds, RightsSettings } from '../../../core/service';

export const SETTINGS: RightsSettings = {
  reviewBody: { name: '重庆市万州区人民政府', basis: '《中华人民共和国行政复议法》第二十四条' },
  court: {
    name: '依重庆市行政案件集中管辖规定确定的人民法院',
    basis: '《中华人民共和国行政诉讼法》第十八条',
  },
  reviewPeriodDays: 60,
  litigationPeriodMonths: 6,
  statementPeriodDays: 5,
  hearingRequestDays: 5,
};

/** Example thresholds for the tests only; the real ones are the province's legal setting. */
export const THRESHOLDS: HearingThresholds = {
  person: { fineYuan: 10_000, confiscationYuan: 10_000 },
  organisation: { fineYuan: 100_000, confiscationYuan: 100_000 },
};
