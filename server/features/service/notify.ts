/**
 * Telling a party that a document was served (REC-7; docs/service.md "Serving"): a subscribe message (the long-term template where
 * the mini-program's service category allows one, otherwise the one-time message the party accepted at
 * enrolment) and an SMS with a link to the mini-program as the second channel, both as outbox rows written in the
 * service's own transaction, delivered at most once by the scheduler. The texts name the kind of document and
 * where to read it, nothing about the case or the party; the addresses (openid, number) are needed only to send
 * and are dropped from the rows once delivered.
 *
 * The addresses come from the enrolment (`noticeAddressesFor`, enrol-model.ts): the recipient's openid and SMS number are sealed
 * there with the enrolment's own key (server/privacy), with the subscribe grant the party gave at consent; only
 * the active recipients of the party (`recipientsFor`) are addressed, so a withdrawn or replaced one gets nothing.
 */
import { formatShanghaiMinute } from '../../../core/calendar';
import type { PlainInsert } from '../../ledger/commit';
import { outboxInsert, type SmsPayload, type SubscribeMessagePayload } from '../../outbox';

export const SERVICE_DOCUMENT_PAGE = 'pages/service/document/index';

export interface NoticeAddress {
  openid: string;
  /** Mainland mobile number, or null when the party gave none. */
  phone: string | null;
  /** The subscribe grant: a long-term template, the one-time message accepted at enrolment, or none. */
  subscribe: 'longTerm' | 'oneTime' | null;
}

/**
 * The setting: which subscribe-message template the enrolment page asks for. A long-term template
 * (`SERVICE_NOTICE_TEMPLATE_ID`) where the mini-program's service category allows one; otherwise the one-time
 * template (`SERVICE_NOTICE_ONE_TIME_TEMPLATE_ID`), which reaches the party once (hence the SMS as well).
 */
export function noticeTemplate(): { kind: 'longTerm' | 'oneTime'; templateId: string } {
  const longTerm = process.env.SERVICE_NOTICE_TEMPLATE_ID;
  if (longTerm) return { kind: 'longTerm', templateId: longTerm };
  return {
    kind: 'oneTime',
    templateId: process.env.SERVICE_NOTICE_ONE_TIME_TEMPLATE_ID || 'service-notice-oneTime',
  };
}

/** WeChat `thing` values hold at most 20 characters. */
const thing = (text: string) => ([...text].length > 20 ? [...text].slice(0, 19).join('') + '…' : text);

export function serviceNotices(input: {
  serviceId: string;
  docTypeLabel: string;
  issuedAt: Date;
  addresses: readonly NoticeAddress[];
}): PlainInsert[] {
  const out: PlainInsert[] = [];
  input.addresses.forEach((a, i) => {
    if (a.subscribe) {
      const payload: SubscribeMessagePayload = {
        touser: a.openid,
        templateId:
          (a.subscribe === 'longTerm'
            ? process.env.SERVICE_NOTICE_TEMPLATE_ID
            : process.env.SERVICE_NOTICE_ONE_TIME_TEMPLATE_ID) || `service-notice-${a.subscribe}`,
        page: `${SERVICE_DOCUMENT_PAGE}?id=${input.serviceId}`,
        data: {
          thing1: { value: thing(input.docTypeLabel) },
          time2: { value: formatShanghaiMinute(input.issuedAt) },
          thing3: { value: '请打开小程序查看并确认收悉' },
        },
      };
      out.push(
        outboxInsert({
          kind: 'subscribeMessage',
          payload,
          at: input.issuedAt,
          id: `ob_${input.serviceId}_mp${i}`,
        }),
      );
    }
    if (a.phone) {
      const payload: SmsPayload = {
        phone: a.phone,
        templateId: process.env.SERVICE_SMS_TEMPLATE_ID || 'service-notice',
        // 您有一份{1}已电子送达，请在微信小程序“我的送达文书”中查看：{2}
        params: [thing(input.docTypeLabel), process.env.SERVICE_SMS_LINK || 'https://wxaurl.cn/'],
      };
      out.push(
        outboxInsert({ kind: 'sms', payload, at: input.issuedAt, id: `ob_${input.serviceId}_sms${i}` }),
      );
    }
  });
  return out;
}
