/**
 * Error answers of the /admin database protocol. The SDK treats any answer carrying `code` as an error and throws
 * `{code, message, requestId}` (node-sdk dist/utils/tcbapirequester.js `request` → processReturn).
 * Codes are CloudBase's own (docs.cloudbase.net/error-code/basic, 数据库错误; the conflict code is the one the
 * SDK's runTransaction retries on: @cloudbase/database dist/commonjs/const/code.js DATABASE_TRANSACTION_CONFLICT).
 */
import { randomBytes } from 'node:crypto';

export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  /** The transaction is not open (ended, aborted by a conflict, or past its 30 s): docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL */
  | 'DATABASE_TRANSACTION_FAIL'
  /** Emulator only: strict index mode (planner.ts); CloudBase itself would run the query with a collection scan. */
  | 'EMULATOR_INDEX_REQUIRED';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Internal: a write met a document an open transaction holds; the action waits for it to end and retries. */
export class LockedByTransaction extends Error {
  constructor(readonly transactionId: string) {
    super('locked by an open transaction');
  }
}

export function newRequestId(): string {
  return 'emu-' + randomBytes(8).toString('hex');
}

export function errorAnswer(
  err: unknown,
  requestId: string,
): { code: string; message: string; requestId: string } {
  if (err instanceof DbError) return { code: err.code, message: err.message, requestId };
  // mingo throws plain Errors for operators it cannot evaluate; never answer silently.
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'DATABASE_REQUEST_FAILED', message: `数据库请求失败：${detail}`, requestId };
}
