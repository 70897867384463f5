import { assertSupportedYear, epochDayFromParts, formatEpochDay } from './civilDate';

/**
 * The date (China Standard Time) of the 清明 solar term: the day the Sun's apparent ecliptic longitude reaches
 * 15°. Computed astronomically with the low-accuracy solar coordinates of J. Meeus, "Astronomical Algorithms"
 * (2nd ed., ch. 25, accuracy about 0.01° ≈ 15 minutes) and ΔT from the NASA polynomial fits by Espenak & Meeus
 * (https://eclipse.gsfc.nasa.gov/SEhelp/deltatpoly2004.html). chinese-days' `getSolarTermDate` is not used: it
 * formats through local-time getters and answers 2027-04-04 under TZ=America/New_York. The tests check this
 * function against it (run under Asia/Shanghai) for every supported year.
 */

const DEG = Math.PI / 180;
const JD_UNIX_EPOCH = 2440587.5; // 1970-01-01T00:00Z
const J2000 = 2451545.0;
const TROPICAL_YEAR_DAYS = 365.2422;
const PURE_BRIGHTNESS_LONGITUDE = 15; // 清明

function normaliseDegrees(angle: number): number {
  return ((angle % 360) + 360) % 360;
}

/** Apparent geocentric longitude of the Sun in degrees at Julian Ephemeris Day `jde` (Meeus 25.2-25.8). */
export function apparentSolarLongitude(jde: number): number {
  const t = (jde - J2000) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * DEG;
  const equationOfCentre =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const ascendingNode = (125.04 - 1934.136 * t) * DEG;
  return normaliseDegrees(meanLongitude + equationOfCentre - 0.00569 - 0.00478 * Math.sin(ascendingNode));
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomial fits, the ranges this calendar supports). */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return (
      63.86 +
      0.3345 * t -
      0.060374 * t ** 2 +
      0.0017275 * t ** 3 +
      0.000651814 * t ** 4 +
      0.00002373599 * t ** 5
    );
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

/** Epoch day (Shanghai calendar) on which 清明 falls in `year`. */
export function pureBrightnessEpochDay(year: number): number {
  assertSupportedYear(year);
  // Start from April 5th and correct by the longitude still missing; converges in three or four steps.
  let jde = JD_UNIX_EPOCH + epochDayFromParts(year, 4, 5);
  for (let step = 0; step < 20; step++) {
    const missing = ((PURE_BRIGHTNESS_LONGITUDE - apparentSolarLongitude(jde) + 540) % 360) - 180;
    jde += (missing * TROPICAL_YEAR_DAYS) / 360;
    if (Math.abs(missing) < 1e-7) break;
  }
  const jdUniversal = jde - deltaTSeconds(year) / 86_400;
  return Math.floor(jdUniversal - JD_UNIX_EPOCH + 8 / 24);
}

/** The date (`YYYY-MM-DD`, Shanghai) of 清明 in `year`. */
export function pureBrightnessDate(year: number): string {
  return formatEpochDay(pureBrightnessEpochDay(year));
}
