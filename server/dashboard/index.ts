/** The dashboard: deadline providers listed per function (router/plugins.ts), built into one view. */
export { type DeadlineProvider, type DeadlineItem, type DeadlineList, type DashboardScope } from './registry';
export { buildDashboard, type Dashboard } from './build';
