/** The `opendata` cloud function: HTTP access for the government portal (published entries; later issue). */
export async function main(_event: unknown, _context: unknown): Promise<unknown> {
  return {
    statusCode: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: '{"ok":false}',
  };
}
