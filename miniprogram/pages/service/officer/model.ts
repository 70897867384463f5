/**
 * The officer's enrolment page as a pure view model (docs/service.md; 行政处罚法 Art. 61): what to show for the
 * enrolment's state, the details the party typed as rows to compare with the documents shown, and the case's
 * registered records the confirmation may name (the signed 送达地址确认书 and the AV of its signing).
 */
import {
  ACTING_AS_LABELS,
  CONSENT_SCOPE_LABELS,
  type EnrolmentStaffView,
  type ServiceInvitation,
} from '../../../core-bundle/index';

export type OfficerScreen = 'start' | 'invited' | 'review' | 'done' | 'ended';

export function officerScreenOf(
  enrolment: Pick<EnrolmentStaffView, 'status' | 'expired'> | null,
  invitation: ServiceInvitation | null,
): OfficerScreen {
  if (!enrolment) return invitation ? 'invited' : 'start';
  if (enrolment.expired) return 'ended';
  switch (enrolment.status) {
    case 'invited':
    case 'codeEntered':
    case 'identified':
      return 'invited';
    case 'consented':
      return 'review';
    case 'active':
      return 'done';
    default:
      return 'ended';
  }
}

export interface Row {
  label: string;
  value: string;
}

/** What the party typed and chose, to compare with the ID card, business licence or authorisation shown. */
export function identityRows(v: EnrolmentStaffView): Row[] {
  const rows: Row[] = [{ label: '当事人（登记）', value: v.partyName }];
  if (v.identity) {
    rows.push({ label: v.identity.form === 'person' ? '填写的姓名' : '填写的名称', value: v.identity.name });
    if (v.identity.actingAs && v.identity.actingAs !== 'self')
      rows.push({ label: '办理人身份', value: ACTING_AS_LABELS[v.identity.actingAs] });
    if (v.identity.actingName) rows.push({ label: '办理人姓名', value: v.identity.actingName });
    if (v.identity.authorisation) rows.push({ label: '授权委托书', value: v.identity.authorisation });
  }
  if (v.scope) rows.push({ label: '同意范围', value: CONSENT_SCOPE_LABELS[v.scope] });
  if (v.phoneMasked) rows.push({ label: '提醒短信', value: v.phoneMasked });
  return rows;
}

export interface RecordOption {
  id: string;
  title: string;
  at: string;
}

/** A case record as case.get lists it (the fields read here). */
export interface CaseRecordLike {
  id: string;
  type: string;
  title: string;
  registeredAt: string;
  document: { docType: string } | null;
}

/** The signed 确认书 (documents of that kind) and the AV records the confirmation may name, newest first. */
export function confirmationOptions(records: readonly CaseRecordLike[]): {
  documents: RecordOption[];
  avs: RecordOption[];
} {
  const option = (r: CaseRecordLike): RecordOption => ({ id: r.id, title: r.title, at: r.registeredAt });
  const newest = [...records].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));
  return {
    documents: newest.filter((r) => r.document?.docType === 'serviceAddressConfirmation').map(option),
    avs: newest.filter((r) => r.type === 'av').map(option),
  };
}

export interface EnrolmentRow {
  id: string;
  title: string;
  statusLabel: string;
  /** The last thing that happened, in Beijing time. */
  last: string;
}

/** One enrolment of the case in the list (newest first): its state and the last act. */
export function enrolmentRow(v: EnrolmentStaffView): EnrolmentRow {
  const last = v.timeline[v.timeline.length - 1];
  const at = last ? new Date(Date.parse(last.at) + 8 * 3600_000).toISOString() : '';
  return {
    id: v.id,
    title: v.identity?.actingName ?? v.identity?.name ?? v.partyName,
    statusLabel: v.statusLabel + (v.expired ? '（已过期）' : ''),
    last: last ? `${at.slice(0, 10)} ${at.slice(11, 16)} ${last.label}` : '',
  };
}

/** The code as read out: three and three, so it is easy to say and to hear. */
export const spokenCode = (code: string): string =>
  code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;

export const SCREEN_TITLES: Record<OfficerScreen, string> = {
  start: '邀请当事人电子送达',
  invited: '请当事人扫码并输入验证码',
  review: '核对当事人信息',
  done: '电子送达已生效',
  ended: '本次邀请已结束',
};
