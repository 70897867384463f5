/**
 * A party's public name (PUB-7, seed Art. 16): a natural person appears only by surname, as
 * 张某 (法释〔2016〕19号 Art. 8: keep the surname, replace the given name with 某). Pure.
 *
 * - Compound surnames (复姓) are kept whole when the name has at least three characters (欧阳明 → 欧阳某; a
 *   two-character 司马 is read as surname 司 and given name 马). The list is the common ones in use today.
 * - A transliterated minority or foreign name written with a middle dot (买买提·艾力, 阿依古丽·买买提) has no
 *   surname in the Han sense; its first character stands in (买某), as courts publish such names.
 * - A name in Latin letters (a foreign national): the family name is unknown in general; its first letter stands
 *   in (John Smith → J某), which never shows a whole word of the name.
 */

export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '司空', '夏侯',
  '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠', '钟离',
  '闻人', '赫连', '拓跋', '东郭', '第五', '仲孙', '濮阳', '淳于', '单于', '公羊', '左丘', '梁丘', '亓官', '司寇',
] as const; // prettier-ignore

const MIDDLE_DOTS = /[·•・‧.．]/;

export function personPublicName(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ');
  if (!name) return '某某';
  if (/^[A-Za-z]/.test(name)) return `${name[0]!.toUpperCase()}某`;
  if (MIDDLE_DOTS.test(name)) return `${[...name][0]}某`;
  const chars = [...name];
  if (chars.length >= 3 && (COMPOUND_SURNAMES as readonly string[]).includes(chars.slice(0, 2).join(''))) {
    return `${chars[0]}${chars[1]}某`;
  }
  return `${chars[0]}某`;
}
