/**
 * The manifest's CSV reader: RFC 4180 records with the line each starts on, so that every
 * refusal names its line (header = line 1).
 */
import { parseCsv } from '../../../core/case/manifest-csv';

describe('parseCsv', () => {
  it('gives each record the line it starts on, across quoted line breaks, blank lines and any line end', () => {
    const text = '\ufeffa,b\r\n"x\r\ny",1\n\n"",2\rlast,"q""uote"';
    expect(parseCsv(text, 10)).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x\ny', '1'] },
        { line: 5, fields: ['', '2'] },
        { line: 6, fields: ['last', 'q"uote'] },
      ],
    });
  });

  it('keeps empty fields and a trailing comma as an empty last field', () => {
    expect(parseCsv('a,,c,\n', 10)).toEqual({ ok: true, records: [{ line: 1, fields: ['a', '', 'c', ''] }] });
  });

  it('stops at a quote inside an unquoted field, text after a closing quote, or an unclosed quote', () => {
    expect(parseCsv('h\na"b\n', 10)).toEqual({ ok: false, line: 2, problem: 'quote' });
    expect(parseCsv('h\n"a"b\n', 10)).toEqual({ ok: false, line: 2, problem: 'quote' });
    expect(parseCsv('h\n\n"a\nb\n', 10)).toEqual({ ok: false, line: 3, problem: 'unterminated' });
  });

  it('stops after maxRecords records', () => {
    expect(parseCsv('a\nb\nc\n', 2)).toEqual({ ok: false, line: 3, problem: 'tooManyRecords' });
    expect(parseCsv('', 2)).toEqual({ ok: true, records: [] });
  });
});
