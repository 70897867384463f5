/**
 * Builds everything once before any test file runs: the function bundles (tests exercise what would be
 * deployed) and the mini-program's generated files. Test files run in parallel workers, so none of them may
 * rebuild shared outputs themselves (a copy in progress would pull files from under another file's renderer).
 */
export default async function globalSetup(): Promise<void> {
  // The run's seed cache (test/helpers/emulator.ts): set here so every worker of this run shares it.
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  process.env.SEED_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'seed-cache-'));
  const { build } = await import('../scripts/build');
  await build({ quiet: true });
  const { buildMiniprogram } = await import('../scripts/build-miniprogram');
  await buildMiniprogram({ quiet: true });
  // The npm Chromium is unpacked here once (first run on a machine), not by parallel page-test workers.
  if (!process.env.CHROMIUM_PATH) {
    const { resolveBrowser } = await import('../scripts/miniprogram/browser');
    resolveBrowser();
  }
}
