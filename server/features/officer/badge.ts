/**
 * The badge's mini-program code (wxacode.getUnlimited): scene = the officer's short ASCII id (a scene allows at
 * most 32 visible ASCII characters, no Chinese), page = the verification page, which reads `scene` on load.
 * Read-only for the register, so it is not ledgered; the code itself is deterministic for a given scene.
 */
import * as decl from '../../../core/contract/officer';
import { OFFICER_VERIFY_PAGE } from '../../../core/contract/officer';
import { notFound } from '../../errors';
import { handle } from '../../router/types';
import { getUnlimitedWxaCode } from '../../wechat';
import { findOfficerById } from './repository';

export const officerBadgeCode = handle(decl.officerBadgeCode, async (input, call) => {
  const officer = await findOfficerById(call.db, input.officerId);
  if (!officer) throw notFound('未找到该执法人员');
  const png = await getUnlimitedWxaCode(call.db, {
    scene: officer.shortId,
    page: OFFICER_VERIFY_PAGE,
    width: 430,
    // check_path would refuse a page not yet in the released version; the badge is printed for release.
    checkPath: false,
    envVersion: 'release',
  });
  return {
    shortId: officer.shortId,
    page: OFFICER_VERIFY_PAGE,
    contentType: 'image/png',
    imageBase64: png.toString('base64'),
  };
});
