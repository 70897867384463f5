/** Minimal HTTP plumbing for the emulator: routing, bodies, JSON answers, the loopback guard. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters captured by the route pattern, in order. */
  params: string[];
  body(): Promise<Buffer>;
  json<T = unknown>(): Promise<T>;
  send(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Fills the per-call log line (see log.ts for what is allowed). */
  note: { name?: string; action?: string; code?: string; scanned?: number };
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
  kind: 'http' | 'fn' | 'timer' | 'admin' | 'wechat' | 'storage';
}

export class Router {
  private readonly routes: Route[] = [];

  /** `method` may be '*' for any; `pattern` is matched against the path (no query string). */
  add(method: string, pattern: RegExp, handler: RouteHandler, kind: Route['kind'] = 'http'): void {
    this.routes.push({ method, pattern, handler, kind });
  }

  match(method: string, path: string): { route: Route; params: string[] } | undefined {
    for (const route of this.routes) {
      if (route.method !== '*' && route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? '')) };
    }
    return undefined;
  }
}

const MAX_BODY = 32 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'BODY_TOO_LARGE', '请求体过大'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True when the Host header names a loopback address (DNS-rebinding guard). */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : (hostHeader.split(':')[0] ?? '');
  if (LOOPBACK_HOSTS.has(host.toLowerCase())) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}
