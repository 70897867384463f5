/**
 * The first settings version, with the legal source cited per value. The legal section changes them
 * by publishing a new version (`settings.publish`); these defaults only seed version 1.
 */
import {
  DEFAULT_CASE_DECISION_EXTENSION_WORKING_DAYS,
  DEFAULT_CASE_DECISION_WORKING_DAYS,
  DEFAULT_HANDLING_DAYS,
  DEFAULT_PETITION_EXTENSION_DAYS,
} from '../../core/complaint/deadlines';
import type { SettingsValues } from './schema';

export const DEFAULT_SETTINGS: SettingsValues = {
  // The health commission's 2025 procedure rules: 能够确认其收悉 — the first opening (read receipt) or the acknowledgement.
  serviceDateRule: 'firstOpenOrAcknowledge',
  // 行政复议法 (2023) Art. 24: review of a district department's act goes to the district people's government.
  reviewBody: { name: '重庆市万州区人民政府', basis: '《中华人民共和国行政复议法》第二十四条' },
  // 行政诉讼法 Art. 18 and the municipality's rules on administrative-case jurisdiction decide the court.
  court: {
    name: '依重庆市行政案件集中管辖规定确定的人民法院',
    basis: '《中华人民共和国行政诉讼法》第十八条',
  },
  reviewPeriodDays: 60, // 行政复议法 Art. 20
  litigationPeriodMonths: 6, // 行政诉讼法 Art. 46
  // The notice's period for statements is the commission's choice (only the hearing request has a statutory
  // period); five working days, the same as the hearing request, is the common practice.
  statementPeriodDays: 5,
  hearingRequestDays: 5, // 行政处罚法 Art. 64 (working days, Art. 85)
  hearingNoticeDays: 7, // 行政处罚法 Art. 64
  // 重庆市行政处罚听证程序规定 (2023, 市政府令第354号, in force 2023-03-01): 较大数额 / 较大价值 is 5000 yuan or
  // more for a person and 50 000 yuan or more for an organisation (fines, confiscated gains or property).
  hearingThresholds: {
    person: { fineYuan: 5_000, confiscationYuan: 5_000 },
    organisation: { fineYuan: 50_000, confiscationYuan: 50_000 },
    basis: '《重庆市行政处罚听证程序规定》（重庆市人民政府令第354号）',
  },
  publicationWorkingDays: { penaltyOrPermit: 7, other: 20 }, // 国办发〔2018〕118号
  withdrawalWorkingDays: 3, // 行政处罚法 Art. 48
  // National credit-repair rules (NDRC Order No. 58, 2023): minor ≤ 3 months (in principle not displayed),
  // general 3-12 months, serious 1-3 years, counted from the date the decision was made.
  displayPeriods: {
    countFrom: 'decision',
    minor: { minMonths: 0, maxMonths: 3 },
    general: { minMonths: 3, maxMonths: 12 },
    serious: { minMonths: 12, maxMonths: 36 },
  },
  // The commission's own carriers (seed publicity rules: the legal section's setting): penalties as long as the
  // credit platform's longest period for their tier, counted from the decision; the other kinds stay listed.
  carrierDisplay: {
    penalty: { minor: 3, general: 12, serious: 36 },
    permit: null,
    coercion: null,
    inspection: null,
    levy: null,
  },
  // Seed Art. 14, 行政处罚法 Art. 44, 行政复议法 Art. 20/23, 行政诉讼法 Art. 46.
  rightsTexts: {
    penaltyNotice:
      '您有权进行陈述和申辩；符合《中华人民共和国行政处罚法》第六十三条规定情形的，有权在收到本告知书之日起{hearingRequestDays}个工作日内要求听证；您认为执法人员与本案有直接利害关系的，有权申请回避。陈述、申辩不会导致加重处罚。',
    decision:
      '如不服本决定，可以在知道该行政行为之日起{reviewPeriodDays}日内向{reviewBody}申请行政复议，或者在{litigationPeriodMonths}个月内向{court}提起行政诉讼。',
    onSpotDecision:
      '如不服本当场作出的处罚决定，应当先在知道该行政行为之日起{reviewPeriodDays}日内向{reviewBody}申请行政复议；对复议决定不服的，可以依法提起行政诉讼。',
    coercionReminder: '您有权在收到本催告书后进行陈述和申辩（《中华人民共和国行政强制法》第三十六条）。',
  },
  // Seed recording rules Art. 22 (REC-12).
  retention: {
    caseDocuments: { rule: '按国家档案管理规定' },
    avEvidence: { rule: '与所属案卷保存期限相同' },
    avNonEvidence: { months: 6 },
  },
  complaintHandlingDays: {
    acceptanceWorkingDays: 7,
    reporterFeedbackWorkingDays: 5,
    petitionReplyDays: 15, // 信访工作条例 Art. 32
    petitionFinishDays: 60, // 信访工作条例 Art. 35
    petitionExtensionDays: DEFAULT_PETITION_EXTENSION_DAYS, // 信访工作条例 Art. 35
    handlingDays: DEFAULT_HANDLING_DAYS, // an internal target (内部目标), not a legal limit
    caseDecisionWorkingDays: DEFAULT_CASE_DECISION_WORKING_DAYS, // 市场监督管理行政处罚程序规定 Art. 18
    caseDecisionExtensionWorkingDays: DEFAULT_CASE_DECISION_EXTENSION_WORKING_DAYS,
  },
};
