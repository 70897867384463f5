/**
 * Public officer actions: anyone may check an officer's certificate (PUB-4; 行政处罚法
 * Art. 52, 55) and read the officer list of an enforcement body (PUB-2). Only published fields leave the function.
 */
import * as decl from '../../../core/contract/officer';
import { notFound } from '../../errors';
import { handle } from '../../router/types';
import {
  findOfficerByCertNo,
  findOfficerByShortId,
  officerPhotoUrls,
  OFFICERS_COLLECTION,
  readOfficer,
  toPublicView,
  type OfficerRecord,
} from './repository';
import { keysetPage } from '../../platform/paging';
import { IN_POST_STATUSES } from '../../../core/officer/status';

const DEFAULT_PAGE_SIZE = 20;

export const officerVerify = handle(decl.officerVerify, async (input, call) => {
  const officer = input.certNo
    ? await findOfficerByCertNo(call.db, input.certNo)
    : await findOfficerByShortId(call.db, input.shortId!);
  if (!officer)
    throw notFound(
      '本委执法人员名录中没有该执法证号，请核对后重试；也可向证件上的发证机关核实，或拨打 12345 询问',
    );
  // A former officer's number still answers, as 已注销 / 已吊销 with its date (not NOT_FOUND).
  const photos = await officerPhotoUrls([officer]);
  return toPublicView(officer, call.now, photos.get(officer.photoFileId ?? '') ?? null);
});

/**
 * Only officers in post (PUB-2: the body's officers): a cancelled (注销) or revoked (吊销) certificate's holder is
 * no longer one, though the number still verifies. A held-back (暂扣) or expired one is still in post and listed
 * with its status. Ordered by certificate number; the cursor is the last number of the previous page, so an officer added while a
 * citizen pages through appears in its place without shifting or repeating anyone already shown.
 */
export const officerList = handle(decl.officerList, async (input, call) => {
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = await keysetPage<OfficerRecord>(call.db, {
    collection: OFFICERS_COLLECTION,
    filter: {
      ...(input.unitId ? { unitId: input.unitId } : {}),
      status: call.db.command.in([...IN_POST_STATUSES]),
    },
    key: 'certNo',
    order: 'asc',
    cursor: input.cursor,
    pageSize,
  });
  const officers = page.items.map(readOfficer);
  const photos = await officerPhotoUrls(officers);
  return {
    ...page,
    items: officers.map((o) => toPublicView(o, call.now, photos.get(o.photoFileId ?? '') ?? null)),
  };
});

export const officerPublicActions = {
  'officer.verify': officerVerify,
  'officer.list': officerList,
};
