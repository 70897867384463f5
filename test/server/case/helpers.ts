/** Shared by the case register tests: demo officers and parties, and a case opened through `case.open`. */
import { randomUUID } from 'node:crypto';
import type { callers } from '../complaint/helpers';

export const OFFICER = 'demo-officer-1'; // 张伟, 执法一大队, certificate 50010120230001
export const HEAD = 'demo-unit-head';
export const CUSTODIAN = 'demo-custodian';
/** 张伟 and 高峰: both of the enforcement unit, certificates valid on the demo dates. */
export const TWO_OFFICERS = ['50010120230001', '50010120240021'];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code with its check character computed (GB 32100-2015). */
export function uscc(base17: string): string {
  const sum = [...base17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return base17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A fresh organisation party, each test its own code. */
export function organisation(name = '某某口腔诊所有限公司') {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return {
    kind: 'organisation',
    name,
    idKind: 'uscc',
    idNo: uscc(`91500101MA${digits}`.slice(0, 17)),
    legalRepresentative: '王某某',
  };
}

export const newCaseNo = (prefix = '万卫罚立') => `${prefix}〔2026〕${randomUUID().slice(0, 6)}号`;

type Call = ReturnType<typeof callers>;

export async function openCase(call: Call, overrides: Record<string, unknown> = {}, as = OFFICER) {
  const res = await call.staff(as, 'case.open', {
    kind: 'penalty',
    caseNo: newCaseNo(),
    cause: '未取得医疗机构执业许可证擅自执业',
    officers: TWO_OFFICERS,
    party: organisation(),
    ...overrides,
  });
  expect(res).toMatchObject({ ok: true });
  return res.data as { id: string; caseNo: string; partyId: string; stage: string };
}

/** An AV record registered by reference (kept on the recorder platform) with its hash. */
export function avRecord(
  caseId: string,
  act: string,
  start: Date,
  end: Date,
  extra: Record<string, unknown> = {},
) {
  return {
    caseId,
    type: 'av',
    title: `执法记录仪录像（${act}）`,
    workEndedAt: end.toISOString(),
    sha256: 'ab'.repeat(32),
    av: {
      device: 'DSJ-0012',
      act,
      start: start.toISOString(),
      end: end.toISOString(),
      place: '万州区某某路 88 号',
      location: '执法记录仪管理平台/2026/11/DSJ-0012-001.mp4',
      ...extra,
    },
  };
}
