/**
 * Electronic service as entries of the case register (REC-7, REC-16; docs/service.md "In the case register"):
 * every invitation, enrolment try, consent, refusal, confirmation, revocation, withdrawal, change of recipient,
 * service, opening, acknowledgement, statement and request, derived from the acts the workflow kernel keeps on the
 * enrolments and services of a case (core/service/enrolment.ts, core/service/workflow.ts). Each act is one revision
 * of its record, so each event names the ledger event that committed it (`<collection>/<id>/<rev>`); the server
 * checks that name against the ledger before it answers it.
 *
 * Only what the case page already shows of a party goes in: the party's name as registered. Never a code, an
 * openid, an ID number, a phone number, the acting person's name or a statement's text.
 */
import type { CaseServiceEventKind, CaseServiceEventView } from '../contract/case';
import type { Act } from '../workflow/define';
import { ENROLMENT_WORKFLOW, MAX_ENROLMENT_TRIES } from './enrolment';
import { SERVICE_WORKFLOW } from './workflow';

/** The short name of each kind of event, as the case page shows it. */
export const CASE_SERVICE_EVENT_LABELS: Record<CaseServiceEventKind, string> = {
  invite: '邀请',
  attempt: '认证尝试',
  consent: '同意电子送达',
  refuse: '拒绝电子送达',
  confirm: '确认生效',
  revoke: '撤销',
  withdraw: '撤回同意',
  replace: '更换受送达人',
  serve: '送达',
  open: '首次打开',
  acknowledge: '确认收悉',
  statement: '陈述申辩',
  hearing: '听证申请',
  recusal: '回避申请',
  acceptLateHearing: '受理逾期听证申请',
  paperFlag: '纸质送达提示',
  other: '其他',
};

/** What the invitation (an enrolment's creation) is called wherever its timeline is shown. */
export const INVITE_LINE = '执法人员生成电子送达确认邀请';
/** What issuing a service is called in the register. */
export const SERVE_LINE = '文书已电子送达，到达受送达人的“我的送达文书”';

/** What the derivation reads of an enrolment (server/features/service/enrol-model.ts stores more). */
export interface EnrolmentForRegister {
  _id: string;
  createdAt: Date | string;
  partyName: string;
  _wf: { acts: readonly Act[] };
}

/** What the derivation reads of a service (server/features/service/model.ts stores more). */
export interface ServiceForRegister {
  _id: string;
  issuedAt: Date | string;
  partyName: string;
  docNo: string | null;
  title: string;
  submissions: ReadonlyArray<{ kind: 'statement' | 'hearing' | 'recusal'; late: boolean; refused: boolean }>;
  _wf: { acts: readonly Act[] };
}

/** One event before its ledger reference is checked: the record (`<collection>/<id>`) and the revision it expects. */
export type DerivedServiceEvent = Omit<CaseServiceEventView, 'ledger'> & {
  entity: string;
  /** 0 for the record's creation, k for its k-th act: the kernel commits each at revision `index + 1`. */
  index: number;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** The enrolment steps the party takes (the rest are the officer's): who acted, on the case page and the staff view. */
export const ENROLMENT_PARTY_STEPS: ReadonlySet<string> = new Set([
  'enterCode',
  'wrongCode',
  'identify',
  'wrongIdentity',
  'consent',
  'refuse',
  'withdraw',
]);
const ENROLMENT_KINDS: Record<string, CaseServiceEventKind> = {
  enterCode: 'attempt',
  wrongCode: 'attempt',
  identify: 'attempt',
  wrongIdentity: 'attempt',
  consent: 'consent',
  refuse: 'refuse',
  confirm: 'confirm',
  revoke: 'revoke',
  withdraw: 'withdraw',
  replace: 'replace',
};

/** The invitation and every act on one enrolment, oldest first. */
export function enrolmentEvents(e: EnrolmentForRegister): DerivedServiceEvent[] {
  const entity = `${ENROLMENT_WORKFLOW.collection}/${e._id}`;
  const base = { partyName: e.partyName, document: null, entity };
  const out: DerivedServiceEvent[] = [
    {
      ...base,
      kind: 'invite',
      label: CASE_SERVICE_EVENT_LABELS.invite,
      detail: INVITE_LINE,
      at: iso(e.createdAt),
      by: 'staff',
      failures: null,
      attention: false,
      index: 0,
    },
  ];
  let failures = 0;
  let confirmed = false;
  e._wf.acts.forEach((act, i) => {
    const kind = ENROLMENT_KINDS[act.step] ?? 'other';
    const wrong = act.step === 'wrongCode' || act.step === 'wrongIdentity';
    if (wrong) failures += 1;
    let detail = ENROLMENT_WORKFLOW.steps[act.step]?.label ?? '';
    let label = CASE_SERVICE_EVENT_LABELS[kind];
    if (act.step === 'enterCode') detail = '验证码正确';
    if (act.step === 'identify') detail = '身份信息核对一致';
    if (wrong) {
      detail = `${act.step === 'wrongCode' ? '验证码错误' : '身份信息与当事人不符'}，累计失败 ${failures} 次`;
      if (failures >= MAX_ENROLMENT_TRIES) detail += '，邀请已锁定';
    }
    if (act.step === 'revoke') label = confirmed ? '撤销电子送达' : '撤销邀请';
    if (act.step === 'replace') detail = '当事人指定了新的受送达人，本次确认的受送达人不再接收文书';
    if (act.step === 'confirm') confirmed = true;
    out.push({
      ...base,
      kind,
      label,
      detail: detail || act.step,
      at: act.actedAt,
      by: ENROLMENT_PARTY_STEPS.has(act.step) ? 'party' : 'staff',
      failures: kind === 'attempt' ? failures : null,
      attention: wrong || kind === 'refuse',
      index: i + 1,
    });
  });
  return out;
}

const SERVICE_KINDS: Record<string, CaseServiceEventKind> = {
  open: 'open',
  acknowledge: 'acknowledge',
  state: 'statement',
  requestHearing: 'hearing',
  requestRecusal: 'recusal',
  acceptLateHearing: 'acceptLateHearing',
  flagPaper: 'paperFlag',
};
const SUBMISSION_STEPS = new Set(['state', 'requestHearing', 'requestRecusal']);

/** The issue and every act on one service, oldest first; a statement or request with its late mark. */
export function serviceEvents(s: ServiceForRegister): DerivedServiceEvent[] {
  const entity = `${SERVICE_WORKFLOW.collection}/${s._id}`;
  const base = {
    partyName: s.partyName,
    document: { docNo: s.docNo, title: s.title },
    entity,
    failures: null,
  };
  const out: DerivedServiceEvent[] = [
    {
      ...base,
      kind: 'serve',
      label: CASE_SERVICE_EVENT_LABELS.serve,
      detail: SERVE_LINE,
      at: iso(s.issuedAt),
      by: 'staff',
      attention: false,
      index: 0,
    },
  ];
  // Submissions are appended in the order of their acts (server/features/service/statements.ts).
  let submission = 0;
  s._wf.acts.forEach((act, i) => {
    const kind = SERVICE_KINDS[act.step] ?? 'other';
    let detail = SERVICE_WORKFLOW.steps[act.step]?.label ?? act.step;
    let attention = kind === 'paperFlag';
    if (SUBMISSION_STEPS.has(act.step)) {
      const sub = s.submissions[submission++];
      if (sub?.late) detail += '（逾期提出，依法仍予听取）';
      if (sub?.refused) detail += '（超过听证要求期限）';
      attention = !!(sub?.late || sub?.refused);
    }
    out.push({
      ...base,
      kind,
      label: CASE_SERVICE_EVENT_LABELS[kind],
      detail,
      attention,
      at: act.actedAt,
      by:
        kind === 'paperFlag'
          ? 'system'
          : kind === 'acceptLateHearing' || kind === 'other'
            ? 'staff'
            : 'party',
      index: i + 1,
    });
  });
  return out;
}

/** Newest first; events of one record at the same instant by their order on the record. */
export function newestFirst(a: DerivedServiceEvent, b: DerivedServiceEvent): number {
  const byTime = Date.parse(b.at) - Date.parse(a.at);
  if (byTime !== 0) return byTime;
  return a.entity === b.entity ? b.index - a.index : a.entity < b.entity ? 1 : -1;
}

/** The `limit` newest events, oldest first, and whether older ones were left out. */
export function newestEvents(
  events: readonly DerivedServiceEvent[],
  limit: number,
): { items: DerivedServiceEvent[]; more: boolean } {
  const sorted = [...events].sort(newestFirst);
  return { items: sorted.slice(0, Math.max(0, limit)).reverse(), more: sorted.length > limit };
}
