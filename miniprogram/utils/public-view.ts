/**
 * A published entry's public view (core/publication/public-view.ts) as labelled rows, and amounts in 万元 as read
 * aloud: shared by the public detail page (pages/publication) and the staff entry page's preview of what the public
 * will see (pages/pubstaff), so both show the same thing. Pure.
 */
import type { PublicationKind, PublicView } from '../core-bundle/index';
import { chineseDate } from './date-format';

/** "2.50" → "2.5"; "3" → "3"; anything not a plain decimal → null. */
function trimDecimal(text: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** 万元 decimal text as 元 with thousands separators, by moving the decimal point (no floating point). */
function yuanOf(wan: string): string {
  const [int = '0', frac = ''] = wan.split('.');
  const padded = frac.padEnd(4, '0');
  const whole = (int + padded.slice(0, 4)).replace(/^0+(?=\d)/, '');
  const cents = padded.slice(4).replace(/0+$/, '');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${cents ? `.${cents}` : ''}`;
}

/** An amount in 万元 (the backend's decimal text) as "2.5 万元（25,000 元）"; null stays null. */
export function wanYuan(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text === '') return null;
  const wan = trimDecimal(text);
  if (wan === null) return `${text} 万元`;
  return `${wan} 万元（${yuanOf(wan)} 元）`;
}

export interface Field {
  key: string;
  label: string;
  value: string;
}

/** What the decision field is called for each kind (行政处罚法 Art. 48: 处罚内容; permits: 许可内容; others: 结论). */
function decisionLabel(kind: PublicationKind): string {
  return kind === 'penalty' ? '处罚内容' : kind === 'permit' ? '许可内容' : '结论';
}
function categoryLabel(kind: PublicationKind): string {
  return kind === 'penalty' ? '处罚类别' : kind === 'permit' ? '许可类别' : '类别';
}

export function publicViewFields(v: PublicView): Field[] {
  const fields: Array<Field | null> = [
    { key: 'docNo', label: '决定文书号', value: v.docNo },
    { key: 'authority', label: '执法机关', value: v.authority },
    { key: 'party', label: '当事人', value: v.partyName },
    v.partyAddress ? { key: 'address', label: '经营场所', value: v.partyAddress } : null,
    v.violationType ? { key: 'violation', label: '违法行为类型', value: v.violationType } : null,
    v.basis ? { key: 'basis', label: v.kind === 'penalty' ? '处罚依据' : '依据', value: v.basis } : null,
    v.categories.length
      ? { key: 'categories', label: categoryLabel(v.kind), value: v.categories.join('、') }
      : null,
    { key: 'decision', label: decisionLabel(v.kind), value: v.decision },
    v.fine ? { key: 'fine', label: '罚款金额', value: wanYuan(v.fine)! } : null,
    v.confiscated ? { key: 'confiscated', label: '没收金额', value: wanYuan(v.confiscated)! } : null,
    v.certificate ? { key: 'certificate', label: '证书名称', value: v.certificate.name } : null,
    v.certificate?.no ? { key: 'certificateNo', label: '证书编号', value: v.certificate.no } : null,
    v.certificate
      ? {
          key: 'validity',
          label: '有效期',
          value: `${chineseDate(v.certificate.validFrom)}至${chineseDate(v.certificate.validTo)}`,
        }
      : null,
    { key: 'date', label: '决定日期', value: chineseDate(v.decisionDate) },
  ];
  return fields.filter((f): f is Field => f !== null);
}
