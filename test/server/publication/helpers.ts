/**
 * Shared by the publication tests: entries for the demo commission's 医政医管科 (prepared by 周敏, reviewed by
 * its 分管领导 李卫东, forwarded by the office's 吴芳, approved by the principal 王建国: four accounts), and the
 * four-step flow through the `staff` function.
 */
import type { PublicationEntry } from '../../../core/publication/fields';
import { penaltyOfCompany, penaltyOfPerson, permitOfBusiness } from '../../core/publication/fixtures';
import type { callers } from '../complaint/helpers';

export const PREPARER = 'demo-officer-3';
export const REVIEWER = 'demo-leader-1';
export const OFFICE = 'demo-publisher';
export const PRINCIPAL = 'demo-principal';

const HERE = { unitId: 'unit_commission', sectionId: 'sec_medical' };
let n = 0;
/** A unique document number per entry, so searches and lists can tell entries apart. */
export const docNo = (prefix = '万卫医罚') => `${prefix}〔2026〕${Date.now() % 100000}${++n}号`;

export const personPenalty = (over: Record<string, unknown> = {}): PublicationEntry =>
  ({ ...penaltyOfPerson(), ...HERE, docNo: docNo(), ...over }) as PublicationEntry;
export const companyPenalty = (over: Record<string, unknown> = {}): PublicationEntry =>
  ({ ...penaltyOfCompany(), ...HERE, docNo: docNo('万卫公罚'), ...over }) as PublicationEntry;
export const businessPermit = (over: Record<string, unknown> = {}): PublicationEntry =>
  ({ ...permitOfBusiness(), ...HERE, docNo: docNo('万卫公许'), ...over }) as PublicationEntry;

type Call = ReturnType<typeof callers>;

export async function create(call: Call, entry: PublicationEntry, as = PREPARER): Promise<string> {
  const res = await call.staff(as, 'publication.create', { entry });
  if (!res.ok) throw new Error(`create: ${JSON.stringify(res.error)}`);
  return res.data.id;
}

/** Takes `id` from draft through approval; each step must succeed. */
export async function passAll(call: Call, id: string, extra: Record<string, unknown> = {}) {
  for (const [who, action] of [
    [PREPARER, 'publication.submit'],
    [REVIEWER, 'publication.review'],
    [OFFICE, 'publication.forward'],
    [PRINCIPAL, 'publication.approve'],
  ] as const) {
    const res = await call.staff(who, action, { id, ...(action === 'publication.approve' ? extra : {}) });
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
  }
}

export async function publicIds(call: Call, payload: Record<string, unknown> = {}): Promise<string[]> {
  const res = await call.publicCall('publication.list', { pageSize: 50, ...payload });
  if (!res.ok) throw new Error(`list: ${JSON.stringify(res.error)}`);
  return res.data.items.map((i: { id: string }) => i.id);
}
