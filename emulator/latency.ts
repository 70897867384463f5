/**
 * A database round trip as CloudBase costs it: `DB_LATENCY_MS` (plus up to `DB_LATENCY_JITTER_MS`, drawn from a
 * PRNG seeded with `DB_LATENCY_SEED` so a contended run can be repeated) added to every /admin call, half before
 * the emulator handles the request and half after, as the way there and back. Transaction steps are each a call.
 */
import type { DbLatency } from './context';

/** The latency from the environment of `npm start`; undefined when DB_LATENCY_MS is unset or 0. */
export function latencyFromEnv(env: NodeJS.ProcessEnv = process.env): DbLatency | undefined {
  const ms = Number(env.DB_LATENCY_MS ?? 0);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const jitterMs = Math.max(0, Number(env.DB_LATENCY_JITTER_MS ?? 0)) || 0;
  const seed = Number(env.DB_LATENCY_SEED ?? 1) || 1;
  return { ms, jitterMs, seed };
}

/** Draws round-trip times: `ms + jitter * u`, u uniform in [0, 1) from mulberry32 (small, seedable). */
export function roundTrips(latency: DbLatency): () => number {
  let state = (latency.seed ?? 1) >>> 0;
  const jitter = latency.jitterMs ?? 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return latency.ms + jitter * u;
  };
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
