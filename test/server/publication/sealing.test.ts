/**
 * The party's identifiers in an entry are sealed at rest with the entry's own key (PIPL Art. 19, 47; the design "Data
 * rules"; like the case register's parties): the stored record holds no ID number, phone or
 * address in the clear at any step; the section's officers (the preparer), its reviewer and the principal read
 * them whole, the office's 公示专员 masked; the public view is the same as before; and deleting the entry's key
 * erases them while the entry itself stays readable and publishable.
 */
import { erasePersonalData } from '../../../server/privacy';
import { entrySealRef } from '../../../server/features/publication/sealing';
import type { Database } from '../../../server/platform/cloudbase';
import type { TestEmulator } from '../../helpers/emulator';
import { callers } from '../complaint/helpers';
import { startWithSdk } from '../ledger/helpers';
import { create, OFFICE, passAll, personPenalty, PREPARER, PRINCIPAL, REVIEWER } from './helpers';

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

describe('sealed party identifiers (PIPL Art. 19, 47)', () => {
  it('never stores them in the clear, shows them to who decides, masks them for the office', async () => {
    const entry = personPenalty();
    const { personId, phone, address } = entry.party as any;
    const id = await create(call, entry);
    const secrets = [personId.number, phone, address];
    const clear = (doc: unknown) => secrets.filter((s) => JSON.stringify(doc).includes(s));
    expect(clear(await stored(id))).toEqual([]);
    expect((await stored(id)).partySealed).toMatchObject({ v: 1, alg: 'A256GCM' });

    for (const who of [PREPARER, REVIEWER, PRINCIPAL]) {
      const got = await call.staff(who, 'publication.staffGet', { id });
      expect({ who, hidden: got.data.identifiersHidden }).toEqual({ who, hidden: false });
      expect(got.data.entry.party).toMatchObject({ personId, phone, address });
    }
    const office = await call.staff(OFFICE, 'publication.staffGet', { id });
    expect(office.data.identifiersHidden).toBe(true);
    expect(clear(office.data)).toEqual([]);
    expect(office.data.entry.party.phone).toMatch(/^13\*+\d{2}$/);

    // Through every step to publication, the record stays sealed; the public view shows the surname only.
    await passAll(call, id);
    expect((await stored(id)).status).toBe('published');
    expect(clear(await stored(id))).toEqual([]);
    const pub = await call.publicCall('publication.get', { id });
    expect(pub.data.view.partyName).toMatch(/^.某$/);
    expect(clear(pub.data)).toEqual([]);
  });

  it('erases them with the entry’s key; the entry stays readable', async () => {
    const id = await create(call, personPenalty());
    await erasePersonalData(db, entrySealRef(id), {
      actor: 'system:test',
      at: new Date(),
      ground: 'pipl-47-retention-ended',
    });
    const got = await call.staff(PREPARER, 'publication.staffGet', { id });
    expect(got.ok).toBe(true);
    expect(got.data.entry.party.personId).toBeUndefined();
    expect(got.data.entry.party.phone).toBeUndefined();
    expect(got.data.entry.party.name).toEqual(expect.any(String));
  });
});
