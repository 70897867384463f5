/** Import manifests for the case.import tests (docs/import-format.md), each with fresh source ids and case numbers. */
import { randomUUID } from 'node:crypto';
import { organisation, TWO_OFFICERS } from './helpers';

export const H1 = 'a'.repeat(64);
export const H2 = 'b'.repeat(64);
export const H3 = 'c'.repeat(64);

/** n penalty cases opened `daysAgo` days ago, each with one document; the first also with a two-file recording. */
export function manifest(n = 1, daysAgo = 200) {
  const tag = randomUUID().slice(0, 8);
  const openedAt = new Date(Date.now() - daysAgo * 86_400_000);
  const cases = Array.from({ length: n }, (_, i) => {
    const party = organisation();
    return {
      source: 'supervision',
      sourceId: `JD-${tag}-${i}`,
      kind: 'penalty',
      caseNo: `万卫医罚〔2026〕${tag}-${i}号`,
      cause: '未取得《医疗机构执业许可证》擅自执业',
      openedAt: openedAt.toISOString(),
      officers: TWO_OFFICERS,
      partyKind: 'organisation',
      partyName: party.name,
      partyIdKind: 'uscc',
      partyIdNo: party.idNo,
    };
  });
  // The last case's party is an unregistered operator (no ID number; a random party id).
  if (n > 1)
    Object.assign(cases[n - 1]!, { partyKind: 'unregistered', partyIdKind: 'none', partyIdNo: undefined });
  const documents = cases.map((c, i) => ({
    source: 'supervision',
    sourceId: `WS-${tag}-${i}`,
    caseSourceId: c.sourceId,
    docType: 'siteRecord',
    title: '现场笔录',
    docTimes: [new Date(openedAt.getTime() + 600_000).toISOString()],
    signed: true,
    sha256: H1,
  }));
  const av = [
    {
      source: 'recorder',
      sourceId: `AV-${tag}`,
      caseSourceId: cases[0]!.sourceId,
      title: '现场检查录像',
      device: 'ZFJLY-012',
      act: 'arrival-departure',
      start: new Date(openedAt.getTime() + 300_000).toISOString(),
      end: new Date(openedAt.getTime() + 2_700_000).toISOString(),
      place: '万州区某某路1号',
      location: `platform://av/${tag}`,
      sha256: [H2, H3],
    },
  ];
  return { version: 1, cases, documents, av };
}

export const asFiles = (json: unknown) => ({
  format: 'json',
  files: { 'manifest.json': JSON.stringify(json) },
});

const DAY = 86_400_000;
/** The Shanghai calendar date of an instant. */
export const shanghaiDate = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A penalty case's stages after its opening (`openedAt`), each `n` days later as given, the decision with its
 * document; only the stages named are listed (a source system may have recorded only some).
 */
export function penaltyStages(openedAt: string, days: Partial<Record<string, number>>) {
  const at = (n: number) => new Date(Date.parse(openedAt) + n * DAY).toISOString();
  return Object.entries(days).map(([stage, n]) => ({
    stage,
    actedAt: at(n!),
    ...(stage === 'statement'
      ? { statementPeriodEndsAt: at(n! + 7), partyStated: true }
      : stage === 'decision'
        ? {
            decisionDocNo: `万卫医罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
            decisionDate: shanghaiDate(at(n!)),
            decisionType: 'penalty',
            decisionConclusion: '警告，并处罚款人民币五千元',
            fine: 5000,
          }
        : {}),
  }));
}
