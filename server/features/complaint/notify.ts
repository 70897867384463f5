/**
 * Subscribe messages for citizen-visible changes (PUB-3: progress): an outbox record written in the SAME
 * transaction as the change (commitChange `inserts`), delivered at most once by the scheduler (server/outbox:
 * a lost answer is `unknown` and never resent; 43101 "no grant left" is `skipped`, a normal outcome).
 *
 * No message at submission: the mini-program asks for the one-time grant when the citizen submits, and that one
 * grant is best spent on the acceptance decision, which the citizen cannot see coming. Anonymous reporters and
 * complaints recorded by staff get none (no WeChat identity is kept for them).
 *
 * The template (a "受理进度通知" style template chosen in the mini-program's admin console) is configured by
 * COMPLAINT_STATUS_TEMPLATE_ID; its keyword names are fixed below and must match the chosen template.
 */
import { formatShanghaiMinute } from '../../../core/calendar';
import type { PlainInsert } from '../../ledger/commit';
import { outboxInsert, type SubscribeMessagePayload } from '../../outbox';
import type { ComplainantSecret, ComplaintRecord } from './model';

/** The citizen's detail page (miniprogram/app.json subpackage `pages/complaint`); a test keeps the two in step. */
export const COMPLAINT_DETAIL_PAGE = 'pages/complaint/detail/index';
const DEFAULT_TEMPLATE_ID = 'complaint-status';

/** WeChat `thing` values hold at most 20 characters. */
const thing = (text: string) => ([...text].length > 20 ? [...text].slice(0, 19).join('') + '…' : text);

export function statusMessage(
  record: Pick<ComplaintRecord, '_id' | 'trackingNo'>,
  contact: ComplainantSecret | null,
  step: { statusLabel: string; note: string; at: Date; rev: number },
): PlainInsert[] {
  if (!contact?.openid) return [];
  const payload: SubscribeMessagePayload = {
    touser: contact.openid,
    templateId: process.env.COMPLAINT_STATUS_TEMPLATE_ID || DEFAULT_TEMPLATE_ID,
    page: `${COMPLAINT_DETAIL_PAGE}?trackingNo=${record.trackingNo}`,
    data: {
      character_string1: { value: record.trackingNo },
      phrase2: { value: step.statusLabel.slice(0, 5) },
      time3: { value: formatShanghaiMinute(step.at) },
      thing4: { value: thing(step.note) },
    },
  };
  // One id per (complaint, revision): the same change can never queue two messages.
  return [
    outboxInsert({ kind: 'subscribeMessage', payload, at: step.at, id: `ob_${record._id}_r${step.rev}` }),
  ];
}
