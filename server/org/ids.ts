/** Ids of new organisation entities. */
import { hashText, randomId } from '../platform/crypto';

/**
 * A retried write (same idempotency key) creates the same id, so a call that died after committing cannot
 * create a duplicate on retry (commitChange refuses the second create); without a key (operator CLI) a random id.
 */
export function newEntityId(prefix: string, idempotencyKey: string | null, salt = ''): string {
  const body = idempotencyKey
    ? hashText(`${prefix}\u0000${salt}\u0000${idempotencyKey}`).slice(0, 20)
    : randomId(10);
  return `${prefix}_${body}`;
}
