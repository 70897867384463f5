/** Builds the dashboard: every registered provider's items, grouped per section and per person, with counts. */
import type { Database } from '../platform/cloudbase';
import type { DashboardCounts, DashboardItem, DashboardView } from '../../core/contract/dashboard';
import type { DashboardScope, DeadlineProvider, DeadlineStatus } from './registry';

/** The answer's types live in core/ so the mini-program reads the same shape (core/contract/dashboard.ts). */
export type Counts = DashboardCounts;
export type { DashboardItem };
export type Dashboard = DashboardView;

const emptyCounts = (): Counts => ({ overdue: 0, dueSoon: 0, total: 0 });

function count(counts: Counts, status: DeadlineStatus): void {
  counts[status] += 1;
  counts.total += 1;
}

/** Work outside every section (e.g. not yet assigned) is seen only by those whose role covers the whole unit. */
function reaches(scope: DashboardScope, item: { unitId: string | null; section: string }): boolean {
  if (item.unitId === null) return true;
  const reach = Object.prototype.hasOwnProperty.call(scope.reach, item.unitId)
    ? scope.reach[item.unitId]
    : null;
  return !!reach && (reach.wholeUnit || reach.sectionIds.includes(item.section));
}

export async function buildDashboard(
  db: Database,
  providers: readonly DeadlineProvider[],
  scope: DashboardScope,
  now: Date,
): Promise<Dashboard> {
  const dashboard: Dashboard = {
    generatedAt: now.toISOString(),
    totals: emptyCounts(),
    providers: [],
    sections: [],
  };
  const sections = new Map<string, Dashboard['sections'][number]>();
  for (const provider of providers) {
    const counts = emptyCounts();
    const found = await provider.list(db, scope, now);
    dashboard.providers.push({
      id: provider.id,
      label: provider.label,
      counts,
      truncated: found.truncated,
      ...(provider.queueTab ? { queueTab: provider.queueTab } : {}),
    });
    for (const item of found.items.filter((i) => reaches(scope, i))) {
      count(counts, item.status);
      count(dashboard.totals, item.status);
      let section = sections.get(item.section);
      if (!section)
        sections.set(item.section, (section = { section: item.section, counts: emptyCounts(), people: [] }));
      count(section.counts, item.status);
      let person = section.people.find((p) => p.person === item.person);
      if (!person) section.people.push((person = { person: item.person, counts: emptyCounts(), items: [] }));
      count(person.counts, item.status);
      person.items.push({ ...item, provider: provider.id, dueAt: new Date(item.dueAt).toISOString() });
    }
  }
  // Overdue first, then the earliest due.
  for (const section of sections.values()) {
    for (const person of section.people) {
      person.items.sort((a, b) =>
        a.status === b.status ? a.dueAt.localeCompare(b.dueAt) : a.status === 'overdue' ? -1 : 1,
      );
    }
  }
  dashboard.sections = [...sections.values()].sort((a, b) => a.section.localeCompare(b.section));
  return dashboard;
}
