/**
 * What may be published (PUB-8, seed Art. 17): an entry whose party is a minor is NEVER
 * published, whatever anyone does (未成年人保护法 Art. 4, 72; 法释〔2016〕19号 Art. 10: nothing about minors);
 * entries flagged as state secret, commercial secret, personal privacy or security risk are withheld with the
 * reason recorded; a natural person's penalty that would reveal their health is held for privacy by default
 * (个人信息保护法 Art. 28: health data is sensitive). Only commercial secrets and privacy may be overridden (PUB-8:
 * third-party consent or an overriding public interest, 政府信息公开条例 Art. 15), with the principal's approval, a
 * written reason and the recorded personal-information impact assessment (个人信息保护法 Art. 55, 56). Pure.
 */
import type { PublicationEntry } from './fields';

export const WITHHOLD_REASONS = [
  'minor',
  'stateSecret',
  'commercialSecret',
  'privacy',
  'securityRisk',
] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];

export const WITHHOLD_REASON_LABELS: Record<WithholdReason, string> = {
  minor: '当事人为未成年人，依法不予公开',
  stateSecret: '涉及国家秘密，不予公开',
  commercialSecret: '涉及商业秘密，不予公开',
  privacy: '涉及个人隐私，不予公开',
  securityRisk: '公开后可能危及国家安全、公共安全、经济安全或社会稳定，不予公开',
};

export type Disclosure =
  | { status: 'publishable'; overridden: WithholdReason[] }
  | { status: 'withheld'; reasons: WithholdReason[]; overridable: boolean };

/** Only a commercial secret or privacy may be overridden (PUB-8); a minor never, state secrets and security never. */
export function overrideAllowed(reason: WithholdReason): boolean {
  return reason === 'commercialSecret' || reason === 'privacy';
}

/**
 * Violations whose publication would reveal a natural person's health (documented list, matched in the
 * violation type and the basis): refusing isolation, treatment or examination for an infectious disease, hiding
 * an illness, and the diseases and conditions that are themselves sensitive (个人信息保护法 Art. 28).
 */
export const HEALTH_REVEALING_TERMS = [
  '拒绝隔离',
  '拒不接受隔离',
  '拒绝接受隔离',
  '擅自脱离隔离',
  '拒绝治疗',
  '拒不接受治疗',
  '拒绝接受治疗',
  '拒绝检查',
  '拒绝接受检查',
  '拒绝检疫',
  '隐瞒病情',
  '隐瞒传染病',
  '传染病病人',
  '病原携带者',
  '疑似传染病',
  '密切接触者',
  '艾滋病',
  '性病',
  '结核',
  '精神障碍',
  '精神疾病',
] as const;

export function revealsHealth(entry: PublicationEntry): boolean {
  if (entry.kind !== 'penalty' || entry.party.category !== 'person') return false;
  const text = `${entry.violationType} ${entry.basis}`;
  return HEALTH_REVEALING_TERMS.some((t) => text.includes(t));
}

/** Birth date (YYYY-MM-DD) in an ID number that carries one: resident ID, HMT residence permit, 2023 PR card. */
export function birthDateOf(id: { kind: string; number: string } | undefined): string | null {
  if (!id) return null;
  const v = id.number.trim().toUpperCase();
  const carries =
    (id.kind === 'resident' ||
      id.kind === 'hmtResidence' ||
      (id.kind === 'foreignPR' && v.startsWith('9'))) &&
    /^\d{17}[\dX]$/.test(v);
  return carries ? `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` : null;
}

/** Under 18 on `onDate` (a person turns 18 on their 18th birthday; 民法典 Art. 17). */
export function isMinorOn(birthDate: string, onDate: string): boolean {
  const adult = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return onDate < adult;
}

/**
 * A natural-person party is a minor: flagged by staff, or by the birth date in their ID against the decision
 * date. A passport or permit without a birth date is caught only by the flag (staff must set it).
 */
export function partyIsMinor(entry: PublicationEntry): boolean {
  if (entry.party.minor) return true;
  if (entry.party.category !== 'person') return false;
  const born = birthDateOf(entry.party.personId);
  return born !== null && isMinorOn(born, entry.decisionDate);
}

/** Whether the entry's recorded override is complete (approved, reasoned, assessed): fields.ts checks its form. */
const overrideRecorded = (entry: PublicationEntry) => {
  const o = entry.override;
  return !!o && !!o.approvedBy.trim() && o.reason.trim().length >= 10 && !!o.assessmentId.trim();
};

export function disclosureOf(entry: PublicationEntry): Disclosure {
  if (partyIsMinor(entry)) return { status: 'withheld', reasons: ['minor'], overridable: false };
  const flags = entry.withhold ?? {};
  const reasons: WithholdReason[] = [];
  if (flags.stateSecret) reasons.push('stateSecret');
  if (flags.commercialSecret) reasons.push('commercialSecret');
  if (flags.privacy || revealsHealth(entry)) reasons.push('privacy');
  if (flags.securityRisk) reasons.push('securityRisk');
  if (reasons.length === 0) return { status: 'publishable', overridden: [] };
  const overridable = reasons.every(overrideAllowed);
  if (overridable && overrideRecorded(entry)) return { status: 'publishable', overridden: reasons };
  return { status: 'withheld', reasons, overridable };
}

/** The refusal the workflow gives when an entry may not be published, or null. */
export function withholdRefusal(entry: PublicationEntry): string | null {
  const d = disclosureOf(entry);
  if (d.status === 'publishable') return null;
  const text = d.reasons.map((r) => WITHHOLD_REASON_LABELS[r]).join('；');
  return d.overridable ? `${text}（可经主要领导批准、说明理由并完成个人信息保护影响评估后公开）` : text;
}
