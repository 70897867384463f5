/**
 * Checks of an inspection's records (REC-4, REC-6, REC-9, REC-16): 全过程记录制度第十一条、第十五条第（二）项、
 * 第（四）项, 第十八条. A clean case has no findings; each test breaks one rule.
 */
import { checkCase, type Finding } from '../../../core/case/checks';
import { at, inspection } from './fixtures';

const codes = (f: Finding[]) => f.map((x) => `${x.level}:${x.code}`);

describe('an inspection recorded as the rules require', () => {
  it('has no findings', () => {
    expect(checkCase(inspection())).toEqual([]);
  });
  it('accepts a document time written to the minute just after the recording ended', () => {
    const c = inspection();
    c.records[1]!.docTimes = [at('09:05'), at('10:32')]; // recording ended 10:31
    expect(checkCase(c)).toEqual([]);
  });
});

describe('times written in documents against the recording (全过程记录制度第十五条第（四）项)', () => {
  it('fails a document whose time lies outside its recording, naming the record and the article', () => {
    const c = inspection();
    c.records[1]!.docTimes = [at('09:05'), at('10:45')];
    expect(checkCase(c)).toEqual([
      {
        code: 'docTimeOutsideAv',
        level: 'failure',
        article: '全过程记录制度第十五条第（四）项',
        message: '《现场笔录》记载的时间不在录音录像的起止时间内',
        recordId: 'doc1',
      },
    ]);
  });
  it('warns when a document has no times to compare', () => {
    const c = inspection();
    delete c.records[1]!.docTimes;
    expect(codes(checkCase(c))).toEqual(['warning:docTimesMissing']);
  });
});

describe('recording from arrival to departure (全过程记录制度第十五条第（二）项)', () => {
  it('fails an inspection with no recording at all', () => {
    const c = inspection();
    c.records.shift();
    expect(codes(checkCase(c))).toEqual(['failure:avInspection', 'failure:docTimeOutsideAv']);
  });
  it('fails a recording that started after the arrival', () => {
    const c = inspection();
    c.records[0]!.avStart = at('09:10');
    const f = checkCase(c);
    expect(codes(f)).toEqual(['failure:avInspection', 'failure:docTimeOutsideAv']); // 09:05 is before 09:10
    expect(f[0]!.message).toContain('晚于到达时间开始');
  });
  it('fails an unexplained gap between two files, and only warns once the gap is explained', () => {
    const c = inspection();
    c.records[0]!.avEnd = at('09:30');
    c.records.push({
      id: 'av2',
      type: 'av',
      act: 'arrival-departure',
      avStart: at('09:40'),
      avEnd: at('10:31'),
    });
    expect(codes(checkCase(c))).toEqual(['failure:avInspection']);
    c.records[0]!.interruptions = [{ at: at('09:30'), explanation: '记录仪电量耗尽，更换设备' }];
    expect(codes(checkCase(c))).toEqual(['warning:avInterruptionExplained']);
  });
});

describe('recording coverage edge cases', () => {
  it('fails a recording that ended before the departure even when a later file starts after it', () => {
    const c = inspection();
    c.records[0]!.avEnd = at('10:00');
    c.records.push({
      id: 'av2',
      type: 'av',
      act: 'arrival-departure',
      avStart: at('10:40'),
      avEnd: at('10:50'),
    });
    c.records[1]!.docTimes = [at('09:05')];
    const f = checkCase(c);
    expect(codes(f)).toEqual(['failure:avInspection']);
    expect(f[0]!.message).toContain('早于离开时间结束');
  });
  it('reports one failure, not two, for an unexplained interruption entry that matches a gap', () => {
    const c = inspection();
    c.records[0]!.avEnd = at('09:30');
    c.records[0]!.interruptions = [{ at: at('09:30') }];
    c.records.push({
      id: 'av2',
      type: 'av',
      act: 'arrival-departure',
      avStart: at('09:40'),
      avEnd: at('10:31'),
    });
    expect(codes(checkCase(c))).toEqual(['failure:avInterruptionUnexplained']);
  });
  it('reads a time without a zone as Shanghai time', () => {
    const c = inspection();
    c.records[1]!.docTimes = ['2026-03-02T09:05:00', '2026-03-02T10:20'];
    expect(checkCase(c)).toEqual([]);
    c.records[1]!.docTimes = ['2026-03-02T01:05:00Z']; // 09:05 in Shanghai
    expect(checkCase(c)).toEqual([]);
  });
});

describe('interruptions and recording metadata (全过程记录制度第十一条第二款, 第十八条)', () => {
  it('fails an interruption without a spoken or written explanation', () => {
    const c = inspection();
    c.records[0]!.interruptions = [{ at: at('09:45'), explanation: '  ' }];
    const f = checkCase(c);
    expect(codes(f)).toEqual(['failure:avInterruptionUnexplained']);
    expect(f[0]).toMatchObject({ recordId: 'av1', article: '全过程记录制度第十一条第二款' });
  });
  it('fails a recording registered without its start and end', () => {
    const c = inspection();
    c.records.push({ id: 'av9', type: 'av', act: 'other', avStart: at('11:00') });
    expect(codes(checkCase(c))).toEqual(['failure:avTimesMissing']);
  });
});

describe('documents signed and complete (全过程记录制度第十五条第（四）项)', () => {
  it('fails an unsigned document and lists the items left blank', () => {
    const c = inspection();
    c.records[1]!.signed = false;
    c.records[1]!.blankItems = ['检查地点', '当事人签名日期'];
    const f = checkCase(c);
    expect(codes(f)).toEqual(['failure:docUnsigned', 'failure:docBlankItems']);
    expect(f[1]!.message).toBe('《现场笔录》有未填写的项目：检查地点、当事人签名日期');
  });
  it('warns when the signatures were not registered', () => {
    const c = inspection();
    delete c.records[1]!.signed;
    expect(codes(checkCase(c))).toEqual(['warning:docSignatureUnknown']);
  });
});

describe('acts touching life, health or major property (全过程记录制度第十一条第一款)', () => {
  it('fails a case flagged so when nothing was filmed throughout, and passes with the whole-process recording', () => {
    const c = inspection();
    c.lifeHealth = true;
    expect(checkCase(c)).toEqual([]); // the arrival-to-departure recording covers the on-site work
    c.records.shift();
    expect(codes(checkCase(c))).toContain('failure:avLifeHealth');
  });
});
