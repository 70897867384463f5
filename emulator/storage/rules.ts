/**
 * The repository's storage security rules (`deploy/storage.rules.json`, CloudBase's `{read, write}` form:
 * each value `true`/`false` or an expression string; a missing key denies, https://docs.cloudbase.net/storage/
 * security-rules/secure_resource "默认情况下，read / write 都为 false"). The file is re-read whenever it changes,
 * so editing it changes what the emulator allows at once. EMULATOR_STORAGE_RULES points at another file (tests).
 * Rules bind only clients: server (admin) calls are never checked, as in CloudBase.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { clockNow } from '../clock';
import { compileRule, RuleError, type RuleScope } from './rule-expression';

export type StorageOperation = 'read' | 'write';

export interface RuleSubject {
  /** The caller, or null when the request carries no identity. */
  auth: { openid: string; appid: string; loginType: 'WECHAT' } | null;
  resource: { openid: string | null; path: string };
}

export interface RuleDecision {
  allowed: boolean;
  /** Why it was refused (for the refusal message); never contains identities. */
  reason?: string;
}

const DEFAULT_RULES_FILE = path.resolve(__dirname, '..', '..', 'deploy', 'storage.rules.json');

export function storageRulesFile(): string {
  return process.env.EMULATOR_STORAGE_RULES || DEFAULT_RULES_FILE;
}

type Compiled = Record<StorageOperation, (scope: RuleScope) => boolean>;
let cache: { file: string; stamp: string; compiled: Compiled } | undefined;

function loadRules(): Compiled {
  const file = storageRulesFile();
  const info = statSync(file);
  const stamp = `${info.mtimeMs}:${info.size}`;
  if (cache && cache.file === file && cache.stamp === stamp) return cache.compiled;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const compiled = { read: compileOne(raw.read), write: compileOne(raw.write) };
  cache = { file, stamp, compiled };
  return compiled;
}

function compileOne(value: unknown): (scope: RuleScope) => boolean {
  if (value === undefined || value === false) return () => false;
  if (value === true) return () => true;
  if (typeof value === 'string') return compileRule(value);
  throw new RuleError('存储安全规则的值须为 true、false 或表达式字符串');
}

export function decide(operation: StorageOperation, subject: RuleSubject): RuleDecision {
  try {
    const rule = loadRules()[operation];
    const scope: RuleScope = { auth: subject.auth, resource: subject.resource, now: clockNow().getTime() };
    return rule(scope) ? { allowed: true } : { allowed: false, reason: '存储安全规则不允许此操作' };
  } catch (err) {
    // Fail closed: a rules file that cannot be read or evaluated allows nothing.
    const detail = err instanceof RuleError || err instanceof SyntaxError ? err.message : '规则文件无法读取';
    return { allowed: false, reason: `存储安全规则不允许此操作（${detail}）` };
  }
}
