/** The dashboard registry: features call `registerDeadlineProvider` at import time. */
export {
  registerDeadlineProvider,
  deadlineProviders,
  type DeadlineProvider,
  type DeadlineItem,
  type DashboardScope,
} from './registry';
export { buildDashboard, type Dashboard } from './build';
