import { cpSync, mkdtempSync, rmSync, utimesSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { FIXTURE_FUNCTIONS_DIR } from './fixtures';

// A private copy of the fixtures, so that "redeploying" (touching index.js) leaves the shared ones alone.
const functionsDir = mkdtempSync(path.join(os.tmpdir(), 'runner-dev-'));
cpSync(FIXTURE_FUNCTIONS_DIR, functionsDir, { recursive: true });

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ functionsDir, mode: 'dev' });
});
afterAll(async () => {
  await emu.stop();
  rmSync(functionsDir, { recursive: true, force: true });
});

describe('dev mode', () => {
  it('keeps one instance per function between calls', async () => {
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await emu.post('/fn/counter', {})).body.calls);
    expect(counts).toEqual([1, 2, 3]);
  });

  it('reloads the function when its index.js changes', async () => {
    const entry = path.join(functionsDir, 'counter', 'index.js');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('calls += 1', 'calls += 10'));
    const later = new Date(Date.now() + 5000);
    utimesSync(entry, later, later);
    expect((await emu.post('/fn/counter', {})).body.calls).toBe(10);
    expect((await emu.post('/fn/counter', {})).body.calls).toBe(20);
  });
});
