import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { databaseOf } from '../../../emulator/db';
import { FIXTURE_CONFIG, startDbEmulator } from './sdk';

const REPO = path.resolve(__dirname, '..', '..', '..');
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'emu-db-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('durability', () => {
  it('keeps data and indexes across a restart on the same data folder', async () => {
    const first = await startDbEmulator({ dataDir, strictIndexes: true });
    await first.db.collection('items').add([
      { _id: 'k1', status: 'open', createdAt: new Date('2026-01-02') },
      { _id: 'k2', status: 'open', createdAt: new Date('2026-01-03') },
    ]);
    await first.emu.stop();

    const second = await startDbEmulator({ dataDir, strictIndexes: true });
    const page = await second.db
      .collection('items')
      .where({ status: 'open' })
      .orderBy('createdAt', 'desc')
      .get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['k2', 'k1']);
    expect(page.data[0].createdAt).toEqual(new Date('2026-01-03'));
    await second.emu.stop();
  });

  it('loses no answered write when the emulator is killed with SIGKILL mid-stream', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED: '0',
        TIMERS: '0',
        EMULATOR_DB_CONFIG: FIXTURE_CONFIG,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitForHealth(port, 60_000);
      const answered: string[] = [];
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop && i < 5000; i++) {
          const id = `w${w}-${i}`;
          try {
            const res = await fetch(`http://127.0.0.1:${port}/admin`, {
              method: 'POST',
              body: JSON.stringify({
                action: 'database.insertDocument',
                collectionName: 'crash',
                data: [JSON.stringify({ _id: id, w, i })],
              }),
            });
            const body = (await res.json()) as { data?: { insertedIds: string[] } };
            if (body.data?.insertedIds[0] === id) answered.push(id);
          } catch {
            return; // the process is gone
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await sleep(700);
      kill(child);
      stop = true;
      await Promise.all(writers);
      await exited;
      expect(answered.length).toBeGreaterThan(20);

      const restarted = await startDbEmulator({ dataDir });
      const stored = new Set(
        databaseOf(restarted.emu.ctx)
          .find('crash')
          .map((d) => d._id as string),
      );
      await restarted.emu.stop();
      expect(answered.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      kill(child);
    }
  }, 90_000);
});

function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_emulator/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  throw new Error('模拟器子进程未在时限内就绪');
}
