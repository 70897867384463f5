/**
 * No personal data of any party in any public answer (PUB-7; the design "Security baseline"; 法释〔2016〕19号 Art. 8-10;
 * 个人信息保护法 Art. 6, 55; publication "a test scans every public answer of the seeded system for the personal data of
 * every party in the register and finds none"). The secrets are read from the store itself: every party of the
 * case register (natural persons' and operators' names in full, legal representatives, addresses, identity
 * document numbers opened from their sealed form) and every publication entry's party (names of natural persons,
 * representatives, ID numbers, phones, non-business addresses, opened where sealed). Every public action is then
 * called over the seeded system - every page of `publication.list` for every kind, a keyword search for each
 * secret and some ordinary words, `publication.get` of every item, the officer list and each officer's
 * verification, the ledger head, the complaint terms - and no answer may contain any secret.
 */
import { randomUUID } from 'node:crypto';
import { partySealRef } from '../../../server/features/case/model';
import type { Database } from '../../../server/platform/cloudbase';
import { openPersonalData } from '../../../server/privacy';
import type { TestEmulator } from '../../helpers/emulator';
import { startWithSdk } from '../ledger/helpers';
import { allDocs } from '../complaint/helpers';
import { entrySealRef } from '../../../server/features/publication/sealing';

let emu: TestEmulator;
let db: Database;
beforeAll(async () => {
  ({ emu, db } = await startWithSdk(true));
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}, 120_000);
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

const publicCall = (action: string, payload: unknown = {}) =>
  emu.call<any>('public', { action, payload, requestId: randomUUID() }, 'o-public-reader');

/** Identifiers that are personal data (an organisation's credit code or registration number is published). */
const PERSONAL_ID_KINDS = ['resident', 'passport', 'hkmo', 'tw', 'hmtResidence', 'foreignPR'];

async function registerSecrets(): Promise<Set<string>> {
  const secrets = new Set<string>();
  for (const p of await allDocs('case_parties')) {
    if (p.kind === 'person' || p.kind === 'unregistered') secrets.add(p.name);
    if (p.legalRepresentative) secrets.add(p.legalRepresentative);
    if (p.address) secrets.add(p.address);
    if (p.idSealed && PERSONAL_ID_KINDS.includes(p.idKind)) {
      const opened = await openPersonalData<{ idNo: string }>(db, partySealRef(p._id), p.idSealed);
      secrets.add(opened!.idNo);
    }
  }
  return secrets;
}

async function entrySecrets(): Promise<Set<string>> {
  const secrets = new Set<string>();
  for (const r of await allDocs('publicationEntries')) {
    const sealed = r.partySealed
      ? await openPersonalData<Record<string, any>>(db, entrySealRef(r._id), r.partySealed)
      : {};
    const p = { ...r.entry.party, ...sealed };
    if (p.category === 'person') secrets.add(p.name);
    if (p.legalRep) secrets.add(p.legalRep);
    for (const id of [p.personId, p.legalRepId]) if (id) secrets.add(id.number);
    if (p.phone) secrets.add(p.phone);
    if (p.address && !(p.category === 'individualBusiness' && p.premisesConfirmed)) secrets.add(p.address);
  }
  return secrets;
}

async function everyPage(payload: Record<string, unknown>, answers: unknown[]): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await publicCall('publication.list', { pageSize: 50, ...payload, cursor });
    expect(res.ok).toBe(true);
    answers.push(res);
    items.push(...res.data.items);
    cursor = res.data.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

it('finds none of the register’s or the entries’ personal data in any public answer (PUB-7)', async () => {
  const fromRegister = await registerSecrets();
  const fromEntries = await entrySecrets();
  // The seeded register has natural persons with resident IDs and addresses; the entries phones and IDs.
  expect(fromRegister.size).toBeGreaterThanOrEqual(5);
  expect(fromEntries.size).toBeGreaterThanOrEqual(8);
  expect(fromRegister).toContain('陈建华');
  const secrets = [...fromRegister, ...fromEntries];

  const answers: unknown[] = [];
  const items: any[] = [];
  for (const kind of [undefined, 'penalty', 'permit', 'coercion', 'inspection', 'levy']) {
    items.push(...(await everyPage(kind ? { kind } : {}, answers)));
  }
  // The seeded decision published from the register is among them (an enforcement-unit penalty).
  expect(items.some((i) => i.view?.docNo === '万卫罚〔2026〕3号')).toBe(true);
  for (const keyword of [...secrets, '罚', '万卫', '公司', '张某', '医师']) {
    await everyPage({ keyword: keyword.slice(0, 50) }, answers);
  }
  for (const id of new Set(items.map((i) => i.id))) answers.push(await publicCall('publication.get', { id }));

  const officers: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await publicCall('officer.list', { pageSize: 50, cursor });
    expect(res.ok).toBe(true);
    answers.push(res);
    officers.push(...res.data.items);
    cursor = res.data.nextCursor ?? undefined;
  } while (cursor);
  for (const o of officers) answers.push(await publicCall('officer.verify', { certNo: o.certNo }));
  answers.push(await publicCall('ledger.head'), await publicCall('complaint.terms'));

  const text = JSON.stringify(answers);
  expect(text.length).toBeGreaterThan(1000);
  const found = secrets.filter((s) => text.includes(s));
  expect(found).toEqual([]);
});
