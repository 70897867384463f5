/**
 * A small RFC 4180 CSV reader for the 双公示 import: the repository has no CSV library (csv-parse
 * is not installed), and the format is small. Fields are separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and doubled quotes (""). A leading UTF-8 BOM (Excel's "CSV UTF-8")
 * is dropped. Each record carries the line it starts on, so errors can name it. Pure; never throws: a quote
 * left open or text after a closing quote is reported as a problem on its line.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts in the file. */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (afterQuote) {
      return { ok: false, line, message: `第 ${line} 行：引号结束后还有其他字符，请检查该行的引号` };
    } else if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: `第 ${recordLine} 行：引号没有闭合` };
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return { ok: true, records };
}
