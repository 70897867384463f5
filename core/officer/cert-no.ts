/**
 * 执法证号 as people type them: full-width digits and letters (common with Chinese input methods), spaces and
 * lower case are normalised so that "ｗｚ 0001" finds "WZ0001". Certificates carry digits, Latin letters, a few
 * Chinese characters (e.g. a region prefix) and hyphens.
 */
export const CERT_NO_PATTERN = /^[0-9A-Z\u4e00-\u9fa5-]{4,32}$/;

export function normalizeCertNo(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/**
 * The badge's mini-program code carries a short ASCII id, because a wxacode scene allows at most 32 visible ASCII
 * characters and no Chinese (developers.weixin.qq.com, wxacode.getUnlimited). Unambiguous letters and digits.
 */
export const SHORT_ID_PATTERN = /^[A-HJ-NP-Z2-9]{6,12}$/;

/** The scene arrives URL-encoded in the page's `scene` option; older badges may carry `o=<id>`. */
export function shortIdFromScene(scene: string): string | null {
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return null;
  }
  const id = decoded.replace(/^o=/, '').trim().toUpperCase();
  return SHORT_ID_PATTERN.test(id) ? id : null;
}
