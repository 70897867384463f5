/**
 * Home addresses, health information and statements of financial situation in free text, found by their context
 * (PUB-7). Kept: a company's 住所 / 经营场所 / 地址 (business addresses), and 健康证明 / 健康合格证明 /
 * 职业健康检查 as such (the documents are not anyone's health data). Pure.
 */
import { REPLACEMENT_LABELS, type Span } from './types';

export interface ContextFindings {
  removals: Span[];
  highlights: Span[];
}

function span(start: number, end: number, kind: 'homeAddress' | 'health' | 'financial'): Span {
  return { start, end, kind, replacement: REPLACEMENT_LABELS[kind], source: 'context' };
}

/** An address body: place words and numbers up to the end of the clause. */
const ADDRESS_BODY =
  '[\\u4e00-\\u9fa50-9０-９A-Za-z\\-－#＃]{4,40}?(?:号|组|室|栋|单元|楼|村|社|弄|户|[0-9０-９]-[0-9０-９]+)(?:[0-9０-９\\-－]+(?:号|室|栋|楼)?)*';
/** Labels that mark a natural person's home (住所 of a company is not among them; 住所 of a person is, see below). */
const HOME = new RegExp(
  `(住址|家庭住址|家住|户籍地址|户籍地|现住址|居住地|居住地址|暂住|住在|现住|住)[：:]?(${ADDRESS_BODY})(?=[，。；、,;）)\\s]|$)`,
  'g',
);
/** An address followed by 家中 / 自家住所 / 住宅 is someone's home even without a label (在百安路8号家中开设诊所). */
const AT_HOME = new RegExp(`(?:在|于|到|至)(${ADDRESS_BODY})(?=的?(?:家中|自家|住所内|住宅|家里|居所))`, 'g');
const PERSON_RESIDENCE = new RegExp(`住所[：:](${ADDRESS_BODY})(?=[，。；、,;）)\\s]|$)`, 'g');

const HEALTH = new RegExp(
  [
    '(?:诊断为|确诊为|确诊|诊治|被诊断为|患有|患|罹患|自述|自诉|主诉|症状为|出现|病历记载|体检结论为|体检发现|诊断|实施)' +
      '([\\u4e00-\\u9fa5A-Za-z0-9]{0,8}(?:炎|病|症|癌|瘤|中毒|损失|损伤|感染|骨折|梗死|梗塞|不孕症|结核|肺|肝炎|矽肺|尘肺|糖尿病|高血压|息肉|突出|术|红疹|瘙痒|腹泻|发热|可疑|偏低|复查|度)[\\u4e00-\\u9fa5A-Za-z0-9、，]{0,12}?(?:，建议[\\u4e00-\\u9fa5]{1,8})?)(?=[。；，,（(]|$|症状|疫情|后|等|。)',
    // Symptoms and named diseases anywhere (发热39度, 咳嗽胸闷多年, 水痘疫情).
    '((?:发热|发烧|腹泻|咳嗽|胸闷|呕吐|头痛|头晕|乏力|皮疹|红疹|瘙痒|红眼|过敏|水痘|手足口病|麻疹|流感|诺如病毒|肺结核|艾滋病|梅毒|乙肝|肝炎)[\\u4e00-\\u9fa5A-Za-z0-9]{0,8}?)(?=[。；，,（(]|$|症状|疫情|聚集|病例|等)',
  ].join('|'),
  'g',
);
const NOT_HEALTH =
  /^(健康|健康合格|健康证明|体检合格|职业健康检查|上岗前|在岗期间|预防|.*(许可|证明|证书|报告|制度|规定|记录|标识)$)/;

const FINANCIAL =
  /(?:称|自述|表示|反映|陈述)[，,]?((?:其|本人|自己|家庭|家中|公司|店铺|当事人)?[^。；]{0,30}(?:收入|营业额|工资|欠|负债|低保|困难|存款|资金)[^。；]{0,30})(?=[。；])/g;

export function findContext(text: string): ContextFindings {
  const removals: Span[] = [];
  const highlights: Span[] = [];
  for (const m of text.matchAll(HOME)) {
    const body = m[2]!;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'homeAddress'));
  }
  for (const m of text.matchAll(AT_HOME)) {
    const body = m[1]!;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'homeAddress'));
  }
  for (const m of text.matchAll(PERSON_RESIDENCE)) {
    // 住所 of a company is its registered business address: only a line about a natural person is removed.
    const lineStart = text.lastIndexOf('\n', m.index!) + 1;
    const line = text.slice(
      lineStart,
      text.indexOf('\n', m.index!) >= 0 ? text.indexOf('\n', m.index!) : text.length,
    );
    if (!/[男女]|身份证|出生/.test(line)) continue;
    const body = m[1]!;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'homeAddress'));
  }
  for (const m of text.matchAll(HEALTH)) {
    const body = m[1] ?? m[2];
    if (!body || NOT_HEALTH.test(body)) continue;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'health'));
  }
  for (const m of text.matchAll(FINANCIAL)) {
    const body = m[1]!;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'financial'));
  }
  return { removals, highlights };
}
