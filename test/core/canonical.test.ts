/**
 * Canonical JSON hashes a date the same whichever class or realm made it (security issue item 4: a split copied
 * with structuredClone hashed its dates as `{}` while the emulator's clock had replaced the global Date).
 */
import vm from 'node:vm';
import { canonicalJson, isDate } from '../../core/canonical';
import { installClock } from '../../emulator/clock';

const ISO = '2026-11-27T02:00:00.000Z';

it('writes a date from structuredClone or another realm like any other date', () => {
  const foreign = vm.runInNewContext(`new Date('${ISO}')`) as Date;
  const expected = JSON.stringify({ at: { $date: ISO } });
  expect(canonicalJson({ at: new Date(ISO) })).toBe(expected);
  expect(canonicalJson(structuredClone({ at: new Date(ISO) }))).toBe(expected);
  expect(canonicalJson({ at: foreign })).toBe(expected);
  expect(isDate(foreign)).toBe(true);
  expect(isDate({ toISOString: () => ISO })).toBe(false);
});

it('keeps instanceof Date true for native dates once the emulator clock is installed', () => {
  const native = Date;
  installClock();
  const cloned = structuredClone({ at: new Date(ISO) }).at;
  expect(cloned instanceof Date).toBe(true);
  expect(new native(ISO) instanceof Date).toBe(true);
  expect(new Date(ISO) instanceof Date).toBe(true);
  expect({} instanceof Date).toBe(false);
  expect(canonicalJson({ at: cloned })).toBe(JSON.stringify({ at: { $date: ISO } }));
});
