/**
 * `publication.fullText` answers for the reviewer's preview page (PUB-7), built with the real engine
 * (core/redaction) on a fictional decision, as the server builds them (server/features/publication/fulltext*.ts).
 */
import type { PublicationFullTextView } from '../../core/contract/publication-fulltext';
import { applyRemovals, redact } from '../../core/redaction';
import { DEMO_DECISION_TEXT, DEMO_PARTY_ID } from '../../scripts/miniprogram/publication-fulltext-scenarios';
import { ENTRY_ID } from './publication-staff-fixtures';

export const FT_ID = ENTRY_ID;
export const PARTY_ID_NO = DEMO_PARTY_ID;
export const FT_TEXT = DEMO_DECISION_TEXT;

export const FT_KNOWN = [{ names: ['张三丰'], idNumbers: [PARTY_ID_NO], phones: ['13912345678'] }];

export function fullTextView(
  over: Partial<PublicationFullTextView> = {},
  confirmed = false,
): PublicationFullTextView {
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
