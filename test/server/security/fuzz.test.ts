/**
 * Every action of every function (the functions' own tables, so a new action is covered without touching this
 * file) called over the emulator by a caller entitled to it, with malformed payloads: never INTERNAL, a refused
 * call writes nothing, every INVALID_INPUT names each field in Chinese, and no answer echoes what was sent.
 * Fixed seed; FUZZ_RUNS (default 40) runs per action keep the file to a few minutes as actions grow.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { labelFor, labelsOf } from '../../../core/contract/labels';
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, startSeededEmulator } from '../org/helpers';
import {
  badFields,
  callerFor,
  junk,
  keyPaths,
  payloadFor,
  sentStrings,
  snapshotter,
  TARGETS,
  FUNCTIONS,
} from './fuzz-helpers';

const SEED = 20261130;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let emu: TestEmulator;
let snapshot: () => Record<string, string>;
/** The functions' own log lines (server/platform/logger.ts writes them to the console). */
const logLines: string[] = [];

beforeAll(async () => {
  emu = await startSeededEmulator();
  snapshot = snapshotter(emu.dataDir);
  for (const method of ['log', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map(String).join(' '));
    });
  }
}, 60_000);
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

/** One call and every property a refusal must have; answers why not, or null. */
async function probe(fn: string, event: Record<string, unknown>, openid: string | undefined) {
  const before = snapshot();
  const res = await emu.call(fn, event, openid);
  if (!res || typeof res.ok !== 'boolean') return `not an envelope: ${JSON.stringify(res).slice(0, 200)}`;
  if (res.ok) return null;
  const { code, message, fields } = res.error;
  if (code === 'INTERNAL') return 'INTERNAL';
  const after = snapshot();
  const changed = Object.keys(after).filter((c) => after[c] !== before[c]);
  if (changed.length) return `${code} but ${changed.join(', ')} changed`;
  if (code === 'INVALID_INPUT') {
    const why = badFields(fields);
    if (why) return why;
  }
  const said = [message, ...Object.values(fields ?? {})].join('\n');
  const echoed = sentStrings(event).find((s) => said.includes(s));
  if (echoed) return `echoed ${JSON.stringify(echoed.slice(0, 40))}`;
  if (JSON.stringify(res).length > 4000) return 'answer too long';
  return null;
}

const label = (fn: string, name: string) => `${fn} ${name}`;

describe('every schema field has a Chinese label', () => {
  it.each(TARGETS.map((t) => [label(t.fn, t.name), t] as const))('%s', (_l, { spec }) => {
    const missing = keyPaths(spec.input)
      // As the router names them: the schema's own labels first, then the shared table.
      .filter((p) => labelFor(p, labelsOf(spec.input)) === '该项')
      .map((p) => p.join('.'));
    expect(missing).toEqual([]);
  });
});

describe('malformed payloads', () => {
  const clientTargets = TARGETS.filter((t) => t.spec.access !== 'timer');

  it.each(clientTargets.map((t) => [label(t.fn, t.name), t] as const))(
    '%s',
    async (_l, { fn, name, spec }) => {
      const caller = callerFor(spec);
      await fc.assert(
        fc.asyncProperty(payloadFor(spec.input), async (payload) => {
          const why = await probe(fn, { action: name, payload, requestId: randomUUID() }, caller());
          if (why) throw new Error(why);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000,
  );

  // Timer actions take no payload and the timer route sends none; a client call must be refused whatever it sends.
  it.each(TARGETS.filter((t) => t.spec.access === 'timer').map((t) => [label(t.fn, t.name), t] as const))(
    '%s refuses client calls (the timer route carries no payload to fuzz)',
    async (_l, { fn, name }) => {
      await fc.assert(
        fc.asyncProperty(junk, async (payload) => {
          const res = await emu.call(fn, { action: name, payload, requestId: randomUUID() }, newOpenid());
          if (res.ok || !['FORBIDDEN', 'INVALID_INPUT'].includes(res.error.code)) {
            throw new Error(JSON.stringify(res).slice(0, 200));
          }
        }),
        { seed: SEED, numRuns: 4, endOnFailure: true },
      );
    },
  );
});

describe('malformed events', () => {
  const strangeAction = fc.oneof(
    fc.constantFrom('13912345678王小明', 'constructor', '__proto__', 'x'.repeat(100_000), 'staff.bind '),
    fc.string({ minLength: 1, maxLength: 80 }),
    junk,
  );
  const event = fc.record(
    { action: strangeAction, payload: junk, requestId: fc.oneof(fc.string({ maxLength: 80 }), junk) },
    { requiredKeys: [] },
  );

  it.each(Object.keys(FUNCTIONS))(
    '%s answers every event with an envelope, logs no unknown action name',
    async (fn) => {
      const known = new Set(Object.keys(FUNCTIONS[fn as keyof typeof FUNCTIONS]));
      await fc.assert(
        fc.asyncProperty(event, async (e) => {
          const logsBefore = logLines.length;
          const why = await probe(fn, e, newOpenid());
          if (why) throw new Error(why);
          const sentName = typeof e.action === 'string' ? e.action : '';
          if (
            sentName.length >= 4 &&
            !known.has(sentName) &&
            logLines.slice(logsBefore).some((l) => l.includes(sentName))
          ) {
            throw new Error('unknown action name logged');
          }
        }),
        { seed: SEED, numRuns: RUNS * 2, endOnFailure: true },
      );
    },
    120_000,
  );
});
