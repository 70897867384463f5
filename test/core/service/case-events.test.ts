/**
 * Electronic service as case-register events (core/service/case-events.ts; REC-7, REC-16): each act of an
 * enrolment or a service becomes one event at the revision the kernel committed it at; failed tries are counted
 * (the fifth locks the invitation) and never carry the code; a revocation after confirmation is not called an
 * invitation's; a late statement and a hearing request after its period are marked; the newest N are kept.
 */
import {
  enrolmentEvents,
  newestEvents,
  serviceEvents,
  type EnrolmentForRegister,
  type ServiceForRegister,
} from '../../../core/service/case-events';
import type { Act } from '../../../core/workflow/define';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 18, 2, minute)).toISOString();
const act = (step: string, minute: number): Act => ({
  step,
  actor: 'openid:salted',
  round: 0,
  actedAt: at(minute),
  recordedAt: at(minute),
  settingsVersion: null,
});

const enrolment = (steps: string[]): EnrolmentForRegister => ({
  _id: 'enr_1',
  createdAt: at(0),
  partyName: '某某医疗美容门诊部有限公司',
  _wf: { acts: steps.map((s, i) => act(s, i + 1)) },
});

describe('enrolmentEvents', () => {
  it('counts failed tries across wrong codes and identity mismatches, and says when the fifth locks it', () => {
    const events = enrolmentEvents(
      enrolment(['wrongCode', 'wrongCode', 'enterCode', 'wrongIdentity', 'wrongCode', 'wrongCode']),
    );
    expect(events.map((e) => [e.kind, e.failures, e.index])).toEqual([
      ['invite', null, 0],
      ['attempt', 1, 1],
      ['attempt', 2, 2],
      ['attempt', 2, 3],
      ['attempt', 3, 4],
      ['attempt', 4, 5],
      ['attempt', 5, 6],
    ]);
    expect(events.map((e) => e.attention)).toEqual([false, true, true, false, true, true, true]);
    expect(events[4]!.detail).toBe('身份信息与当事人不符，累计失败 3 次');
    expect(events[6]!.detail).toBe('验证码错误，累计失败 5 次，邀请已锁定');
    expect(events.every((e) => e.entity === 'serviceEnrolments/enr_1' && e.document === null)).toBe(true);
  });

  it('names a revocation by what it ends, and the change of recipient and withdrawal by who acted', () => {
    const before = enrolmentEvents(enrolment(['enterCode', 'revoke']));
    expect(before.at(-1)).toMatchObject({ kind: 'revoke', label: '撤销邀请', by: 'staff' });
    const after = enrolmentEvents(
      enrolment(['enterCode', 'identify', 'consent', 'confirm', 'withdraw', 'revoke', 'replace']),
    );
    expect(after.slice(4).map((e) => [e.kind, e.label, e.by])).toEqual([
      ['confirm', '确认生效', 'staff'],
      ['withdraw', '撤回同意', 'party'],
      ['revoke', '撤销电子送达', 'staff'],
      ['replace', '更换受送达人', 'staff'],
    ]);
  });
});

describe('serviceEvents', () => {
  const service: ServiceForRegister = {
    _id: 'svc_1',
    issuedAt: at(10),
    partyName: '张某某',
    docNo: '万卫罚告〔2026〕12号',
    title: '行政处罚事先告知书',
    submissions: [
      { kind: 'statement', late: true, refused: false },
      { kind: 'hearing', late: false, refused: true },
      { kind: 'recusal', late: false, refused: false },
    ],
    _wf: {
      acts: [
        act('open', 11),
        act('acknowledge', 12),
        act('state', 13),
        act('requestHearing', 14),
        act('acceptLateHearing', 15),
        act('requestRecusal', 16),
      ],
    },
  };

  it('lists the service, opening, acknowledgement and each submission with its mark, with the document', () => {
    const events = serviceEvents(service);
    expect(events.map((e) => [e.kind, e.by, e.index])).toEqual([
      ['serve', 'staff', 0],
      ['open', 'party', 1],
      ['acknowledge', 'party', 2],
      ['statement', 'party', 3],
      ['hearing', 'party', 4],
      ['acceptLateHearing', 'staff', 5],
      ['recusal', 'party', 6],
    ]);
    expect(events[3]!.detail).toBe('提交陈述、申辩（逾期提出，依法仍予听取）');
    expect(events[4]!.detail).toBe('要求听证（超过听证要求期限）');
    expect(events[6]!.detail).toBe('申请回避');
    expect(events.map((e) => e.attention)).toEqual([false, false, false, true, true, false, false]);
    expect(events.every((e) => e.document?.docNo === '万卫罚告〔2026〕12号')).toBe(true);
  });

  it('marks the paper-service flag as the system’s', () => {
    const flagged = serviceEvents({ ...service, submissions: [], _wf: { acts: [act('flagPaper', 40)] } });
    expect(flagged.at(-1)).toMatchObject({ kind: 'paperFlag', label: '纸质送达提示', by: 'system' });
  });
});

describe('newestEvents', () => {
  it('keeps the newest N, oldest first, and says more were left out', () => {
    const all = [
      ...enrolmentEvents(enrolment(['enterCode', 'identify', 'consent'])),
      ...serviceEvents({
        _id: 'svc_2',
        issuedAt: at(4),
        partyName: 'x',
        docNo: null,
        title: 't',
        submissions: [],
        _wf: { acts: [act('open', 5)] },
      }),
    ];
    const { items, more } = newestEvents(all, 3);
    expect(more).toBe(true);
    expect(items.map((e) => [e.entity, e.index])).toEqual([
      ['serviceEnrolments/enr_1', 3],
      ['services/svc_2', 0],
      ['services/svc_2', 1],
    ]);
    expect(newestEvents(all, 10)).toMatchObject({ more: false });
  });

  it('orders acts of one record at the same instant by their order on the record', () => {
    const same = enrolmentEvents({
      ...enrolment([]),
      _wf: { acts: [act('enterCode', 0), act('identify', 0)] },
    });
    expect(newestEvents(same, 5).items.map((e) => e.index)).toEqual([0, 1, 2]);
  });
});
