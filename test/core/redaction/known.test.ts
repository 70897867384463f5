/**
 * PUB-7 (seed publicity Art. 16): every spelling of the parties' known data is removed, and the
 * leak scan finds any that is left after normalising widths, spaces and separators. 100% is the bar.
 */
import { applyRemovals, leakScan, redact, type KnownPartyData } from '../../../core/redaction';
import { CORPUS } from './corpus';

const party: KnownPartyData = {
  names: ['曾向东'],
  formerNames: ['曾小东'],
  idNumbers: ['51010420020121648X'],
  phones: ['023-58402008', '15860288424'],
  addresses: ['重庆市万州区熊家镇古城村3组25号'],
  emails: ['zxd@example.com'],
};

const SPELLINGS: Array<[string, string]> = [
  ['name', '当事人曾向东在场'],
  ['name with spaces', '当事人曾 向 东在场'],
  ['former name', '曾用名曾小东。'],
  ['ID as given', '身份证51010420020121648X。'],
  ['ID lower-case x', '号码51010420020121648x。'],
  ['ID spaced', '号码5101 0420 0201 2164 8X。'],
  ['ID hyphenated', '号码510104-20020121-648X。'],
  ['ID full-width', '号码５１０１０４２００２０１２１６４８Ｘ。'],
  ['first-generation ID of the same person', '旧号码510104020121648。'],
  ['mobile spaced', '手机158 6028 8424。'],
  ['mobile with +86', '手机+86 158-6028-8424。'],
  ['mobile full-width', '手机１５８６０２８８４２４。'],
  ['landline with brackets', '电话(023)5840-2008。'],
  ['landline without area code', '电话5840 2008。'],
  ['address as given', '住重庆市万州区熊家镇古城村3组25号。'],
  ['address without city and district', '住熊家镇古城村３组２５号。'],
  ['e-mail', '邮箱zxd@example.com。'],
];

describe('known party data in every spelling', () => {
  it.each(SPELLINGS)('removes the %s', (_label, text) => {
    const { removals } = redact(text, [party]);
    const published = applyRemovals(text, removals);
    expect(leakScan(published, [party])).toEqual([]);
    expect(published).not.toBe(text);
  });

  it.each(SPELLINGS)('the leak scan finds the %s when nothing was removed', (_label, text) => {
    expect(leakScan(text, [party]).length).toBeGreaterThan(0);
  });

  it('replaces a known name by the surname and 某 (法释〔2016〕19号), identifiers by a label', () => {
    const text = '当事人曾向东，身份证号51010420020121648X，电话15860288424。';
    expect(applyRemovals(text, redact(text, [party]).removals)).toBe(
      '当事人曾某，身份证号［身份证号已隐去］，电话［电话号码已隐去］。',
    );
  });

  it('the leak scan also finds any resident ID number with a valid check character, known or not', () => {
    expect(leakScan('号码500112198601252066', [])).toHaveLength(1);
    expect(leakScan('代码915001012046408885', [])).toEqual([]);
  });
});

describe('the published text of every corpus decision', () => {
  it('contains none of its parties’ known data in any spelling (both halves)', () => {
    for (const doc of [...CORPUS.frozen, ...CORPUS.tuning]) {
      const published = applyRemovals(doc.text, redact(doc.text, doc.known).removals);
      expect({ doc: doc.id, leaks: leakScan(published, doc.known) }).toEqual({ doc: doc.id, leaks: [] });
    }
  });

  it('stays linear on one long text (all decisions joined, about 20 times over)', () => {
    const long = Array.from({ length: 20 }, () => CORPUS.tuning.map((d) => d.text).join('\n')).join('\n');
    const t = performance.now();
    const { removals } = redact(long, []);
    expect(removals.length).toBeGreaterThan(1000);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
