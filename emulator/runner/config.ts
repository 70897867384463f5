/** Finding a built function folder and reading its config.json (timeout, memory, timer trigger). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpError } from '../http';

export interface TimerTriggerConfig {
  name: string;
  type: string;
  /** 7-field CloudBase cron: sec min hour day month weekday year (Asia/Shanghai). */
  config: string;
}

export interface RunnerFunctionConfig {
  timeoutSeconds: number;
  memoryMb: number;
  timers: TimerTriggerConfig[];
}

/** The CloudBase CLI's defaults when config.json says nothing (docs.cloudbase.net/cli-v1/functions/configs). */
const DEFAULT_TIMEOUT_SECONDS = 5;
const DEFAULT_MEMORY_MB = 256;

/** CloudBase function names: a letter first, then letters, digits, `-` and `_` (also keeps paths inside the folder). */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/** The bundle of a built function, or a 404 HttpError with a Chinese message. */
export function resolveFunction(functionsDir: string, name: string): { dir: string; entry: string } {
  const dir = path.join(functionsDir, name);
  const entry = path.join(dir, 'index.js');
  if (!FUNCTION_NAME.test(name) || !existsSync(entry)) {
    throw new HttpError(
      404,
      'FUNCTION_NOT_FOUND',
      `云函数 ${name.slice(0, 60)} 不存在或尚未构建（请先运行 npm run build）`,
    );
  }
  return { dir, entry };
}

export function readRunnerConfig(dir: string): RunnerFunctionConfig {
  const file = path.join(dir, 'config.json');
  let raw: { timeout?: unknown; memorySize?: unknown; triggers?: unknown } = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
    } catch {
      throw new HttpError(
        500,
        'INVALID_FUNCTION_CONFIG',
        `${path.basename(dir)}/config.json 不是合法的 JSON`,
      );
    }
  }
  const triggers = Array.isArray(raw.triggers) ? (raw.triggers as TimerTriggerConfig[]) : [];
  return {
    timeoutSeconds:
      typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : DEFAULT_TIMEOUT_SECONDS,
    memoryMb: typeof raw.memorySize === 'number' ? raw.memorySize : DEFAULT_MEMORY_MB,
    timers: triggers.filter(
      (t) => t && t.type === 'timer' && typeof t.config === 'string' && typeof t.name === 'string',
    ),
  };
}
