/**
 * The open-data feed's pure parts (PUB-9): CSV cells that a spreadsheet would run as a formula
 * (= + - @, tab, CR) are neutralised, quoting follows RFC 4180, the file has a BOM and CRLF lines, a tombstone
 * carries no content, and the query's date bounds are Beijing days.
 */
import { parseCsv } from '../../../core/publication/csv';
import { csvCell, feedBounds, feedCsv, feedItem, FEED_CSV_COLUMNS } from '../../../core/publication/feed';

describe('csvCell', () => {
  it.each(['=1+1', '+86 123', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j so it is not a formula', (v) => {
    expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell('渝中卫罚〔2026〕1号')).toBe('渝中卫罚〔2026〕1号');
    expect(csvCell(null)).toBe('');
  });
});

describe('feedCsv', () => {
  it('writes a BOM, the header and one CRLF line per item; a formula-like cell reads back with its apostrophe', () => {
    const tomb = feedItem({
      id: 'pub_0123456789',
      feedKey: '2026-12-01T02:00:00.000Z|pub_0123456789',
      status: 'withdrawn',
      kind: 'penalty',
      view: null,
      notice: { docNo: '=HYPERLINK("x")', withdrawnOn: '2026-12-01', reason: '原决定已撤销' },
    });
    expect(tomb).toMatchObject({ deleted: true, status: 'withdrawn' });
    expect('view' in tomb).toBe(false);
    const text = feedCsv([tomb]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const csv = parseCsv(text);
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.records[0]!.fields).toEqual(FEED_CSV_COLUMNS.map(([h]) => h));
    const row = csv.records[1]!.fields;
    expect(row[1]).toBe('已撤回');
    expect(row[3]).toBe('行政处罚');
    expect(row[4]).toBe('\'=HYPERLINK("x")');
  });
});

describe('feedBounds', () => {
  it('reads from/to as Beijing days, to inclusive', () => {
    expect(feedBounds({ from: '2026-12-01', to: '2026-12-01' })).toEqual({
      after: null,
      atLeast: '2026-11-30T16:00:00.000Z',
      before: '2026-12-01T16:00:00.000Z',
    });
  });
});
