/**
 * Publication steps under contention (PUB-11): the same step taken many times at once on one entry, each with
 * its own request, ends with exactly one success and the rest CONFLICT or PRECONDITION_FAILED, never INTERNAL;
 * a batch approval racing single approvals publishes each entry once.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, OFFICE, PREPARER, PRINCIPAL, publicIds, REVIEWER } from './helpers';

const ctx = useSeededEmulator();
const SETTLED = ['CONFLICT', 'PRECONDITION_FAILED'];

async function forwarded(): Promise<string> {
  const id = await create(ctx.call, companyPenalty());
  await ctx.call.staff(PREPARER, 'publication.submit', { id });
  await ctx.call.staff(REVIEWER, 'publication.review', { id });
  await ctx.call.staff(OFFICE, 'publication.forward', { id });
  return id;
}

it('approves an entry once when the principal approves it eight times at once (PUB-11)', async () => {
  const id = await forwarded();
  const answers = await Promise.all(
    Array.from({ length: 8 }, () => ctx.call.staff(PRINCIPAL, 'publication.approve', { id })),
  );
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  for (const a of answers.filter((x) => !x.ok)) expect(SETTLED).toContain(a.error.code);
  expect((await publicIds(ctx.call)).filter((x) => x === id)).toHaveLength(1);
});

it('lets a batch approval and single approvals race without an internal error (PUB-11)', async () => {
  const ids = [await forwarded(), await forwarded()];
  const [batch, ...singles] = await Promise.all([
    ctx.call.staff(PRINCIPAL, 'publication.batchApprove', { ids }),
    ...ids.map((id) => ctx.call.staff(PRINCIPAL, 'publication.approve', { id })),
  ]);
  expect(batch.ok).toBe(true);
  for (const a of singles.filter((x) => !x.ok)) expect(SETTLED).toContain(a.error.code);
  const listed = await publicIds(ctx.call);
  for (const id of ids) expect(listed.filter((x) => x === id)).toHaveLength(1);
});
