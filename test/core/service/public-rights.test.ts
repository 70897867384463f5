/**
 * The public rights notice (PUB-5): per document type, read without a case (the conditions of the hearing right,
 * 行政处罚法 Art. 63, and of the payment duties, Art. 67, 72, 66, 73), the periods in plain Chinese, the review
 * body and court from the settings, and each period's last day from a receipt date (dates counted by hand on the
 * official 2026 table: 端午 2026-06-19..21).
 */
import { createCalendar } from '../../../core/calendar';
import {
  hearingConditions,
  publicRights,
  RIGHTS_DOC_TYPES,
  rightsFor,
  yuanText,
  type PublicRightsRequest,
  type PublicRightsSettings,
} from '../../../core/service';
import { DOCUMENT_TYPE_CODES } from '../../../core/case/stages';
import { SETTINGS } from './settings';

const calendar = createCalendar();
/** The defaults of version 1: Chongqing's hearing thresholds (市政府令第354号) and the service-date rule. */
const PUBLIC_SETTINGS: PublicRightsSettings = {
  ...SETTINGS,
  serviceDateRule: 'firstOpenOrAcknowledge',
  hearingThresholds: {
    person: { fineYuan: 5_000, confiscationYuan: 5_000 },
    organisation: { fineYuan: 50_000, confiscationYuan: 50_000 },
    basis: '《重庆市行政处罚听证程序规定》（重庆市人民政府令第354号）',
  },
};
const read = (request: PublicRightsRequest, settings = PUBLIC_SETTINGS) =>
  publicRights(request, settings, 3, calendar, '2026-06-18');
const byId = (view: ReturnType<typeof read>) => Object.fromEntries(view.items.map((i) => [i.id, i]));

describe('which document types carry a rights notice', () => {
  it('every listed type carries rights read without a case, every other type none', () => {
    for (const docType of DOCUMENT_TYPE_CODES) {
      const items = rightsFor(docType, { settings: SETTINGS, generic: true });
      expect(items.length > 0).toBe((RIGHTS_DOC_TYPES as readonly string[]).includes(docType));
    }
  });
});

describe('事先告知书 read without a case', () => {
  it('states the hearing right with the conditions of Art. 63 and the configured thresholds', () => {
    const view = read({ docType: 'priorNotice' });
    expect(view).toMatchObject({ docName: '行政处罚事先告知书', generic: true, settingsVersion: 3 });
    expect(view.items.map((i) => i.id)).toEqual(['statement', 'hearing', 'recusal']);
    const { hearing, statement, recusal } = byId(view);
    expect(hearing).toMatchObject({ conditional: true, periodText: '5个工作日（自收到文书之日的次日起算）' });
    expect(hearing!.text).toContain('对公民5000元以上、对法人或者其他组织5万元以上');
    expect(hearing!.text).toContain('吊销许可证件');
    expect(hearing!.text).toContain('法律、法规、规章规定的其他情形'); // Art. 63(六)
    expect(hearing!.text).toContain('视为放弃听证权利');
    expect(statement).toMatchObject({ conditional: false });
    expect(statement!.text).toContain('逾期提出的，在作出处罚决定前仍会受理'); // Art. 62: never refused
    expect(recusal!.periodText).toBe('作出决定前随时可以提出，没有期限限制'); // Art. 43
    expect(view.bodies).toEqual([]);
  });

  it('without thresholds in the settings, says the amount follows the rules in force', () => {
    const { hearingThresholds: _dropped, ...older } = PUBLIC_SETTINGS;
    expect(hearingConditions(undefined)[0]).toBe('较大数额罚款（数额标准按本市规定执行）');
    expect(byId(read({ docType: 'priorNotice' }, older)).hearing!.text).toContain('数额标准按本市规定执行');
  });

  it('for given penalties decides the hearing right (a person fined 5000 yuan: 以上 includes it)', () => {
    const fine = (amountYuan: number) =>
      read({ docType: 'priorNotice', partyKind: 'person', penalties: [{ kind: 'fine', amountYuan }] });
    expect(fine(4_999).items.map((i) => i.id)).toEqual(['statement', 'recusal']);
    const large = fine(5_000);
    expect(large.generic).toBe(false);
    expect(byId(large).hearing).toMatchObject({ conditional: false });
  });
});

describe('行政处罚决定书', () => {
  it('names the review body and court with their contacts, and the fine duties as conditional', () => {
    const settings: PublicRightsSettings = {
      ...PUBLIC_SETTINGS,
      reviewBody: { ...PUBLIC_SETTINGS.reviewBody, address: '万州区某路 1 号', phone: '023-00000000' },
    };
    const view = read({ docType: 'penaltyDecision' }, settings);
    expect(view.items.map((i) => i.id)).toEqual([
      'review',
      'litigation',
      'payment',
      'surcharge',
      'deferment',
      'noSuspension',
    ]);
    const items = byId(view);
    expect(items.review!.periodText).toBe('60日（自收到文书之日的次日起算，含周末和节假日）');
    expect(items.litigation!.periodText).toBe('6个月（自收到文书之日的次日起算）');
    expect(items.payment).toMatchObject({ kind: 'duty', conditional: true });
    expect(items.payment!.text).toContain('15日内缴纳决定书载明的罚款');
    expect(items.surcharge!.text).not.toContain('最多');
    expect(items.noSuspension).toMatchObject({ kind: 'duty', conditional: false }); // Art. 73 ¶1: any penalty
    expect(items.surcharge!.periodText).toBe('缴款期限届满的次日起，按日计算');
    expect(view.bodies).toEqual([
      {
        role: 'reviewBody',
        label: '行政复议机关',
        name: '重庆市万州区人民政府',
        basis: '《中华人民共和国行政复议法》第二十四条',
        address: '万州区某路 1 号',
        phone: '023-00000000',
      },
      {
        role: 'court',
        label: '人民法院',
        name: '依重庆市行政案件集中管辖规定确定的人民法院',
        basis: '《中华人民共和国行政诉讼法》第十八条',
        address: null,
        phone: null,
      },
    ]);
    expect(view.countingNotes.join('')).toContain('以节假日后的第一个工作日为最后一日');
  });

  it('on the spot (当场处罚): review first, litigation after it (行政复议法 Art. 23)', () => {
    const view = read({ docType: 'penaltyDecision', onSpot: true });
    expect(view.onSpot).toBe(true);
    expect(view.items.slice(0, 2).map((i) => i.id)).toEqual(['review', 'litigationAfterReview']);
    expect(view.bodies.map((b) => b.role)).toEqual(['reviewBody', 'court']);
  });

  it('onSpot means nothing for another document type', () => {
    const view = read({ docType: 'sealSeizeDecision', onSpot: true });
    expect(view.onSpot).toBe(false);
    expect(view.items.map((i) => i.id)).toEqual(['review', 'litigation']);
  });
});

describe('dates from the day the document was received', () => {
  it('a notice received on 2026-06-18: hearing and statement until 2026-06-26, across 端午', () => {
    const items = byId(read({ docType: 'priorNotice', servedOn: '2026-06-18' }));
    expect(items.hearing!.due).toEqual({ date: '2026-06-26', provisional: false });
    expect(items.statement!.due).toEqual({ date: '2026-06-26', provisional: false });
    expect(items.recusal!.due).toBeUndefined();
  });

  it('a decision received on 2026-06-18: pay by 2026-07-03, surcharge from 07-04, review by 08-17', () => {
    const view = read({ docType: 'penaltyDecision', servedOn: '2026-06-18' });
    const items = byId(view);
    expect(view.servedOn).toBe('2026-06-18');
    expect(items.payment!.due).toEqual({ date: '2026-07-03', provisional: false });
    expect(items.surcharge!.from).toEqual({ date: '2026-07-04', provisional: false });
    expect(items.review!.due!.date).toBe('2026-08-17');
    expect(items.litigation!.due!.date).toBe('2026-12-18');
  });

  it('a date in a year without an official holiday table is provisional', () => {
    const items = byId(read({ docType: 'priorNotice', servedOn: '2027-01-28' }));
    expect(items.hearing!.due!.provisional).toBe(true);
  });
});

describe('the counting notes follow the settings', () => {
  it('say which event makes an electronic service received, per the service-date rule', () => {
    const notes = read({ docType: 'demandNotice' }).countingNotes;
    expect(notes).toEqual([]); // a 催告书's statement runs until the enforcement decision: no period to count
    const ack = read({ docType: 'priorNotice' }, { ...PUBLIC_SETTINGS, serviceDateRule: 'acknowledge' });
    expect(ack.countingNotes.at(-1)).toBe('通过小程序电子送达的文书，以您点击“确认收悉”的时间为收到时间。');
    expect(ack.countingNotes.join('')).toContain('调休上班');
  });

  it('amounts read as people write them', () => {
    expect([yuanText(5_000), yuanText(50_000), yuanText(15_000), yuanText(100_000)]).toEqual([
      '5000元',
      '5万元',
      '15000元',
      '10万元',
    ]);
  });
});
