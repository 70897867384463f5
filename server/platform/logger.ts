/**
 * One log line per call with allowlisted fields only: never identities, tokens,
 * codes, names, phone numbers, ID numbers or URLs. Anything not listed is dropped.
 */
export interface LogEntry {
  fn: string;
  action?: string;
  code?: string;
  ms?: number;
  /** A short, non-reversible tag of the request id, to correlate retries. */
  req?: string;
  event?: string;
  count?: number;
}

const ALLOWED: ReadonlyArray<keyof LogEntry> = ['fn', 'action', 'code', 'ms', 'req', 'event', 'count'];

export function log(entry: LogEntry): void {
  const line: Record<string, unknown> = {};
  for (const key of ALLOWED) if (entry[key] !== undefined) line[key] = entry[key];
  console.log(JSON.stringify(line));
}
