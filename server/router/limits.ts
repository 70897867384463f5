/**
 * Size and depth caps on an event, checked before anything else reads it: schemas, the idempotency hash and the
 * ledger walk values recursively, so a payload nested thousands deep would overflow the stack there. The walk
 * here keeps its own stack, so the check itself cannot overflow, and stops as soon as a cap is passed.
 */

/** About what JSON.stringify would produce; no legitimate action comes near it. */
export const MAX_EVENT_BYTES = 256 * 1024;
/** The event is depth 1; the deepest real payload (legal settings) is about 6. */
export const MAX_EVENT_DEPTH = 20;

export type LimitBreach = 'size' | 'depth' | null;

export function checkEventLimits(event: unknown): LimitBreach {
  let bytes = 0;
  const stack: Array<[unknown, number]> = [[event, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') bytes += Buffer.byteLength(value) + 2;
    else if (value === null || typeof value !== 'object') bytes += 8;
    else {
      if (depth >= MAX_EVENT_DEPTH) return 'depth';
      bytes += 2;
      if (Array.isArray(value)) {
        bytes += value.length;
        if (bytes > MAX_EVENT_BYTES) return 'size';
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        for (const key of Object.keys(value)) {
          bytes += Buffer.byteLength(key) + 3;
          if (bytes > MAX_EVENT_BYTES) return 'size';
          stack.push([(value as Record<string, unknown>)[key], depth + 1]);
        }
      }
    }
    if (bytes > MAX_EVENT_BYTES) return 'size';
  }
  return null;
}
