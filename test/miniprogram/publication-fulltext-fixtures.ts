/**
 * `publication.fullText` answers for the reviewer's preview page (issue 18 item 4), built with the real engine
 * (core/redaction) on a fictional decision, as the server builds them (server/features/publication/fulltext*.ts).
 */
import type { PublicationFullTextView } from '../../core/contract/publication-fulltext';
import { applyRemovals, redact } from '../../core/redaction';
import { ENTRY_ID } from './publication-staff-fixtures';

export const FT_ID = ENTRY_ID;
export const PARTY_ID_NO = '500103198506151236';

export const FT_TEXT = [
  '重庆市渝中区卫生健康委员会',
  '行政处罚决定书',
  '渝中卫医罚〔2026〕31号',
  `当事人：张三丰，公民身份号码：${PARTY_ID_NO}，住址：重庆市渝中区解放碑街道民族路88号3-2，联系电话：139-1234-5678。`,
  '2026年10月12日，本委执法人员陈志强、刘敏对当事人进行现场检查，发现当事人在其住所为患者周小红输液。',
  '现场另有杨光明在场。当晚，谭燚鑫到场，向执法人员出示了证明。',
  '以上事实有现场笔录、询问笔录等证据证实。',
  '本委依据《中华人民共和国医师法》第五十九条的规定，决定：没收违法所得0.2万元，并处罚款3万元。',
].join('\n');

export const FT_KNOWN = [{ names: ['张三丰'], idNumbers: [PARTY_ID_NO], phones: ['13912345678'] }];

export function fullTextView(over: Partial<PublicationFullTextView> = {}, confirmed = false): PublicationFullTextView {
  const marks = redact(FT_TEXT, FT_KNOWN);
  return {
    id: FT_ID,
    status: 'submitted',
    docNo: '渝中卫医罚〔2026〕31号',
    fullText: {
      text: FT_TEXT,
      version: 1,
      source: 'typed',
      caseNo: null,
      removals: marks.removals,
      proposed: marks.removals,
      highlights: marks.highlights,
      preview: applyRemovals(FT_TEXT, marks.removals),
      confirmed: confirmed ? { at: '2026-11-30T02:00:00.000Z', byMe: false, added: 1, undone: 0 } : null,
      history: [],
      fixed: false,
    },
    canSet: false,
    canConfirm: true,
    ...over,
  };
}
