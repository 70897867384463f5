/**
 * The emulator's settable clock. Functions read time the ordinary way (`Date.now()`, `new Date()`, dayjs), so
 * the deployed bundles carry no clock override: the emulator process itself shifts `Date` while a clock is set.
 * The shifted clock keeps running from the time it was set to (an offset, not a frozen instant).
 */
import { types } from 'node:util';

const RealDate = Date;
let offsetMs = 0;

class EmulatorDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + offsetMs;
  }
  /**
   * Replacing the global class must not change what code under test sees: a native date (structuredClone, the
   * SDK, another realm) is still `instanceof Date`. Shifting time without replacing the class is impossible
   * (`new Date()` reads the clock inside the constructor), so the class stays and `instanceof` asks the engine
   * whether the value is a real date (its internal slot), as it would without the emulator.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return types.isDate(value);
  }
}

let installed = false;

/** Replaces the global Date with one that honours the emulator clock. Idempotent. */
export function installClock(): void {
  if (installed) return;
  globalThis.Date = EmulatorDate as DateConstructor;
  installed = true;
}

/** Sets the clock to `iso` (it keeps running from there); `null` returns to real time. */
export function setClock(iso: string | null): void {
  offsetMs = iso === null ? 0 : new RealDate(iso).getTime() - RealDate.now();
}

export function clockNow(): Date {
  return new RealDate(RealDate.now() + offsetMs);
}

export function isClockSet(): boolean {
  return offsetMs !== 0;
}
