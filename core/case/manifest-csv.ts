/**
 * The CSV reading of the import manifest: RFC 4180 records with the line each starts on, so
 * that every refusal names its line. UTF-8 with or without a byte-order mark, fields quoted with `"` (a quote
 * inside doubled), line breaks inside quoted fields, CRLF, LF or a lone CR. Pure: no I/O.
 *
 * Written here rather than taken from a CSV library: the rules are small, the line of each record is needed, and a
 * library's error messages quote the offending text, which may be personal data and must never be echoed.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1 when it is the first line). */
  line: number;
  fields: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; problem: 'quote' | 'unterminated' | 'tooManyRecords' };

/**
 * Splits a CSV text into records. Stops with an error at the first malformed quote (the rest of the file cannot be
 * read reliably after it) or when more than `maxRecords` records are found. Blank lines are skipped.
 */
export function parseCsv(text: string, maxRecords: number): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let endOfRecord = false;
    let fieldStart = true;
    while (i < n && !endOfRecord) {
      const ch = src[i]!;
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i += 1;
          const next = src[i];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
            return { ok: false, line, problem: 'quote' };
          }
          continue;
        }
        if (ch === '\r' || ch === '\n') {
          line += 1;
          i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
          field += '\n';
          continue;
        }
        field += ch;
        i += 1;
        continue;
      }
      if (ch === '"') {
        if (!fieldStart) return { ok: false, line, problem: 'quote' };
        quoted = true;
        fieldStart = false;
        i += 1;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        fieldStart = true;
        i += 1;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
        continue;
      }
      field += ch;
      fieldStart = false;
      i += 1;
    }
    if (quoted) return { ok: false, line: startLine, problem: 'unterminated' };
    fields.push(field);
    if (fields.length === 1 && fields[0]!.trim() === '') continue;
    if (records.length >= maxRecords) return { ok: false, line: startLine, problem: 'tooManyRecords' };
    records.push({ line: startLine, fields });
  }
  return { ok: true, records };
}
