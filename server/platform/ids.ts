/**
 * Ids of new records. Each creating action declares how (core/contract/declare.ts `ids`): `request` derives ids
 * from the request key, so a retry after a crash between commit and answer finds the record it already made
 * instead of creating a second; `random` for creates that a retry may repeat harmlessly, and for the operator
 * CLI. An action that declares no id policy cannot create ids at all (a programming error, caught by tests).
 */
import { randomBytes } from 'node:crypto';
import { hashText } from './crypto';

export interface IdSource {
  /** `<prefix>_<hex>`; `purpose` tells apart several records one request creates. */
  newId(prefix: string, purpose?: string, hexLength?: number): string;
  /** Bytes for other derived values (a tracking number), stable for the request under the same policy. */
  entropy(purpose: string): Buffer;
}

export function requestIds(requestKey: string): IdSource {
  const digest = (text: string) => hashText(`${text}\u0000${requestKey}`);
  return {
    newId: (prefix, purpose = '', hexLength = 20) =>
      `${prefix}_${digest(`${prefix}\u0000${purpose}`).slice(0, hexLength)}`,
    entropy: (purpose) => Buffer.from(digest(`entropy\u0000${purpose}`), 'hex'),
  };
}

export function randomIds(): IdSource {
  return {
    newId: (prefix, _purpose, hexLength = 20) =>
      `${prefix}_${randomBytes(Math.ceil(hexLength / 2))
        .toString('hex')
        .slice(0, hexLength)}`,
    entropy: () => randomBytes(32),
  };
}

export function noIds(action: string): IdSource {
  const refuse = (): never => {
    throw new Error(`${action} declares no id policy but creates a record`);
  };
  return { newId: refuse, entropy: refuse };
}
