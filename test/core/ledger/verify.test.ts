/** The pure ledger checks (core/ledger/verify.ts) on a hand-built chain: an edit or deletion shows (REC-11). */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../core/canonical';
import {
  entityStateForHash,
  entryHashInput,
  LEDGER_GENESIS_HASH,
  type LedgerEntry,
} from '../../../core/ledger/entry';
import {
  advance,
  anchorsBeyondEnd,
  CHAIN_START,
  checkAnchor,
  checkEntityDocument,
  checkEntry,
  checkHead,
  type Hasher,
  type ValueHasher,
} from '../../../core/ledger/verify';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hash: Hasher = (alg, text) => (alg === 'sha256' ? sha(text) : undefined);
const hashValue: ValueHasher = (alg, value) => hash(alg, canonicalJson(value));

function chain(n: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  let prevHash = LEDGER_GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const doc = { _id: `e${seq}`, _rev: 1, v: seq };
    const body = {
      seq,
      at: '2026-01-01T00:00:00.000Z',
      actor: 'system:t',
      action: 'x',
      entity: `c/e${seq}`,
      rev: 1,
      stateHash: hashValue('sha256', entityStateForHash('c', doc))!,
      prevHash,
      alg: 'sha256',
    };
    const entry = { ...body, hash: sha(entryHashInput(body)) };
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
}

function walk(entries: LedgerEntry[]): { broken: string | null; at: number } {
  let position = CHAIN_START;
  for (const e of entries) {
    const broken = checkEntry(e, position, hash);
    if (broken) return { broken, at: e.seq };
    position = advance(e);
  }
  return { broken: null, at: position.nextSeq };
}

it('accepts an intact chain and its head', () => {
  const entries = chain(4);
  expect(walk(entries)).toEqual({ broken: null, at: 5 });
  expect(checkHead({ seq: 4, hash: entries[3]!.hash }, advance(entries[3]!))).toBeNull();
});

it('names an edited entry, a gap and a broken link', () => {
  const edited = chain(4);
  edited[1] = { ...edited[1]!, action: 'y' };
  expect(walk(edited)).toMatchObject({ at: 2, broken: expect.stringMatching(/被修改/) });
  expect(walk(chain(4).filter((e) => e.seq !== 3))).toMatchObject({
    at: 4,
    broken: expect.stringMatching(/缺少第 3 号/),
  });
  const relinked = chain(3);
  relinked[2] = { ...relinked[2]!, prevHash: LEDGER_GENESIS_HASH };
  expect(walk(relinked)).toMatchObject({ at: 3, broken: expect.stringMatching(/链接/) });
  expect(checkEntry({ ...chain(1)[0]!, alg: 'md5' }, CHAIN_START, hash)).toMatch(/不支持/);
});

it('catches a truncated tail through the head and through anchors', () => {
  const entries = chain(5);
  const end = advance(entries[2]!);
  expect(checkHead({ seq: 5, hash: entries[4]!.hash }, end)).toMatchObject({ seq: 4 });
  expect(anchorsBeyondEnd([{ date: '2026-01-02', seq: 5, hash: entries[4]!.hash }], end)).toMatchObject({
    seq: 5,
  });
  expect(checkAnchor(entries[2]!, { date: '2026-01-01', seq: 3, hash: 'f'.repeat(64) })).toMatch(/锚点/);
  expect(checkAnchor(entries[2]!, { date: '2026-01-01', seq: 3, hash: entries[2]!.hash })).toBeNull();
});

it('checks an entity document against its latest entry', () => {
  const e = chain(1)[0]!;
  const latest = { seq: 1, rev: 1, stateHash: e.stateHash, alg: 'sha256' };
  expect(checkEntityDocument('c', { _id: 'e1', _rev: 1, v: 1 }, latest, hashValue)).toBeNull();
  expect(checkEntityDocument('c', { _id: 'e1', _rev: 1, v: 2 }, latest, hashValue)).toMatch(/直接修改/);
  expect(checkEntityDocument('c', { _id: 'e1', _rev: 2, v: 1 }, latest, hashValue)).toMatch(/版本号/);
  expect(checkEntityDocument('c', null, latest, hashValue)).toMatch(/删除/);
});
