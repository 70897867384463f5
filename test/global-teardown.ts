/** Removes the run's seed cache (test/global-setup.ts, test/helpers/emulator.ts). */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  if (process.env.SEED_CACHE_DIR) rmSync(process.env.SEED_CACHE_DIR, { recursive: true, force: true });
}
