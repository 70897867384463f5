/**
 * Test helpers for the calendar: running a probe under another process time zone, and an astronomical new-moon computation
 * that serves as a second source for the lunar dates (independent of chinese-days' lunar table).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface ZoneProbeResult {
  offsetMinutes: number;
  calendar: Record<string, unknown>;
  chineseDays: {
    dayDetail20261010: string;
    lunarNewYear2027: string;
    pureBrightness2027: string;
    isWorkday20270101: boolean;
    holidays2026: string[];
    makeUpDays2026: string[];
    workdaysWithoutWeekends: string[];
  };
  disagreements: { isWorkday: string[]; pureBrightness: number[]; lunar: string[] };
}

const probeCache = new Map<string, ZoneProbeResult>();

/**
 * Runs fixtures/zoneProbe.ts in a child Node process with TZ set. A child is needed because Jest hands each test
 * file a copy of process.env, so setting process.env.TZ in a test does not change the zone V8 uses.
 */
export function runZoneProbe(timeZone: string): ZoneProbeResult {
  const cached = probeCache.get(timeZone);
  if (cached) return cached;
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'zoneProbe.ts')],
    {
      cwd: join(__dirname, '..', '..', '..'),
      env: { ...process.env, TZ: timeZone },
      encoding: 'utf8',
    },
  );
  const result = JSON.parse(output) as ZoneProbeResult;
  probeCache.set(timeZone, result);
  return result;
}

const DEG = Math.PI / 180;
const JD_UNIX_EPOCH = 2440587.5;

/**
 * Julian Ephemeris Day of the k-th new moon after 2000-01-06 (integer k), J. Meeus, "Astronomical Algorithms"
 * 2nd ed., ch. 49 (eq. 49.1, the new-moon periodic terms and the 14 planetary arguments); accurate to well under
 * a minute for these centuries.
 */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const jde =
    2451550.09766 + 29.530588861 * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3) * DEG;
  const mp =
    (201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4) * DEG;
  const f =
    (160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4) * DEG;
  const omega = (124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3) * DEG;
  const s = Math.sin;
  const periodic =
    -0.4072 * s(mp) +
    0.17241 * e * s(m) +
    0.01608 * s(2 * mp) +
    0.01039 * s(2 * f) +
    0.00739 * e * s(mp - m) -
    0.00514 * e * s(mp + m) +
    0.00208 * e * e * s(2 * m) -
    0.00111 * s(mp - 2 * f) -
    0.00057 * s(mp + 2 * f) +
    0.00056 * e * s(2 * mp + m) -
    0.00042 * s(3 * mp) +
    0.00042 * e * s(m + 2 * f) +
    0.00038 * e * s(m - 2 * f) -
    0.00024 * e * s(2 * mp - m) -
    0.00017 * s(omega) -
    0.00007 * s(mp + 2 * m) +
    0.00004 * s(2 * mp - 2 * f) +
    0.00004 * s(3 * m) +
    0.00003 * s(mp + m - 2 * f) +
    0.00003 * s(2 * mp + 2 * f) -
    0.00003 * s(mp + m + 2 * f) +
    0.00003 * s(mp - m + 2 * f) -
    0.00002 * s(mp - m - 2 * f) -
    0.00002 * s(3 * mp + m) +
    0.00002 * s(4 * mp);
  const planetary: Array<[number, number]> = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * t ** 2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];
  const additional = planetary.reduce((sum, [coefficient, angle]) => sum + coefficient * s(angle * DEG), 0);
  return jde + periodic + additional;
}

/** The Beijing (UTC+8) calendar date of a JDE, with ΔT ≈ 69 s (its value in the 2020s). */
export function beijingDateOfJde(jde: number): string {
  const ms = (jde - 69 / 86_400 - JD_UNIX_EPOCH) * 86_400_000 + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The index k of the first new moon on or after the given Beijing date. */
export function firstNewMoonOnOrAfter(date: string): number {
  const approximate = Math.floor(
    (Date.parse(`${date}T00:00:00Z`) / 86_400_000 + JD_UNIX_EPOCH - 2451550.09766) / 29.530588861,
  );
  for (let k = approximate - 2; ; k++) {
    if (beijingDateOfJde(newMoonJde(k)) >= date) return k;
  }
}
