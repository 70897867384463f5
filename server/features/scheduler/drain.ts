/**
 * Working through what is due, batch by batch, while the run has time : each batch is read
 * afresh from what is still due (earliest first), its items worked a few at a time, and the next batch read only
 * when the run may go on. An item that stays due (refused, or changed by someone else at the same moment) is
 * skipped over for the rest of this run and read again by the next one; an item never leaves "due" except by
 * being done, so stopping anywhere skips nothing, and the next run goes on where this one stopped.
 */
import { performance } from 'node:perf_hooks';
import { mayContinue } from './run';

export interface DrainOptions<T> {
  /** The items still due, earliest first, after the first `skip` (those this run left due). */
  read(skip: number, limit: number): Promise<T[]>;
  /** Works one item: `done` when it is no longer due, `left` when it stays due. */
  work(item: T): Promise<'done' | 'left'>;
  batch: number;
  /** Items worked at the same time (each is its own transaction on its own records). */
  concurrency: number;
  /** Outside a timer run (an action called on its own): how long it may go on. */
  fallbackMs: number;
}

export interface DrainReport {
  done: number;
  left: number;
  /** Whether some may still be due: the run stopped for time. */
  more: boolean;
}

export async function drainDue<T>(options: DrainOptions<T>): Promise<DrainReport> {
  const started = performance.now();
  const go = () => mayContinue(started, options.fallbackMs);
  const report: DrainReport = { done: 0, left: 0, more: false };
  // At least one item per call, whatever its share: every action makes progress in every run.
  let first = true;
  for (;;) {
    if (!first && !go()) return { ...report, more: true };
    const rows = await options.read(report.left, options.batch + 1);
    const items = rows.slice(0, options.batch);
    let next = 0;
    let stopped = false;
    const worker = async () => {
      while (next < items.length) {
        if (!first && !go()) {
          stopped = true;
          return;
        }
        first = false;
        const item = items[next++]!;
        report[await options.work(item)] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));
    if (stopped) return { ...report, more: true };
    if (rows.length <= options.batch) return report;
  }
}
