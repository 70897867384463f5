/**
 * Electronic service and rights notices, the pure part (PUB-5, REC-7): the service date under the rule fixed on the
 * service, the rights and duties a document carries, and their dates on the working-day calendar.
 * See docs/service-rights.md.
 */
export { serviceDate } from './serviceDate';
export type { ServiceDate, ServiceDateRule, ServiceEvent, ServiceTimes } from './serviceDate';
export {
  hearingApplies,
  hearingConditions,
  RIGHTS_DOC_TYPES,
  rightsFor,
  totalFineYuan,
  yuanText,
} from './rights';
export type {
  HearingThresholds,
  LateRule,
  Penalty,
  PenaltyKind,
  RightId,
  RightItem,
  RightPeriod,
  RightsContext,
  RightsDocType,
  RightsSettings,
} from './rights';
export { periodText, publicRights } from './public-rights';
export type {
  PublicRightItem,
  PublicRights,
  PublicRightsRequest,
  PublicRightsSettings,
  RemedyBodyView,
} from './public-rights';
export {
  DEFAULT_NOT_OPENED_WORKING_DAYS,
  HEARING_NOTICE_WORKING_DAYS,
  SERVICE_WORKING_DAYS,
  canSchedule,
  daysLeft,
  deadlinesFrom,
  hearingNoticeLatest,
  isLate,
  laterOf,
  needsReschedule,
  paperServiceBy,
} from './deadlines';
export type { LateKind, LateVerdict, PaperServicePlan, RightDeadline, ScheduleCheck } from './deadlines';
export { PENALTY_KINDS } from './rights';
export { hearingThresholdsSchema, penaltySchema } from './schemas';
