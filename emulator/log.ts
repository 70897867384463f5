/**
 * One log line per call, allowlisted fields only: never identities, tokens, codes,
 * bodies or URLs with query strings. Anything not listed here is dropped, not masked.
 */
export interface CallLog {
  kind: 'http' | 'fn' | 'timer' | 'admin' | 'wechat' | 'storage';
  method?: string;
  route?: string;
  name?: string;
  action?: string;
  status?: number | string;
  ms?: number;
  code?: string;
  /** Documents a database call read (with the logScanned option). */
  scanned?: number;
}

const ALLOWED: ReadonlyArray<keyof CallLog> = [
  'kind',
  'method',
  'route',
  'name',
  'action',
  'status',
  'ms',
  'code',
  'scanned',
];

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink) {
  return (entry: CallLog): void => {
    const safe: Record<string, unknown> = { t: new Date().toISOString() };
    for (const key of ALLOWED) {
      const value = entry[key];
      if (value !== undefined) safe[key] = typeof value === 'string' ? value.slice(0, 80) : value;
    }
    sink(JSON.stringify(safe));
  };
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * What the terminal may show of an unexpected error: its class, its code and where it was thrown, never its
 * message, which can quote the data being handled (an openid in a query, a phone number in a document). The stack
 * frames are file positions only, enough to find the bug.
 */
export function errorSummary(err: unknown): string {
  if (!(err instanceof Error)) return `(${typeof err})`;
  const code = (err as { code?: unknown }).code;
  const head = typeof code === 'string' || typeof code === 'number' ? `${err.name} ${code}` : err.name;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return [head, ...frames].join('\n');
}
