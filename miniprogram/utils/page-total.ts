/**
 * A list's count as the pages show it (core/contract/envelope.ts Page): "12", "99+" when the count stopped at its
 * cap, '' when the answer carried none (a later page) or nothing matched.
 */
export function totalLabel(page: { total: number | null; totalCapped: boolean }): string {
  if (!page.total) return '';
  return page.totalCapped ? `${page.total}+` : String(page.total);
}
