/**
 * The write path under a CloudBase-like database (round trip of 20 ms plus jitter, seeded) in a separate
 * emulator process: 50 citizens submitting at once with conflicts injected into half the commits all succeed; 20
 * racing transitions of one complaint have one winner and no INTERNAL; and a kill -9 in the middle of a burst loses
 * no acknowledged submission and leaves every chain verifiable after the restart (REC-11, REC-16).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'burst-'));
let port = 0;
let child: ChildProcess | null = null;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

async function start(): Promise<void> {
  child = spawn(TSX, [path.join(ROOT, 'emulator/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      STRICT_INDEXES: '1',
      TIMERS: '0',
      DB_LATENCY_MS: '20',
      DB_LATENCY_JITTER_MS: '10',
      DB_LATENCY_SEED: '7',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('emulator did not start');
}

async function call(fn: string, action: string, payload: unknown, openid?: string): Promise<any> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'X-WX-APPID': 'wx_emulator_app',
  };
  if (openid) headers['X-WX-OPENID'] = openid;
  const res = await fetch(`http://127.0.0.1:${port}/fn/${fn}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ action, payload, requestId: randomUUID() }),
  });
  return res.json();
}

const submission = (i: number) => ({
  kind: 'complaint',
  category: '公共场所',
  subject: { name: `某某游泳馆${i}`, address: '北山大道 1 号' },
  description: '游泳池水浑浊有异味，没有消毒记录。',
  contact: { anonymous: false, name: '张三丰', phone: '13987654321' },
});
const codes = (answers: any[]) =>
  answers.reduce<Record<string, number>>((t, a) => {
    const c = a.ok ? 'OK' : a.error.code;
    return { ...t, [c]: (t[c] ?? 0) + 1 };
  }, {});

async function verifyAll(): Promise<Array<{ ref: string; reason: string }>> {
  await fetch(`http://127.0.0.1:${port}/timer/scheduler`, { method: 'POST', body: '{}' });
  const breaks: Array<{ ref: string; reason: string }> = [];
  let cursor: string | undefined;
  for (;;) {
    const res = await call('staff', 'ledger.verify', cursor ? { cursor } : {}, 'demo-auditor');
    if (!res.ok) throw new Error(`verify refused: ${res.error.code}`);
    breaks.push(...res.data.breaks);
    if (res.data.done) return breaks;
    cursor = res.data.cursor;
  }
}

beforeAll(async () => {
  port = await freePort();
  await start();
}, 180_000);
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('takes 50 submissions from 50 citizens at once with conflicts injected into half the commits', async () => {
  await fetch(`http://127.0.0.1:${port}/_emulator/db-faults`, {
    method: 'POST',
    body: JSON.stringify({ transactionConflict: 25 }),
  });
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => call('citizen', 'complaint.submit', submission(i), `o-burst-${i}`)),
  );
  expect(codes(answers)).toEqual({ OK: 50 });
});

it('lets one of 20 racing transitions win, with no INTERNAL', async () => {
  const submitted = await call('citizen', 'complaint.submit', submission(100), 'o-race');
  const queue = await call(
    'staff',
    'complaint.queue',
    { status: 'submitted', pageSize: 50 },
    'demo-unit-head',
  );
  const id = queue.data.items.find((i: any) => i.trackingNo === submitted.data.trackingNo).id;
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => call('staff', 'complaint.accept', { id }, 'demo-unit-head')),
  );
  const t = codes(answers);
  expect(t.OK).toBe(1);
  expect(t.INTERNAL).toBeUndefined();
  expect((t.CONFLICT ?? 0) + (t.PRECONDITION_FAILED ?? 0)).toBe(19);
});

it('loses no acknowledged submission to a kill -9 mid-burst, and every chain verifies after the restart', async () => {
  const acknowledged: Array<{ openid: string; trackingNo: string }> = [];
  let killed = false;
  const burst = Array.from({ length: 40 }, async (_, i) => {
    const openid = `o-kill-${i}`;
    try {
      const res = await call('citizen', 'complaint.submit', submission(200 + i), openid);
      if (res.ok) acknowledged.push({ openid, trackingNo: res.data.trackingNo });
      if (acknowledged.length >= 12 && !killed) {
        killed = true;
        child!.kill('SIGKILL');
      }
    } catch {
      /* the process died under this request: not acknowledged */
    }
  });
  await Promise.all(burst);
  expect(killed).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(12);
  await start();
  for (const a of acknowledged) {
    const got = await call('citizen', 'complaint.get', { trackingNo: a.trackingNo }, a.openid);
    expect({ trackingNo: a.trackingNo, ok: got.ok }).toEqual({ trackingNo: a.trackingNo, ok: true });
  }
  expect(await verifyAll()).toEqual([]);
}, 180_000);
