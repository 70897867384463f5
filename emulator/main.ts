/**
 * `npm start`: the emulator with demo data. PORT (3000), DATA_DIR (.data/), SEED=0 for no demo data,
 * DB_LATENCY_MS / DB_LATENCY_JITTER_MS / DB_LATENCY_SEED for a database round trip as on CloudBase,
 * DB_LOG_SCANNED=1 to log the documents each database call read.
 */
import path from 'node:path';
import { startEmulator, REPO_ROOT } from './app';
import { latencyFromEnv } from './latency';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const emulator = await startEmulator({
    port,
    dataDir,
    seed: process.env.SEED !== '0',
    mode: process.env.EMULATOR_MODE === 'test' ? 'test' : 'dev',
    strictIndexes: process.env.STRICT_INDEXES === '1',
    timers: process.env.TIMERS !== '0',
    dbLatency: latencyFromEnv(),
    logScanned: process.env.DB_LOG_SCANNED === '1',
  });
  console.log(`本地云开发模拟器已启动：${emulator.url}（数据目录 ${dataDir}）`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('模拟器启动失败：', err instanceof Error ? err.message : err);
  process.exit(1);
});
