/**
 * Which publication queue each workflow role works (PUB-11; docs/publication.md `publication.queue`): in the main
 * package because the staff home (its card) and the pubstaff subpackage (its tabs) both read it.
 */
import type { StaffQueue } from '../core-bundle/index';

export interface QueueTab {
  queue: StaffQueue;
  label: string;
}

/** Which queue each workflow role works (PUB-11): preparer, 分管领导, 办公室, 主要领导; an auditor reads them all. */
const TAB_OF_ROLE: Array<{ role: string; tab: QueueTab }> = [
  { role: 'officer', tab: { queue: 'mine', label: '我制作的' } },
  { role: 'reviewer', tab: { queue: 'review', label: '待审核' } },
  { role: 'publisher', tab: { queue: 'office', label: '待报送' } },
  { role: 'principal', tab: { queue: 'approval', label: '待审批' } },
  { role: 'auditor', tab: { queue: 'section', label: '全部条目' } },
];

/** The tabs for the caller's roles, in the workflow's order (a person may hold several). */
export function queueTabs(roles: ReadonlyArray<{ role: string }>): QueueTab[] {
  const held = new Set(roles.map((r) => r.role));
  return TAB_OF_ROLE.filter((t) => held.has(t.role)).map((t) => t.tab);
}

/** The staff home shows the 执法公示 card to whoever has a queue. */
export function hasPublicationQueue(roles: ReadonlyArray<{ role: string }>): boolean {
  return queueTabs(roles).length > 0;
}

/** The 执法公示 queues page (pubstaff subpackage). */
export const PUBLICATION_QUEUE_PAGE = '/pages/pubstaff/list/index';
/** The preparer's worklist tab of decisions with no entry yet (`publication.decisionQueue`), next to the queues. */
export const DECISIONS_TAB = 'decisions';

/**
 * Where a dashboard row of publication opens (PUB-12, PUB-13, PUB-15): entries overdue or due soon open the
 * caller's first waiting queue (the reviewer's 待审核, the principal's 待审批, the auditor's 全部条目); withdrawal
 * deadlines the section's entries (published ones are in no waiting queue); decisions without an entry the
 * preparer's worklist (leaders without the preparer's role land on their first queue).
 */
const PUBLICATION_DASHBOARD_TABS: Record<string, string> = {
  'publication.publish': '',
  'publication.withdrawal': 'section',
  'publication.unpublishedDecisions': DECISIONS_TAB,
};

export function publicationDashboardUrl(providerId: string): string {
  const tab = PUBLICATION_DASHBOARD_TABS[providerId];
  if (tab === undefined) return '';
  return tab ? `${PUBLICATION_QUEUE_PAGE}?tab=${tab}` : PUBLICATION_QUEUE_PAGE;
}
