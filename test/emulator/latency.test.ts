/** The database latency option: read from npm start's environment, drawn from a seeded PRNG (repeatable runs). */
import { latencyFromEnv, roundTrips } from '../../emulator/latency';

describe('database latency', () => {
  it('is off unless DB_LATENCY_MS is a positive number, and takes jitter and seed from the environment', () => {
    expect(latencyFromEnv({})).toBeUndefined();
    expect(latencyFromEnv({ DB_LATENCY_MS: '0' })).toBeUndefined();
    expect(latencyFromEnv({ DB_LATENCY_MS: 'x' })).toBeUndefined();
    expect(latencyFromEnv({ DB_LATENCY_MS: '20', DB_LATENCY_JITTER_MS: '10', DB_LATENCY_SEED: '7' })).toEqual(
      {
        ms: 20,
        jitterMs: 10,
        seed: 7,
      },
    );
  });

  it('draws the same round trips for the same seed, within [ms, ms + jitter)', () => {
    const draw = (seed: number) => {
      const next = roundTrips({ ms: 20, jitterMs: 10, seed });
      return Array.from({ length: 50 }, () => next());
    };
    const a = draw(7);
    expect(draw(7)).toEqual(a);
    expect(draw(8)).not.toEqual(a);
    expect(a.every((t) => t >= 20 && t < 30)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(40);
  });
});
