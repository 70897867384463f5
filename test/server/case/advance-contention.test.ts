/**
 * `case.advance` under contention (REC-1; 全过程记录制度: each stage recorded once with its act time): many callers
 * moving the same case at once end ok or CONFLICT / PRECONDITION_FAILED, never INTERNAL, and the stage is recorded
 * once; a record registered while the case is advanced is kept alongside the stage.
 */
import { useSeededEmulator } from '../complaint/helpers';
import { avRecord, HEAD, OFFICER, openCase } from './helpers';

const t = useSeededEmulator();
const SETTLED = ['CONFLICT', 'PRECONDITION_FAILED'];

async function stagesOf(id: string): Promise<string[]> {
  const got = await t.call.staff(HEAD, 'case.get', { id });
  expect(got).toMatchObject({ ok: true });
  return got.data.stages.map((s: { stage: string }) => s.stage);
}

it('records the investigation stage once when eight calls advance the case at once', async () => {
  const { id } = await openCase(t.call);
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_x, i) =>
      t.call.staff(i % 2 ? HEAD : OFFICER, 'case.advance', { id, stage: 'investigation' }),
    ),
  );
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  for (const a of answers.filter((x) => !x.ok)) expect(SETTLED).toContain(a.error.code);
  expect((await stagesOf(id)).filter((s) => s === 'investigation')).toHaveLength(1);
});

it('records a stage raced by repeats once while records registered at the same moment are all kept', async () => {
  const { id } = await openCase(t.call);
  await t.call.staff(OFFICER, 'case.advance', { id, stage: 'investigation' });
  const now = Date.now();
  const answers = await Promise.all([
    ...Array.from({ length: 5 }, () => t.call.staff(OFFICER, 'case.advance', { id, stage: 'priorNotice' })),
    ...Array.from({ length: 3 }, () =>
      t.call.staff(
        OFFICER,
        'record.register',
        avRecord(id, 'evidence', new Date(now - 7_200_000), new Date(now - 3_600_000)),
      ),
    ),
  ]);
  for (const a of answers.filter((x) => !x.ok)) expect(SETTLED).toContain(a.error.code);
  expect(answers.slice(0, 5).filter((a) => a.ok)).toHaveLength(1);
  expect(await stagesOf(id)).toEqual(['opened', 'investigation', 'priorNotice']);
  const got = await t.call.staff(HEAD, 'case.get', { id });
  const registered = answers.slice(5).filter((a) => a.ok).length;
  expect(got.data.records).toHaveLength(registered);
});
