/**
 * Timer triggers from each built function's config.json, fired on schedule.
 *
 * CloudBase cron has seven fields, `sec min hour day month weekday year`, read in UTC+8
 * (cloud.tencent.com/document/product/583/9708; docs.cloudbase.net/en/cli-v1/functions/trigger-create).
 * croner's "7-part" mode reads exactly that layout (its seventh field is the year), so the expression is passed
 * through unchanged and a 5- or 6-field expression is refused, as CloudBase refuses it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { readRunnerConfig, type TimerTriggerConfig } from './config';

export const TIMER_TIMEZONE = 'Asia/Shanghai';

/** A paused croner job for a CloudBase cron expression (throws on an invalid one). */
export function cloudbaseCron(expression: string, run?: () => Promise<void>): Cron {
  const options = { timezone: TIMER_TIMEZONE, mode: '7-part' as const, unref: true };
  return run ? new Cron(expression, options, run) : new Cron(expression, { ...options, paused: true });
}

/**
 * The event SCF delivers for a timer (cloud.tencent.com/document/product/583/31927):
 * `{"Type":"Timer","TriggerName":"EveryDay","Time":"2019-02-21T11:49:00Z","Message":"..."}`.
 * CloudBase CLI triggers carry no custom message, so Message is empty.
 */
export function timerEvent(triggerName: string, at: Date) {
  return {
    Type: 'Timer',
    TriggerName: triggerName,
    Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Message: '',
  };
}

export interface ScheduledTimer {
  functionName: string;
  trigger: TimerTriggerConfig;
}

/** Every timer trigger of the built functions under `functionsDir`. */
export function findTimers(functionsDir: string): ScheduledTimer[] {
  if (!existsSync(functionsDir)) return [];
  const timers: ScheduledTimer[] = [];
  for (const entry of readdirSync(functionsDir, { withFileTypes: true })) {
    const dir = path.join(functionsDir, entry.name);
    if (!entry.isDirectory() || !existsSync(path.join(dir, 'index.js'))) continue;
    for (const trigger of readRunnerConfig(dir).timers) timers.push({ functionName: entry.name, trigger });
  }
  return timers;
}

export class TimerSchedule {
  private readonly jobs: Cron[] = [];

  /** Starts one job per trigger; `fire` runs the function and must not throw. */
  start(timers: ScheduledTimer[], fire: (timer: ScheduledTimer) => Promise<void>): void {
    for (const timer of timers) {
      try {
        this.jobs.push(cloudbaseCron(timer.trigger.config, () => fire(timer)));
      } catch (err) {
        console.error(
          `[runner] 云函数 ${timer.functionName} 的定时触发器 ${timer.trigger.name} 表达式无效：${(err as Error).message}`,
        );
      }
    }
  }

  stop(): void {
    for (const job of this.jobs.splice(0)) job.stop();
  }
}
