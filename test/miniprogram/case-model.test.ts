/**
 * The case pages' pure view models (miniprogram/pages/case/view.ts, record/form.ts, detail/advance.ts): rows of
 * 我的案件 with the next legal deadline in working days (REC-10), a case's detail with failures first and what the
 * law requires next (REC-16), the intake queue late first (全过程记录制度第二十一条), and the record form checked with
 * the contract's own schema (REC-2..4), its first error mapped to the field to scroll to.
 */
import { DOCUMENT_TYPES } from '../../core/case/stages';
import { CASE_ID, caseView, HASH, listItem, record } from './case-fixtures';
import { checkAdvance, emptyAdvance } from '../../miniprogram/pages/case/detail/advance';
import {
  checkRecordForm,
  emptyRecordForm,
  isoOf,
  scrollTargetOf,
} from '../../miniprogram/pages/case/record/form';
import {
  caseDetail,
  caseRow,
  findingRows,
  intakeRows,
  leftLabel,
  recordRow,
  shortHash,
} from '../../miniprogram/pages/case/view';

const TODAY = '2026-11-30';

describe('我的案件 rows', () => {
  it('show the stage in its order, the open failures, pending hand-overs and working days left', () => {
    const row = caseRow(listItem(), TODAY);
    expect(row.stageStep).toBe('第 2 步，共 10 步');
    expect(row.findings).toBe('2 项不符合规定');
    expect(row.failing).toBe(true);
    expect(row.pending).toBe('1 份记录待移交');
    expect(row.dueLabel).toBe('最近的法定期限 2026年12月3日');
    expect(row.dueLeft).toBe('剩 3 个工作日');
    expect(row.overdue).toBe(false);
  });
  it('mark an overdue deadline and a case not checked yet', () => {
    const row = caseRow(
      listItem({ nextDue: '2026-11-25', nextDueWorkingDaysLeft: -3, openFailures: null }),
      TODAY,
    );
    expect(row.dueLeft).toBe('已逾期 3 个工作日');
    expect(row.overdue).toBe(true);
    expect(row.findings).toBe('');
    expect(caseRow(listItem({ openFailures: 0 }), TODAY).findings).toBe('检查未发现不符合规定');
  });
  it('say 今天到期 on the due day', () => {
    expect(leftLabel(0, TODAY, TODAY)).toBe('今天到期');
  });
});

describe('records', () => {
  it('show a short hash, the document type from the core list and the custody state', () => {
    const row = recordRow(record(), TODAY);
    expect(shortHash(HASH)).toBe(`${HASH.slice(0, 8)}…${HASH.slice(-4)}`);
    expect(row.hash).toBe(shortHash(HASH));
    expect(row.typeLabel).toBe(`文书 · ${DOCUMENT_TYPES.inquiryRecord}`);
    expect(row.custody).toBe('待移交，应于 2026年12月1日 前移交档案专人');
    expect(recordRow(record({ handoverDueDate: '2026-11-27' }), TODAY).late).toBe(true);
    expect(recordRow(record({ receivedAt: '2026-11-27T02:00:00.000Z' }), TODAY).custody).toBe(
      '已接收 2026-11-27 10:00',
    );
  });
  it('queue the unreceived for the custodian in the order the queue answers, each with its case number', () => {
    const rows = intakeRows(
      [
        { ...record({ id: 'rec_late', handoverDueDate: '2026-11-26' }), caseNo: 'B' },
        { ...record({ id: 'rec_on_time', handoverDueDate: '2026-12-02' }), caseNo: 'A' },
        { ...record({ id: 'rec_received', receivedAt: '2026-11-27T02:00:00.000Z' }), caseNo: 'A' },
      ],
      TODAY,
    );
    expect(rows.map((r) => r.id)).toEqual(['rec_late', 'rec_on_time']);
    expect(rows[0]).toMatchObject({ caseNo: 'B', late: true });
  });
});

describe('a case', () => {
  const view = caseView();

  it('says what the law requires next: the allowed stages, the running clocks with their article, the hand-overs', () => {
    const d = caseDetail(view, TODAY);
    expect(d.next[0]).toBe('下一步可办理：事先告知');
    expect(d.next[1]).toContain('应于 2027年1月31日 前办结（剩 40 个工作日），依据行政处罚法第六十条');
    expect(d.next[2]).toContain('1 份记录应在现场工作结束后 2 个工作日内移交档案专人');
    expect(d.clocks.map((c) => c.name)).toEqual(['decision']);
    expect(d.stages[0]!.recordedLater).toBe(true);
  });
  it('lists failures before warnings, each with its article', () => {
    const rows = findingRows([
      { code: 'w', level: 'warning', article: '第十一条', message: '警告' },
      { code: 'f', level: 'failure', article: '第十五条', message: '失败' },
    ]);
    expect(rows.map((r) => [r.levelLabel, r.article])).toEqual([
      ['不符合规定', '第十五条'],
      ['请核实', '第十一条'],
    ]);
  });
  it('checks an advance with the contract schema: a decision stage needs the decision document', () => {
    const bad = checkAdvance(CASE_ID, { ...emptyAdvance(), stage: 'decision' });
    expect(bad.ok).toBe(false);
    const ok = checkAdvance(CASE_ID, { ...emptyAdvance(), stage: 'priorNotice' });
    expect(ok).toEqual({ ok: true, payload: { id: CASE_ID, stage: 'priorNotice' } });
  });
});

it('records the statement period at the statement stage (行政处罚法第六十二条)', () => {
  const res = checkAdvance(CASE_ID, {
    ...emptyAdvance(),
    stage: 'statement',
    periodEnds: { date: '2026-12-03', time: '17:00' },
    waiverInWriting: true,
  });
  expect(res).toEqual({
    ok: true,
    payload: {
      id: CASE_ID,
      stage: 'statement',
      statement: { periodEndsAt: '2026-12-03T17:00:00+08:00', partyStated: false, waiverInWriting: true },
    },
  });
});

describe('the record form', () => {
  it('sends picked times with the Beijing offset', () => {
    expect(isoOf({ date: '2026-11-27', time: '10:05' })).toBe('2026-11-27T10:05:00+08:00');
  });
  it('names the missing fields with the schema messages and scrolls to the first', () => {
    const res = checkRecordForm(emptyRecordForm('av'), CASE_ID);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.title).toBe('记录名称至少 2 个字');
    expect(res.errors['av.device']).toBe('执法记录仪编号至少 2 个字');
    expect(res.first).toBe('title');
    expect(res.errors.workEndedAt).toBe('请选择现场工作结束时间');
    expect(scrollTargetOf('av.interruptions.0.at')).toBe('#f-av-interruptions');
    expect(scrollTargetOf('document.docType')).toBe('#f-document-docType');
  });
  it('accepts a filled document with an uploaded file', () => {
    const form = {
      ...emptyRecordForm('document'),
      title: '现场笔录',
      workEnded: { date: '2026-11-27', time: '11:00' },
      fileID: 'cloud://env.bucket/quarantine/o/upl_1/1',
      docType: 'inquiryRecord',
      docTimes: [{ date: '2026-11-27', time: '10:00' }],
      signed: true,
      blankItems: '第2页检查结果、第3页签名',
    };
    const res = checkRecordForm(form, CASE_ID);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.payload.document).toEqual({
      docType: 'inquiryRecord',
      docTimes: ['2026-11-27T10:00:00+08:00'],
      signed: true,
      blankItems: ['第2页检查结果', '第3页签名'],
    });
    expect(res.payload.sha256).toBeUndefined();
  });
  it('an AV recording whose end is before its start is refused on av.end', () => {
    const res = checkRecordForm(
      {
        ...emptyRecordForm('av'),
        title: '询问录像',
        workEnded: { date: '2026-11-27', time: '11:00' },
        sha256: HASH,
        device: 'DSJ-001',
        act: 'questioning',
        start: { date: '2026-11-27', time: '10:00' },
        end: { date: '2026-11-27', time: '09:00' },
        place: '某某游泳馆',
        location: '执法记录仪管理平台/2026/11',
      },
      CASE_ID,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors['av.end']).toBe('录制结束时间应晚于开始时间');
  });
});
