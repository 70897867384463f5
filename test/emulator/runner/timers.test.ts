import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloudbaseCron, findTimers, timerEvent } from '../../../emulator/runner/timers';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { FIXTURE_FUNCTIONS_DIR } from './fixtures';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'runner-timers-'));
const tickFile = path.join(scratch, 'ticks.jsonl');
const readTicks = () =>
  existsSync(tickFile)
    ? readFileSync(tickFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];

beforeAll(() => {
  process.env.RUNNER_FIXTURE_TICK_FILE = tickFile;
});
afterAll(() => {
  delete process.env.RUNNER_FIXTURE_TICK_FILE;
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => rmSync(tickFile, { force: true }));

describe('CloudBase 7-field cron', () => {
  it('reads sec min hour day month weekday year in Asia/Shanghai', () => {
    const everyFive = cloudbaseCron('0 */5 * * * * *');
    expect(everyFive.nextRuns(2, new Date('2026-03-02T01:02:03Z')).map((d) => d.toISOString())).toEqual([
      '2026-03-02T01:05:00.000Z',
      '2026-03-02T01:10:00.000Z',
    ]);
    // 09:00 Beijing time on working weekdays: Friday 10:00 → next Monday 09:00 (01:00 UTC).
    const weekdays = cloudbaseCron('0 0 9 * * MON-FRI *');
    expect(weekdays.nextRun(new Date('2026-03-06T02:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T01:00:00.000Z',
    );
    // The seventh field is the year.
    expect(cloudbaseCron('0 0 9 1 1 * 2027').nextRun(new Date('2026-03-06T00:00:00Z'))?.toISOString()).toBe(
      '2027-01-01T01:00:00.000Z',
    );
  });

  it('refuses a 6-field expression as CloudBase does', () => {
    expect(() => cloudbaseCron('0 */5 * * * *')).toThrow();
  });

  it('builds the SCF timer event', () => {
    expect(timerEvent('daily', new Date('2026-01-01T01:00:00.123Z'))).toEqual({
      Type: 'Timer',
      TriggerName: 'daily',
      Time: '2026-01-01T01:00:00Z',
      Message: '',
    });
  });

  it('finds the timer triggers of the fixture functions', () => {
    expect(findTimers(FIXTURE_FUNCTIONS_DIR)).toEqual([
      { functionName: 'tick', trigger: { name: 'everySecond', type: 'timer', config: '* * * * * * *' } },
    ]);
  });
});

describe('POST /timer/<name> (timers off)', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS_DIR, timers: false });
  });
  afterAll(() => emu.stop());

  it('fires the trigger now, with the timer as trigger source, and answers the result', async () => {
    const res = await emu.post('/timer/tick', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      triggerSrc: 'timer',
      event: { Type: 'Timer', TriggerName: 'everySecond', Time: expect.stringMatching(/Z$/) },
    });
    expect(readTicks()).toHaveLength(1);
  });

  it('accepts the trigger name and refuses an unknown one', async () => {
    expect((await emu.post('/timer/tick', { TriggerName: 'everySecond' })).status).toBe(200);
    const res = await emu.post('/timer/tick', { TriggerName: 'nightly' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/定时触发器/);
  });

  it('refuses a function without a timer and an unknown function', async () => {
    expect((await emu.post('/timer/counter', {})).status).toBe(404);
    expect((await emu.post('/timer/nosuch', {})).status).toBe(404);
  });

  it('does not fire on schedule when timers are off', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(readTicks()).toHaveLength(0);
  });
});

describe('timers on schedule', () => {
  it('fires a per-second trigger on its own and stops on close', async () => {
    const emu = await startTestEmulator({ functionsDir: FIXTURE_FUNCTIONS_DIR, timers: true });
    try {
      await new Promise((resolve) => setTimeout(resolve, 2200));
    } finally {
      await emu.stop();
    }
    const ticks = readTicks();
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks[0]).toMatchObject({
      triggerSrc: 'timer',
      event: { Type: 'Timer', TriggerName: 'everySecond' },
    });
    expect(emu.logs.some((l) => /"kind":"timer".*"name":"tick".*"status":"ok"/.test(l))).toBe(true);

    const afterClose = ticks.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(readTicks()).toHaveLength(afterClose);
  });
});
