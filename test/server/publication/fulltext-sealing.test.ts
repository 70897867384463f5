/**
 * A decision's full text holds the party's identifiers, so at rest it is sealed with the entry's own key like the
 * party (PIPL Art. 19, 47; PUB-7): the stored record never holds the text's ID number, phone or address in the
 * clear, while staff read the text whole and the published text is the redacted one.
 */
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { callers } from '../complaint/helpers';
import { startWithSdk } from '../ledger/helpers';
import { create, personPenalty, PREPARER, REVIEWER } from './helpers';
import { confirm, DECISION_TEXT, passFromSubmitted, setText } from './fulltext-helpers';

let emu: TestEmulator;
let db: Database;
let call: ReturnType<typeof callers>;
beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
  call = callers(emu);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}, 120_000);
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

const stored = async (id: string) =>
  ((await db.collection('publicationEntries').doc(id).get()) as { data: any[] }).data[0];

it('keeps the full text sealed at rest at every step and opens it for staff', async () => {
  const id = await create(call, personPenalty());
  await setText(call, id);
  const secrets = ['13912345678', '139-1234-5678', '民族路88号', '张三丰'];
  const clear = (doc: unknown) => secrets.filter((s) => JSON.stringify(doc).includes(s));
  expect(clear((await stored(id)).fullText)).toEqual([]);
  expect((await stored(id)).fullText.textSealed).toMatchObject({ alg: 'A256GCM' });
  await call.staff(PREPARER, 'publication.submit', { id });
  expect((await confirm(call, id)).ok).toBe(true);
  const seen = await call.staff(REVIEWER, 'publication.fullText', { id });
  expect(seen.data.fullText.text).toBe(DECISION_TEXT);
  await passFromSubmitted(call, id);
  expect(clear((await stored(id)).fullText)).toEqual([]);
  expect((await stored(id)).fullText.publicText).toContain('张某');
});
