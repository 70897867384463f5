/** What the emulator's parts share: options, the router, the /admin action table, reset and close hooks. */
import type { Router } from './http';
import type { Logger } from './log';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where SQLite, stored files and timer state live. */
  dataDir: string;
  /** Seed demo data when the database is empty on start. */
  seed: boolean;
  /** 'test' runs every function call in a fresh module instance (CloudBase runs many instances). */
  mode: 'dev' | 'test';
  /** Refuse any query that no declared index serves. */
  strictIndexes: boolean;
  /** Fire timer triggers on their schedule (tests fire them with POST /timer/<name>). */
  timers: boolean;
  /** Folder holding the built function folders (cloudfunctions/<name>/index.js + config.json). */
  functionsDir: string;
  /** The configured mini-program app id; the runner passes it as WX_APPID unless the caller sends another. */
  appId: string;
  logSink: (line: string) => void;
  /**
   * The `console` the functions' bundles see (default: the host's, as in `npm start`). The test emulator passes
   * one that keeps their lines in its `logs` (printed with LOG=1). The functions' own code is unchanged.
   */
  functionConsole?: Console;
  /** Round-trip latency added to every /admin call (npm start: DB_LATENCY_MS, DB_LATENCY_JITTER_MS, DB_LATENCY_SEED). */
  dbLatency?: DbLatency;
  /** Adds `scanned` (documents read) to each database call's log line (npm start: DB_LOG_SCANNED=1). */
  logScanned?: boolean;
  /** How long a transaction may stay open before it is aborted (CloudBase: 30 s; tests shorten it). */
  transactionLifetimeMs?: number;
}

export interface DbLatency {
  /** Base round trip in milliseconds. */
  ms: number;
  /** Up to this much more, uniformly, from a PRNG seeded with `seed` (so a run can be repeated). */
  jitterMs?: number;
  seed?: number;
}

/** An /admin action handler: gets the decoded JSON body, returns the JSON answer the SDK expects. */
export type AdminHandler = (body: Record<string, unknown>, note?: { scanned?: number }) => Promise<unknown>;

export interface EmulatorContext {
  options: EmulatorOptions;
  /** http://127.0.0.1:<port>, known once listening. */
  baseUrl: string;
  router: Router;
  log: Logger;
  /** /admin actions by exact name, e.g. 'database.getDocument', 'storage.getUploadMetadata'. */
  adminActions: Map<string, AdminHandler>;
  /** Called by POST /_emulator/reset, in registration order. */
  onReset: Array<(opts: { seed: boolean }) => Promise<void> | void>;
  /** Called after listening (seeding, timers). */
  onReady: Array<() => Promise<void> | void>;
  /** Called on close, in reverse registration order. */
  onClose: Array<() => Promise<void> | void>;
}
