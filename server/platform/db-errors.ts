/** Recognising CloudBase database errors by their documented codes. */

/** Insert of an existing _id or a unique-index clash: CloudBase error DATABASE_DUPLICATE_WRITE. */
export function isDuplicateWrite(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'DATABASE_DUPLICATE_WRITE' || /duplicate/i.test(String((err as Error)?.message ?? ''));
}
