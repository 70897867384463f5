/**
 * Dates told to a party in a year whose holiday table is not official yet (PUB-5; docs/service-rights.md
 * "Counting"): they are marked provisional, and when administrators load the official table they may move later
 * but never earlier than what the party was told (REC-7).
 */
import { useSeededEmulator } from '../complaint/helpers';
import { servedDocument, setClock } from './serving-helpers';

const t = useSeededEmulator();

// Test data, not the real 2027 arrangement: 1/4 is an extra rest day, and 国庆 is one day only (no 补假 10/4-10/5).
const table2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-04', '2027-10-01'],
  makeUpWorkdays: [],
  source: '测试用放假安排',
};

const hearingOf = async (openid: string, serviceId: string) =>
  (await t.call.citizen(openid, 'service.get', { serviceId })).data.deadlines.find(
    (d: any) => d.id === 'hearing',
  );

it('keeps a told date when the official table would make it earlier, and moves one later when it makes it later', async () => {
  // Mon 2026-12-28: 12/29, 12/30, 12/31, (1/1 元旦), 1/4, 1/5 → 2027-01-05, provisional.
  await setClock(t, '2026-12-28T02:00:00.000Z');
  const winter = await servedDocument(t);
  await t.call.citizen(winter.openid, 'service.open', { serviceId: winter.serviceId });
  expect(await hearingOf(winter.openid, winter.serviceId)).toMatchObject({
    due: '2027-01-05',
    provisional: true,
  });

  // Fri 2027-09-24: 9/27-9/30, (10/1 国庆, 10/2-10/3 weekend, 10/4-10/5 补假), 10/6 → 2027-10-06, provisional.
  await setClock(t, '2027-09-24T02:00:00.000Z');
  const autumn = await servedDocument(t);
  await t.call.citizen(autumn.openid, 'service.acknowledge', { serviceId: autumn.serviceId });
  expect(await hearingOf(autumn.openid, autumn.serviceId)).toMatchObject({
    due: '2027-10-06',
    provisional: true,
  });

  const loaded = await t.call.staff('demo-admin-1', 'calendar.loadYear', table2027);
  expect(loaded).toMatchObject({ ok: true });

  // 1/4 is a rest day after all: the period ends later, 2027-01-06.
  expect(await hearingOf(winter.openid, winter.serviceId)).toMatchObject({
    due: '2027-01-06',
    provisional: false,
    kept: false,
  });
  // No 补假: the table alone would end it on 10/4; the party was told 10/6, and 10/6 it stays.
  expect(await hearingOf(autumn.openid, autumn.serviceId)).toMatchObject({
    due: '2027-10-06',
    provisional: false,
    kept: true,
  });
  const receipt = await t.call.citizen(autumn.openid, 'service.receipt', { serviceId: autumn.serviceId });
  expect(receipt.data.deadlines.find((d: any) => d.id === 'hearing')).toMatchObject({ due: '2027-10-06' });
});
