/**
 * The steps `publication.staffGet` offers a new draft (PUB-11): the reviewers are resolved and stored by `submit`
 * itself, so the detail reads them the same way; a fresh draft's preparer is offered `submit` (the pages show only
 * the allowed steps), and reading the detail writes nothing.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, PREPARER, REVIEWER } from './helpers';

const ctx = useSeededEmulator();

it("offers a new draft's preparer submit and edit, and nobody else a step on it", async () => {
  const id = await create(ctx.call, companyPenalty());
  const view = await ctx.call.staff(PREPARER, 'publication.staffGet', { id });
  expect(view).toMatchObject({ ok: true, data: { status: 'draft' } });
  expect(view.data.allowedSteps).toEqual(expect.arrayContaining(['edit', 'submit']));
  const reviewer = await ctx.call.staff(REVIEWER, 'publication.staffGet', { id });
  expect(reviewer.ok ? reviewer.data.allowedSteps : []).toEqual([]);
  // Reading stored nothing: the reviewer's queue stays empty until the entry is submitted.
  const queue = await ctx.call.staff(REVIEWER, 'publication.queue', { queue: 'review', pageSize: 50 });
  expect(queue.data.items.map((r: { id: string }) => r.id)).not.toContain(id);
  expect((await ctx.call.staff(PREPARER, 'publication.submit', { id })).ok).toBe(true);
});
