/**
 * Display periods per channel (NDRC Order No. 58, 2023): at publication
 * an entry records each channel's end and the settings version they came from; the credit platform's listing of a
 * penalty ends the day after its longest period counted from the decision date, through the scheduler's timer;
 * early removal after credit repair (信用修复) is a staff step with its reason, only after the minimum. The record
 * and the public list stay.
 */
import { allDocs, useSeededEmulator } from '../complaint/helpers';
import { companyPenalty, create, OFFICE, passAll, PREPARER, publicIds } from '../publication/helpers';
import { fireTimer } from './helpers';

const ctx = useSeededEmulator();
const DECIDED = '2026-11-20';
/** Noon in Shanghai on `date`. */
const setDay = (date: string) => ctx.emu.post('/_emulator/clock', { now: `${date}T12:00:00+08:00` });
const stored = async (id: string) => (await allDocs('publicationEntries')).find((d) => d._id === id);

/** A general-tier penalty (警告 and a 5 000 yuan fine on an organisation), published at once. */
async function published(): Promise<string> {
  const id = await create(ctx.call, companyPenalty({ decisionDate: DECIDED, publicityUntil: '2099-12-31' }));
  await passAll(ctx.call, id);
  return id;
}

it('records the ends per channel with the settings version; the credit listing ends after 12 months from the decision', async () => {
  const id = await published();
  const entry = await stored(id);
  expect(entry.display).toEqual({
    settingsVersion: 1,
    carriersUntil: null,
    credit: { tier: 'general', from: DECIDED, minUntil: '2027-02-20', maxUntil: '2027-11-20' },
  });
  expect(entry.creditUntil).toBe('2027-11-20');

  // On its last day it is still listed on the credit platform.
  await setDay('2027-11-20');
  expect((await fireTimer(ctx.emu)).ok).toBe(true);
  expect((await stored(id)).channels.creditExport).not.toBe('ended');

  // The day after, the timer ends it there; the record and the public list (its own end: none) stay.
  await setDay('2027-11-21');
  const run = await fireTimer(ctx.emu);
  expect(run.data['publication.creditEndDue'].data.ended).toBeGreaterThanOrEqual(1);
  const after = await stored(id);
  expect(after).toMatchObject({ status: 'published', creditUntil: null });
  expect(after.channels).toMatchObject({ creditExport: 'ended', miniprogram: 'published' });
  expect(await publicIds(ctx.call, { kind: 'penalty' })).toContain(id);
});

it('removes a penalty early after credit repair, with its reason, only once the minimum has passed', async () => {
  const id = await published();
  const repair = (who: string, reason: unknown) =>
    ctx.call.staff(who, 'publication.creditRepair', { id, reason });

  await setDay('2027-02-20');
  const early = await repair(OFFICE, '当事人已完成信用修复，信用中国网站已出具修复结果');
  expect(early).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(early.error.message).toContain('2027-02-20');

  await setDay('2027-02-21');
  expect(await repair(PREPARER, '当事人已完成信用修复')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const blank = await repair(OFFICE, '  ');
  expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(blank.error.fields['payload.reason']).toContain('信用修复理由');

  const done = await repair(OFFICE, '当事人已完成信用修复，信用中国网站已出具修复结果');
  expect(done).toMatchObject({ ok: true, data: { id, removedOn: '2027-02-21' } });
  const entry = await stored(id);
  expect(entry).toMatchObject({ status: 'published', creditUntil: null });
  expect(entry.channels.creditExport).toBe('repaired');
  expect(entry.creditRepair).toMatchObject({ on: '2027-02-21', reason: expect.stringContaining('信用修复') });
  // Once off the platform it cannot be removed again, and the timer leaves it as it is.
  expect(await repair(OFFICE, '当事人已完成信用修复')).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED' },
  });
  await setDay('2027-12-01');
  await fireTimer(ctx.emu);
  expect((await stored(id)).channels.creditExport).toBe('repaired');
});

it('an entry published under a later settings version records that version and its periods', async () => {
  const res = await ctx.call.staff('demo-admin-1', 'settings.publish', {
    values: {
      displayPeriods: {
        countFrom: 'decision',
        minor: { minMonths: 0, maxMonths: 3 },
        general: { minMonths: 3, maxMonths: 6 },
        serious: { minMonths: 12, maxMonths: 36 },
      },
    },
  });
  expect(res.ok).toBe(true);
  const id = await published();
  expect((await stored(id)).display).toMatchObject({
    settingsVersion: res.data.version,
    credit: { tier: 'general', maxUntil: '2027-05-20' },
  });
});
