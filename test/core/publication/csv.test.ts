/** The RFC 4180 reader behind the 双公示 import. */
import { parseCsv } from '../../../core/publication/csv';

const ok = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r.records;
};

describe('parseCsv', () => {
  it('reads fields and records with CRLF or LF, skipping a BOM and blank lines', () => {
    expect(ok('\ufeffa,b\r\n1,2\n\n3,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', ''] },
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quotes, and counts lines', () => {
    expect(ok('a,"x, ""y""\nz"\r\nnext,1')).toEqual([
      { line: 1, fields: ['a', 'x, "y"\nz'] },
      { line: 3, fields: ['next', '1'] },
    ]);
  });

  it('reads a last record without a line break and empty quoted fields', () => {
    expect(ok('"",b')).toEqual([{ line: 1, fields: ['', 'b'] }]);
  });

  it('reports an unclosed quote and text after a closing quote with the line', () => {
    expect(parseCsv('a\n"open,1\n2')).toEqual({ ok: false, line: 2, message: '第 2 行：引号没有闭合' });
    expect(parseCsv('a\nb\n"x"y,1')).toEqual({
      ok: false,
      line: 3,
      message: '第 3 行：引号结束后还有其他字符，请检查该行的引号',
    });
  });
});
