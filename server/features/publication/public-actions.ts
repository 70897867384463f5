/**
 * The public surface (PUB-7, item 6): `publication.list` and `publication.get` read ONLY the public documents
 * (`publicationPublic`: publicView / withdrawalNotice output and search tokens), never the staff records, so a
 * natural person's full name, ID number, phone or home address cannot be answered, searched, filtered or counted.
 * Cursor paging, newest decision first; the kind filter and the keyword are index-served (the keyword as the
 * tokens an entry must all hold: core/publication/search.ts; one equality per token on the indexed array).
 */
import * as decl from '../../../core/contract/publication';
import type { PublicationPublicItem } from '../../../core/contract/publication';
import { queryTokens } from '../../../core/publication/search';
import { AppError } from '../../errors';
import { getDoc } from '../../platform/docs';
import { keysetPage } from '../../platform/paging';
import { handle } from '../../router/types';
import { PUBLIC_COLLECTION, type PublicDoc } from './model';

const DEFAULT_PAGE = 20;

/** Only the projection's fields leave: a published entry's summary or a withdrawn one's notice. */
export function publicItem(doc: PublicDoc): PublicationPublicItem {
  // PUB-13 (行政处罚法 Art. 48): a changed decision's entries link both ways; both links are public already.
  const replacedBy = doc.replacedBy ? { replacedBy: doc.replacedBy } : {};
  return doc.status === 'withdrawn' || !doc.view
    ? { id: doc._id, withdrawn: true, notice: doc.notice!, ...replacedBy }
    : {
        id: doc._id,
        withdrawn: false,
        view: doc.view,
        ...(doc.replaces ? { replaces: doc.replaces } : {}),
        ...replacedBy,
      };
}

const CURSOR = /^\d{4}-\d{2}-\d{2}\|[0-9TZ:.-]{20,30}\|pub_[0-9a-f]{8,40}$/;

const publicationList = handle(decl.publicationList, async (input, call) => {
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.cursor': '分页位置无效，请从第一页重新查看' });
  }
  // Only what is listed: an entry past its display end (公示截止期) has left the list (publication.delistDue).
  const filter: Record<string, unknown> = { listed: true };
  if (input.kind) filter.kind = input.kind;
  const tokens = input.keyword ? queryTokens(input.keyword) : [];
  if (input.keyword && tokens.length === 0) {
    return { items: [], total: 0, totalCapped: false, nextCursor: null };
  }
  // One equality per token on the indexed array (all must hold): served by the index, unlike a regex.
  if (tokens.length === 1) filter.tokens = tokens[0];
  else if (tokens.length > 1) filter.$and = tokens.map((t) => ({ tokens: t }));
  const page = await keysetPage<PublicDoc>(call.db, {
    collection: PUBLIC_COLLECTION,
    filter,
    key: 'sortKey',
    order: 'desc',
    cursor: input.cursor,
    pageSize: input.pageSize ?? DEFAULT_PAGE,
  });
  return { ...page, items: page.items.map(publicItem) };
});

const publicationGet = handle(decl.publicationGet, async (input, call) => {
  const doc = await getDoc<PublicDoc>(call.db, PUBLIC_COLLECTION, input.id);
  if (!doc || doc.listed === false) throw new AppError('NOT_FOUND', '未找到该公示信息');
  return publicItem(doc);
});

export const publicationPublicActions = {
  'publication.list': publicationList,
  'publication.get': publicationGet,
};
