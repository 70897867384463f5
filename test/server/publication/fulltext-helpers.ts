/**
 * Shared by the full-text tests (PUB-7): a decision's text for the person penalty of helpers.ts
 * (张三丰, ADULT_ID, 13912345678, 民族路88号3-2) with the party's data in several spellings, and the checks that
 * none of it is left in a public text.
 */
import { ADULT_ID } from '../../core/publication/fixtures';
import type { callers } from '../complaint/helpers';
import { OFFICE, PREPARER, PRINCIPAL, REVIEWER } from './helpers';

type Call = ReturnType<typeof callers>;

const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spaced = (s: string) => s.replace(/(\d{6})(\d{8})(\d{3}[\dX])/, '$1 $2 $3');

export const DECISION_TEXT = [
  '重庆市渝中区卫生健康委员会',
  '行政处罚决定书',
  '当事人：张三丰，性别：男，公民身份号码：' +
    ADULT_ID +
    '，住址：重庆市渝中区解放碑街道民族路88号3-2，联系电话：139-1234-5678。',
  '2026年10月12日，本委执法人员对当事人进行现场检查，发现当事人张三丰未取得医师执业证书，在其住所为他人诊疗。',
  '当事人提交的身份证复印件载明号码为' + fullWidth(ADULT_ID) + '，另一份材料中写作' + spaced(ADULT_ID) + '。',
  '当事人张 三 丰于2026年10月20日陈述，其联系电话为+86 139 1234 5678，对违法事实无异议。',
  '以上事实有现场笔录、询问笔录等证据证实。',
  '本委依据《中华人民共和国医师法》第五十九条的规定，决定：没收违法所得0.2万元，并处罚款3万元。',
  '当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
].join('\n');

/** Widths folded, spaces and separators dropped: the form a leak hides in. */
export const folded = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-—+()（）]/g, '');

/** Every spelling of the party's known data, folded (the old 15-digit ID number too). */
export const KNOWN_FOLDED = [
  '张三丰',
  ADULT_ID,
  ADULT_ID.slice(0, 6) + ADULT_ID.slice(8, 17),
  '13912345678',
  '民族路88号',
];

export async function setText(
  call: Call,
  id: string,
  text = DECISION_TEXT,
  extra: Record<string, unknown> = {},
) {
  return call.staff(PREPARER, 'publication.setFullText', { id, text, ...extra });
}

export async function preview(call: Call, id: string, as = REVIEWER) {
  const res = await call.staff(as, 'publication.fullText', { id });
  if (!res.ok) throw new Error(`fullText: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** The reviewer's confirmation of `removals` (default: the engine's as proposed). */
export async function confirm(
  call: Call,
  id: string,
  removals?: Array<{ start: number; end: number; kind: string }>,
) {
  const p = await preview(call, id);
  const chosen =
    removals ?? p.fullText.proposed.map((s: any) => ({ start: s.start, end: s.end, kind: s.kind }));
  return call.staff(REVIEWER, 'publication.confirmRemovals', {
    id,
    version: p.fullText.version,
    removals: chosen,
  });
}

/** review → forward → approve, each required to succeed. */
export async function passFromSubmitted(call: Call, id: string) {
  for (const [who, action] of [
    [REVIEWER, 'publication.review'],
    [OFFICE, 'publication.forward'],
    [PRINCIPAL, 'publication.approve'],
  ] as const) {
    const res = await call.staff(who, action, { id });
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
  }
}
