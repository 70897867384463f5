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
  '[\\u4e00-\\u9fa50-9０-９A-Za-z\\-－#＃]{4,40}?(?:号|组|室|栋|幢|座|房|单元|楼|村|社|弄|户|[0-9０-９]-[0-9０-９]+)(?:[0-9０-９\\-－]+(?:号|室|栋|幢|座|房|楼)?)*(?:之[一二三四五六七八九十0-9０-９]{1,2})?';
/** Labels that mark a natural person's home (住所 of a company is not among them; 住所 of a person is, see below). */
const HOME = new RegExp(
  `(住址|家庭住址|家住|户籍地址|户籍所在地|户口所在地|户籍地|户籍|现住址|经常居住地|现居住地|居住地址|居住地|现居住于|居住于|居住在|暂住于|暂住|住在|住于|现住|租住的|租住于|租住在|住)(?:更正为|变更为|应为)?[：:]?(${ADDRESS_BODY})(?=[，。；、,;）)\\s]|$|(?<=[0-9０-９])[内中])`,
  'g',
);
/** An address followed by 家中 / 自家住所 / 住宅 is someone's home even without a label (在百安路8号家中开设诊所). */
const AT_HOME = new RegExp(
  `(?:在|于|到|至|位于)(${ADDRESS_BODY})(?=的?(?:家中|自家|住所内|住宅|家里|居所|住处|家))`,
  'g',
);
/**
 * A rural home (…镇…村N组) after a home label or 租住的/居住的, even when more words follow (租住的西彭镇元明村5组一楼房屋),
 * and an out-of-province one after 户籍 (贵州省遵义市桐梓县九坝镇新站村3组).
 */
const RURAL_HOME =
  /(?:住址|家庭住址|家住|户籍地址|户籍所在地|户口所在地|户籍地|户籍|现住址|居住地址|居住地|居住于|居住在|住在|暂住于|暂住|租住的|租住于|租住在|居住的|住的)[：:]?([\u4e00-\u9fa5]{0,24}?[镇乡][\u4e00-\u9fa5]{1,8}?村[0-9０-９一二三四五六七八九十]{1,3}[组社](?:[0-9０-９]{1,4}号)?)/g;
const PERSON_RESIDENCE = new RegExp(`住所[：:](${ADDRESS_BODY})(?=[，。；、,;）)\\s]|$)`, 'g');

const HEALTH = new RegExp(
  [
    '(?:诊断为|确诊为|确诊|诊治|被诊断为|患有|患(?![者儿病])|罹患|自述|自诉|主诉|症状为|出现|病历记载|体检结论为|体检发现|诊断|实施)' +
      '([\\u4e00-\\u9fa5A-Za-z0-9]{0,8}(?:炎|病|症|癌|瘤|中毒|损失|损伤|感染|骨折|梗死|梗塞|不孕症|结核|肺|肝炎|矽肺|尘肺|糖尿病|高血压|息肉|突出|术|红疹|瘙痒|腹泻|发热|可疑|偏低|复查|度)[\\u4e00-\\u9fa5A-Za-z0-9、，]{0,12}?(?:，建议[\\u4e00-\\u9fa5]{1,8})?)(?=[。；，,（(]|$|症状|疫情|后|等|。)',
    // Symptoms and named diseases anywhere (发热39度, 咳嗽胸闷多年, 水痘疫情).
    '((?:发热|发烧|腹泻|咳嗽|胸闷|呕吐|头痛|头晕|乏力|皮疹|红疹|瘙痒|红眼|过敏|水痘|手足口病|麻疹|流感|诺如病毒|肺结核|艾滋病|梅毒|乙肝|肝炎)[\\u4e00-\\u9fa5A-Za-z0-9]{0,8}?)(?=[。；，,（(]|$|症状|疫情|聚集|病例|等)',
  ].join('|'),
  'g',
);
const NOT_HEALTH =
  /^(健康|健康合格|健康证明|体检合格|职业健康检查|上岗前|在岗期间|预防|.*(许可|证明|证书|报告|制度|规定|记录|标识)$)/;

/**
 * The nucleus of a health statement (PUB-7: patients' conditions): diseases, symptoms, test results, pregnancy, by
 * class. A phrase around one of these, cut at the clause's punctuation, is someone's health information.
 */
const HEALTH_NUCLEUS = new RegExp(
  [
    // diseases and lesions
    '(?<![消抗])炎|癌|瘤|癣|疱疹|皮疹|红疹|湿疹|溃烂|化脓|溃疡|出血|骨折|梗塞|梗死|后遗症|综合征|综合症|中毒|感染(?!性|管理|控制|防控|监测|科|风险|预防|率)|结核|梅毒|艾滋|' +
      '(?![重急对病轻])[\\u4e00-\\u9fa5]症(?!状)|坏死|麻痹|发紫|发绀|肿胀|水肿|栓塞|挛缩|下垂|血肿|淤血|瘀血|瘢痕|呼吸困难|意识(?:丧失|不清|模糊)|尘肺|矽肺|噪声聋|耳聋|不孕|糖尿病|高血压|心脏病|手足口病|水痘|麻疹|流感|诺如|红眼|癫痫|痴呆|抑郁|残疾|阻生|椎间盘突出|' +
      // injuries and colloquial diagnoses (离断伤, 高位截瘫, 乙肝大三阳)
      '侧弯|畸形|贫血|结节|硬结|病变|空洞|囊肿|体温[\\d.]+℃|窒息|哮喘|耳鸣|早孕|病史|离断|断指|截瘫|偏瘫|截肢|烧伤|烫伤|挫伤|裂伤|骨裂|脱位|失明|失聪|大三阳|小三阳|' +
      // teeth (拔除松动的下颌牙齿, 龋齿, 残根)
      '松动的?[上下]?[颌颚]?牙齿?|龋齿|残根|残冠',
    // symptoms
    '(?<![止镇沉悲哀不])痛(?![点苦心快])|(?<![心不没])疼(?![爱惜])|拉肚子|疼痛|咽痛|头晕|眩晕|恶心|呕吐(?!物)|腹泻|发热|高热|发烧|咳嗽|胸闷|乏力|瘙痒|过敏|红肿|紊乱|昏迷|休克|惊厥|抽搐|晕厥|黄疸|卧床|瘫痪|咳痰|低热|盗汗|咯血|带血|消瘦|心悸|气短|浮肿|便血|尿血',
    // test results and measures
    '阳性|(?:抗体|抗原|核酸|试验)阴性|畸变|剂量[^，。；]{0,6}超标|视力不良|裸眼视力|近视|远视|弱视|血铅|尿铅|尿汞|胆碱酯酶|碳氧血红蛋白|听阈|[听视]力(?:下降|损失|减退|障碍|异常)|微核|白细胞|红细胞|血小板|血压(?![计表])|血糖(?![仪])|转氨酶|肺功能|肝功能|肾功能|(?<!不)增高|升高|降低',
    // pregnancy and procedures
    '怀孕|妊娠|流产|引产|节育器|输血|支架植入|搭桥|透析|化疗|放疗|输液|手术|术后',
  ].join('|'),
);
/** The nucleus without the procedures (输液, 手术 …), which a sentence about the party's practice names too. */
const HEALTH_CONDITION = new RegExp(
  HEALTH_NUCLEUS.source.replace(/\|(?:输液|手术|流产|引产|节育器)(?=\||$)/g, ''),
);
/** Documents and checks about health that are not anyone's health data (健康证明, 体检合格, 职业健康检查). */
const HEALTH_DOCUMENT =
  /健康证明|健康合格|合格证明|体检合格|健康检查(?!结[论果]为)|许可|资格|资质|技术服务|执业|复检合格|检测报告|管理|制度|规定|标准|档案/;
/** Statements about a person's body: 称其…, 诉其…, 自述… up to the end of the sentence. */
const HEALTH_SAID =
  /(?:称其|诉其|述其|自述|自诉|主诉|反映其|称自己|称本人|另称|又称|称)[，,：:]?([^。；\n）)]{2,60})(?=[。；\n）)]|$)/g;
/** Diagnoses and examination results: 诊断为…, 结论为…, up to the clause's end (and a following 建议… clause). */
const HEALTH_FOUND =
  /(?:筛查结果为|[\u4e00-\u9fa5]{0,3}(?:片|CT|超|MRI|镜|图|报告)提示|检查提示|报告为|被诊断为|诊断为|确诊为|被确诊为|检出|诊断结论为|检查结论为|体检结论为|结论为|检查结果为|检查结果显示|结果显示|体检发现|病历记载|病历显示)[：:]?([^，。；,\n]{2,40}(?:[，,](?:建议|需|需要|宜)[^，。；,\n]{1,16})?)/g;
/** Symptoms that appeared or were found: 出现恶心、呕吐等症状, 发现眉部皮肤红肿化脓, 全身出现皮疹. */
const HEALTH_APPEARED =
  /((?:全身|双耳|双眼|双手|双足|双腿|面部|头部|腹部|胸部|皮肤|[左右][耳眼手足腿膝])?)(?:出现|发现|伴有|感到|感觉|发生|并发)([^，。；,\n]{2,30})/g;
/** A count of unnamed people right before (有7人出现听力异常, 先后有19人出现…): group statistics, nobody's data. */
const GROUP_COUNT =
  /[\d一二三四五六七八九十两百]+(?:余|多)?(?:人|名|例)(?:[\u4e00-\u9fa5]{0,4}?)(?:先后|相继|陆续|均|都)?$/;
/** Having a disease, the verb included (患有活动性肝炎, 患腰椎间盘突出多年). */
const HEALTH_HAS = /(?:患有|罹患|患上|患(?![者儿病]))[^，。；,\n]{2,20}/g;
/** After 患有 / 罹患 / 患上 whatever follows is a condition (患有冠心病多年), after a bare 患 only a named one. */
const HAS_STRONG = /^(?:患有|罹患|患上)/;
const PREGNANCY =
  /孕[\d一二三四五六七八九十]+产[\d一二三四五六七八九十]+|孕[早中晚]期(?:约|近)?(?:[\d一二三四五六七八九十]+周)?|(?:已)?(?:怀孕|妊娠|孕)(?:约|近|已)?[\d一二三四五六七八九十两]+(?:个)?多?(?:周|月|天)(?:[，,]?系第[\d一二三四五六七八九十]+[胎孩])?/g;
/**
 * A woman's state right after her name (苏月（哺乳期）, 邝春燕在怀孕期间（孕12周）): health data. Only after a name, so
 * a rule's words (不得安排哺乳期女职工…) stay.
 */
const BODY_STATE =
  /(?:在|处于|正值|系)?(?:哺乳期(?:间)?|怀孕期间|妊娠期间?|孕期|产褥期|经期)(?:[（(][^（()）\n]{1,10}[）)])?/g;
/** Visual acuity values (视力右眼4.6、左眼4.5, 裸眼视力4.8): a pupil's health data. */
const VISION =
  /(?:双眼|[左右]眼)?(?:裸眼)?视力[：:]?(?:[（(]?[左右]眼[）)]?)?(?:为)?[0-5]\.\d(?:[、，,/](?:[左右]眼)?[0-5]\.\d)?|[左右]眼(?:视力)?[0-5]\.\d(?:[、，,/][左右]眼(?:视力)?[0-5]\.\d)?/g;
/** A dose received by a named worker: Hp(10) 4.86 mSv, 个人剂量当量为 5.2 mSv. */
const DOSE =
  /(?:Hp\s*[（(][^（()）]{1,5}[）)]|个人剂量计?(?:当量|读数|检测结果|监测结果)?(?:值)?|(?:全年|年度|季度)?(?:累计)?(?:有效剂量|受照剂量))\s*[:：为达是]?\s*[\d.]+\s*[mμ]?Sv(?!的?(?:剂量)?限值)/g;
/** An injury by an object (被注射针头刺伤左手拇指, 被手术刀片划伤右手): the wound and the body part. */
/** A body part hurt by something (左手食指、中指被冲压机压伤截断): the part, the cause and the wound. */
const INJURY_BODY =
  /[左右双]?[手脚足腿臂眼指腕肘膝][\u4e00-\u9fa5、]{0,8}?被[^，。；,\n被]{1,10}?[压砸刺划扎咬割夹轧烫灼绞]伤[\u4e00-\u9fa5]{0,4}?(?=[，。；,\n后]|$)/g;
const INJURY =
  /被([^，。；,\n被]{1,10}?[刺划扎咬割抓砸烫灼戳]伤(?:[左右双]?[手脚足腿臂眼指腕肘膝面头背腰胸腹][\u4e00-\u9fa5]{0,3})?)/g;
/**
 * The condition a person was treated or excused for (因不全流产伴失血性贫血在…住院治疗, 因脊柱侧弯申请调整座位): the
 * words between 因 and where or what followed, when they name a condition.
 */
const CAUSE_OF_CARE =
  /因([\u4e00-\u9fa5A-Za-z0-9]{2,16}?)(?=(?:在|于|到|入|前往|住院|就诊|就医|治疗|申请|请假|休学|免修|无法|不能)[\u4e00-\u9fa5])/g;
/** A procedure a named patient underwent (患者X于…行腹股沟疝修补术). */
const PROCEDURE =
  /(?:行|接受|做了?|施行)([\u4e00-\u9fa5]{2,14}?(?:术|化疗|放疗|透析|流产|引产))(?=[，。；,、\s]|$)/g;
/** Institutional activity, not a person's health: a place of care, a screening or a report (转诊至…定点医疗机构). */
const INSTITUTIONAL =
  /(?:医疗机构|定点|医院|机构|门诊部?|病区|科室|中心|筛查|普查|体检|监测|接种|宣传|培训|防控)$|^(?:转诊|送至|送往|转至)/;
const AFTER_SURGERY =
  /(?:术后|产后|流产后|引产后)(?:[\u4e00-\u9fa5、]{1,30}?(?:[\d.]+(?:毫升|ml|mL|克|天|次|小时))?(?=[^\u4e00-\u9fa5、]|$)|[\u4e00-\u9fa5、]{1,14})/g;
/** A foetus's sex (胎儿性别为女, 胎儿为女性): health data, and telling it is itself unlawful (人口与计划生育法 Art. 39). */
const FOETAL_SEX = /胎儿(?:的)?(?:性别)?(?:为|是)[男女](?:性|孩|婴)?|[单双]胎[男女](?:性|孩|婴)/g;
/** A bracket qualifying a diagnosis (左侧上睑下垂（术后）): part of it. */
const QUALIFIER =
  /^[（(](?:术后|产后|待查|可能|疑似|复发|双侧|左侧|右侧|涂阳|涂阴|阳性|阴性|轻度|中度|重度)[）)]/;
/** Characters a condition phrase does not reach back over (为其|的|称 …): where a free-standing phrase starts. */
const PHRASE_STOP = new Set('的其为是在于因致被将把对向与和及了后时等称诉述生现有者人示载');
/** Words after which a condition phrase does not go on (…后遗症行康复理疗, …感染，其丈夫). */
const PHRASE_END =
  /^(?:行|进行|接受|前来|被送|到|于|的|检验|检测结果|等证据|学生|儿童|患者|病人|人员|职工|劳动者|未告知|未安排|未登记|未报告|未上报)/;

const FINANCIAL_KEY = new RegExp(
  [
    '收入|营业额|工资|亏损|亏本|挣|赚|贷款|欠(?![缺妥佳])|负债|债务|低保|救助|补助|(?:经济|生活|家庭|经营|资金|周转)困难|困难户|存款|积蓄|资金(?:不足|紧张|周转|短缺)|流动资金|房租|维持家用|养家|生活费|无力承担|家中有病人|需要照顾|寄回|接济|救济|资助|退休金|养老金|抚恤|补贴|每[月年天日][^，。；]{0,8}元',
    // debts and earnings in a family's words (靠打零工, 已借款6万余元, 欠房租)
    '零工|借款|借钱|欠款|欠房租|医药费|房贷|车贷|偿还|还款|还贷|投入的?[\\d一二三四五六七八九十百千万]+',
  ].join('|'),
);
/**
 * Family circumstances (其丈夫常年瘫痪在床, 配偶无业, 名下仅有住房一套, 开业不久): part of a statement of finances only
 * when a clause of the same statement speaks of money (称其系退休医生 alone is not one).
 */
const FINANCIAL_CIRCUMSTANCE =
  /患病|生病|病倒|受伤|失去工作|无法工作|不能工作|丢了工作|没有工作|瘫痪在床|卧病在床|卧床不起|无业|失业|下岗|退休|名下|住房一套|劳动能力|开业不久|经营不善|生意不好|治病|治疗|看病|去世|病故|丧偶|离异|离婚|独自生活|独居|抚养|赡养|孤寡|无子女|无人照顾/;
/** A statement by the party or anyone: 称, 辩称, 提出, 表示 … (its clauses about money are removed). */
const FINANCIAL_SAID =
  /(?:称|提出|表示|反映|陈述|自述|说明|介绍|申辩)[，,：:]?([^。；\n]{4,240})(?=[。；\n]|$)/g;
/** Clauses about money or hardship that are removed even without a speaker (亏损 / 低保 / 无固定收入 …). */
const FINANCIAL_STRONG =
  /护理补贴|生活补贴|困难补助|残疾人[^，。；]{0,6}补贴|亏损|亏本|每月能挣|月工资|月薪|年薪|每月收入|月收入|年收入|无固定收入|低保|最低生活保障|流动资金|负债|家庭困难|生活困难|贷款|积蓄|存款|养老金|房贷|车贷|无力偿还|向亲[友戚属]借/;
const NOT_FINANCIAL = /违法所得|罚款|没收|收取费用|收费|缴纳|诊疗费用|注册资本/;

/** Whether offset p is inside a law's or document's title (《…》): a title is never anyone's health data. */
function inTitle(text: string, p: number): boolean {
  const window = text.slice(Math.max(0, p - 60), p + 1); // a bounded look back keeps long texts linear
  const open = window.lastIndexOf('《');
  return open >= 0 && window.lastIndexOf('》') < open;
}

/**
 * The condition phrase around a nucleus at [at, end): back over the characters that describe it (双耳高频, 外周血淋巴
 * 细胞) up to a function word, punctuation or a name, forward through a list joined by 、 up to the clause's end or
 * a word that starts what was done about it (…后遗症行康复理疗).
 */
function phraseAround(text: string, at: number, end: number, taken: Uint8Array): [number, number] {
  let start = at;
  while (start > 0 && at - start < 10) {
    const ch = text[start - 1]!;
    // A hyphen inside a code (HIV-1抗体) is part of the phrase.
    const codeHyphen =
      ch === '-' && /[A-Za-z0-9]/.test(text[start - 2] ?? '') && /[0-9]/.test(text[start] ?? '');
    if (!codeHyphen && (taken[start - 1] || !/[\u4e00-\u9fa5、A-Za-z0-9]/.test(ch) || PHRASE_STOP.has(ch)))
      break;
    start--;
  }
  // A code is never cut in the middle (HIV-1抗体确证试验阳性 is longer than the walk).
  while (
    start > 0 &&
    /[A-Za-z0-9]/.test(text[start]!) &&
    /[A-Za-z0-9]/.test(text[start - 1]!) &&
    !taken[start - 1]
  )
    start--;
  while (text[start] === '、') start++;
  let stop = end;
  // A test value with its units (白细胞计数分别为3.2×10⁹/L和3.0×10⁹/L) may run longer than a phrase of words.
  while (stop < text.length && stop - end < (/\d/.test(text.slice(end, end + 12)) ? 36 : 24)) {
    const ch = text[stop]!;
    // A unit after a value, with or without a space (高热39.6℃, 血铅值为520 μg/L).
    if (
      /\d/.test(text[stop - 1] ?? '') &&
      /^ ?(?:℃|°C|[μumn]?g\/|mmol|μmol|mmHg|[mμ]Sv|dB)/.test(text.slice(stop, stop + 6))
    ) {
      stop += ch === ' ' ? 2 : 1;
      continue;
    }
    if (
      taken[stop] ||
      !/[\u4e00-\u9fa5、0-9.A-Za-z%‰×⁰¹²³⁴⁵⁶⁷⁸⁹/μ·]/.test(ch) ||
      PHRASE_END.test(text.slice(stop, stop + 4))
    )
      break;
    stop++;
  }
  return [start, stop];
}

/** Health spans that touch or are joined only by 、/，诊断为/，建议 … become one (双耳高频听力下降，诊断为…噪声聋). */
function joinHealth(text: string, spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.end, s.start) : '';
    if (
      last &&
      (s.start <= last.end ||
        /^[，,、]?(?:(?:后|随后|次日|当日)?经[^，。；]{0,22}?)?(?:诊断为|确诊为|建议|伴有?|并|[\u4e00-\u9fa5A-Za-z0-9]{0,8}(?:结果为|提示|显示|检出)|午后|夜间|晨起|饭后|偶有|时有|常有|反复)?$/.test(
          gap,
        ))
    ) {
      last.end = Math.max(last.end, s.end);
    } else out.push({ ...s });
  }
  return out;
}

export function findContext(text: string, names: readonly Span[] = []): ContextFindings {
  // Characters of names already found: a health phrase never reaches back into the name it is about.
  const taken = new Uint8Array(text.length);
  for (const n of names) if (n.kind === 'name' || n.kind === 'minor') taken.fill(1, n.start, n.end);
  const removals: Span[] = [];
  const highlights: Span[] = [];
  for (const m of text.matchAll(HOME)) {
    const body = m[2]!;
    // 住所 / 住院 / 住户 are not a home label: a company's 住所 is its business address (kept).
    if (m[1] === '住' && /^[所院户宿]/.test(body)) continue;
    const start = m.index! + m[0].length - body.length;
    removals.push(span(start, start + body.length, 'homeAddress'));
  }
  for (const m of text.matchAll(RURAL_HOME)) {
    const start = m.index! + m[0].length - m[1]!.length;
    removals.push(span(start, start + m[1]!.length, 'homeAddress'));
  }
  for (const m of text.matchAll(AT_HOME)) {
    // 在其位于X的住处: the address is X.
    const lead = /^(?:其|自己)?(?:位于|在)?/.exec(m[1]!)![0].length;
    const body = m[1]!.slice(lead);
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
  removals.push(...findHealth(text, taken), ...findFinancial(text));
  return { removals, highlights };
}

/**
 * Where a phrase matched up to `end` really ends: before a name, or before 的 and the person it describes
 * (患有慢性阻塞性肺疾病的老人贝桂香: the condition is 慢性阻塞性肺疾病).
 */
function phraseEnd(text: string, from: number, end: number, taken: Uint8Array): number {
  for (let i = from; i < end; i++) {
    if (taken[i]) return i;
    if (text[i] === '的' && i > from) return i;
  }
  return end;
}

/** Whether the clause before a verb at `at` names the person it is done to: 为 and then a removed name (为患者万玉兰). */
function namedPatientBefore(text: string, at: number, taken: Uint8Array): boolean {
  const from = Math.max(0, at - 40);
  const clause = text.slice(from, at);
  const cut = Math.max(clause.lastIndexOf('。'), clause.lastIndexOf('；'), clause.lastIndexOf('，'));
  const wei = clause.lastIndexOf('为');
  return wei > cut && taken.subarray(wei + from + 1, at).includes(1);
}

/** Whether the sentence before `at` names a person (a removed name since the last 。；): 患者应德福于…行…术. */
function namedPatientInSentence(text: string, at: number, taken: Uint8Array): boolean {
  const from = Math.max(0, at - 40);
  const clause = text.slice(from, at);
  const cut = Math.max(clause.lastIndexOf('。'), clause.lastIndexOf('；'), clause.lastIndexOf('\n'));
  return taken.subarray(from + cut + 1, at).includes(1);
}

/** Whether the rest of the sentence after `at` names a person (a removed name before the next 。；). */
function namedLaterInSentence(text: string, at: number, taken: Uint8Array): boolean {
  const rest = text.slice(at, at + 80);
  const stop = rest.search(/[。；\n]/);
  return taken.subarray(at, at + (stop < 0 ? rest.length : stop)).includes(1);
}

function findHealth(text: string, taken: Uint8Array): Span[] {
  const spans: Span[] = [];
  const inHealth = new Uint8Array(text.length); // characters already in a health span
  const add = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) end = i; // a health span never holds a name
    while (start < end && /[了，,、\s]/.test(text[start]!)) start++;
    // 经输血及…: the preposition is not part of the treatment (神经 inside a phrase is).
    if (/^经(?![期络])/.test(text.slice(start, end))) start++;
    while (end > start && /[，,、\s]/.test(text[end - 1]!)) end--;
    const body = text.slice(start, end);
    if (end - start < 2 || HEALTH_DOCUMENT.test(body) || INSTITUTIONAL.test(body) || inTitle(text, start))
      return;
    // 术后由某某负责换药: after the name is cut, 术后 with only a function word left says nothing of anyone's health.
    if (/^(?:术后|产后)[由经在于被]?$/.test(body)) return;
    // What a clinic usually treats (一般就是感冒), a rule's class (禁止患有性病…的顾客), a negation (未发现感染病例): nobody's.
    const clause = text.slice(Math.max(0, start - 12), start);
    if (
      /(?:一般|通常|主要|常见)[^，。；]{0,10}$|(?:禁止|严禁|不得|不准|未发现|未见|没有)[^，。；]{0,2}$/.test(
        clause,
      )
    )
      return;
    // A check by the disease-control body (在核查肺结核病例时): its work, not anyone's data.
    if (
      /(?:核查|排查|筛查|普查|监测|统计)$/.test(text.slice(Math.max(0, start - 2), start)) ||
      /^(?:核查|排查|筛查|普查|监测|统计)/.test(body)
    )
      return;
    // A count of procedures (终止妊娠共计14例): what the clinic did, not a person's data. (An outbreak's disease stays
    // removed: in a class or a small unit it points at the children.)
    if (/^[^，。；]{0,4}?共计?[\d一二三四五六七八九十]+(?:例|人次)/.test(text.slice(end, end + 10))) return;
    if (/共计?[\d一二三四五六七八九十]+(?:例|人次)$/.test(body)) return;
    // Group statistics of unnamed people (有7人出现听力异常, 先后有19人出现呕吐): nobody's health data.
    // What comes before the verb (出现…) of the statement this span is part of (出现呕吐、腹泻: 腹泻's lead too).
    let lead = text.slice(Math.max(0, start - 24), start);
    const verb = lead.search(/(?:出现|发生|感到|伴有)[^，。；,;]{0,16}$/);
    if (verb >= 0) lead = lead.slice(0, verb);
    lead = lead.replace(/(?:均|都)$/, '');
    // …unless the sentence names people among them (…5名幼儿出现发热，其中幼儿阮某某…): then it is theirs.
    if (
      GROUP_COUNT.test(lead) &&
      !namedPatientInSentence(text, start, taken) &&
      !namedLaterInSentence(text, end, taken)
    )
      return;
    const q = QUALIFIER.exec(text.slice(end, end + 6));
    if (q) end += q[0].length;
    spans.push(span(start, end, 'health'));
    inHealth.fill(1, start, end);
  };
  const groupStart = (m: RegExpMatchArray, group: number) => m.index! + m[0].length - m[group]!.length;
  // The earlier rules (a trigger and a short condition; named symptoms anywhere).
  for (const m of text.matchAll(HEALTH)) {
    const body = m[1] ?? m[2];
    if (!body || NOT_HEALTH.test(body)) continue;
    let start = m.index! + m[0].length - body.length;
    // A named disease keeps the words that describe it (继发性肺结核, 开放性肺结核).
    const kindOf = /(?:[\u4e00-\u9fa5]{1,2}性|[双左右]侧)$/.exec(text.slice(Math.max(0, start - 4), start));
    if (m[2] && kindOf && !taken.subarray(start - kindOf[0].length, start).includes(1))
      start -= kindOf[0].length;
    // A procedure performed (实施…术) is someone's health data only when done on a named person (为危蕾等人实施乳房
    // 假体植入术); the service a clinic offered (为求美者实施双眼皮切割手术) or a bare 手术 stays.
    if (m[0].startsWith('实施') && (body === '手术' || !namedPatientBefore(text, m.index!, taken))) continue;
    add(start, phraseEnd(text, start, start + body.length, taken));
  }
  // What a person said about their body, to the end of the sentence (称其孙子因腹泻在医院输液两天).
  for (const m of text.matchAll(HEALTH_SAID)) {
    const body = m[1]!;
    // A bare 称 is a statement only right after the person's name (韩某某称注射后…); 声称, 名称 are not.
    if (/^称[^其自本]/.test(m[0]) && !taken[m.index! - 1]) continue;
    if (!HEALTH_CONDITION.test(body)) continue;
    const start = groupStart(m, 1);
    // After 出现/发现 the condition follows: the circumstances before it (在当事人处足浴后) are not health data.
    const cue = /(?:后|时)?(?:出现|发现)/.exec(body);
    // It ends with the last clause that still names a condition (…常感乏力，未作体检: the check stays).
    let end = 0;
    for (let at = 0, i = 0; at < body.length; at += i + 1) {
      i = body.slice(at).search(/[，,]|$/);
      if (HEALTH_CONDITION.test(body.slice(at, at + i))) end = at + i;
    }
    let from =
      cue && HEALTH_CONDITION.test(body.slice(cue.index + cue[0].length)) ? cue.index + cue[0].length : 0;
    // The circumstances end at the last 后/时 before the first condition (入住客房后全身皮肤瘙痒并出现红疹: the
    // condition starts at 全身), the verb after it (出现, 感到) going with the circumstances.
    const first = body.search(HEALTH_CONDITION);
    const pre = first > 0 ? body.slice(0, first) : '';
    const turn = Math.max(pre.lastIndexOf('后'), pre.lastIndexOf('时'));
    if (turn >= 0 && turn + 1 < first && !/[背脑]/.test(body[turn + 1]!)) {
      const lead = /^(?:又|便|即|就|则)?(?:出现|感到|感觉|发现)?/.exec(body.slice(turn + 1))![0].length;
      from = Math.min(first, turn + 1 + lead);
    }
    add(start + from, start + end);
  }
  for (const m of text.matchAll(HEALTH_FOUND)) {
    const body = m[1]!;
    if (!HEALTH_CONDITION.test(body) && !/^(?:被)?(?:诊断|确诊)/.test(m[0])) continue;
    if (/^(?:合格|正常|未见异常|符合|不符合)/.test(body)) continue;
    const start = groupStart(m, 1);
    add(start, phraseEnd(text, start, start + body.length, taken));
  }
  for (const m of text.matchAll(HEALTH_APPEARED)) {
    let body = m[2]!;
    // The condition ends before the people it describes (发现视力不良学生未建档: the condition is 视力不良).
    for (let i = 1; i < body.length; i++)
      if (/^(?:学生|儿童|患者|病人|人员|职工|劳动者)/.test(body.slice(i))) {
        body = body.slice(0, i);
        break;
      }
    const from = groupStart(m, 2);
    if (!HEALTH_CONDITION.test(body) || taken.subarray(from, from + body.length).includes(1)) continue;
    // 出现 / 感到 / 伴有 belong to the statement (出现红眼症状); 发现 is the finder's verb and stays.
    const verbKept = m[0].slice(m[1]!.length).startsWith('发现');
    let at = m[1] || !verbKept ? m.index! : groupStart(m, 2);
    // Right after a name, when it happened goes with it (新生儿康某某出生后出现重度窒息).
    if (!m[1] && !verbKept && text[at - 1] === '后') {
      let w = at - 1;
      while (w > at - 4 && w > 0 && !taken[w - 1] && /[\u4e00-\u9fa5]/.test(text[w - 1]!)) w--;
      if (taken[w - 1]) at = w;
    }
    add(at, groupStart(m, 2) + body.length);
  }
  for (const m of text.matchAll(HEALTH_HAS)) {
    const end = phraseEnd(text, m.index! + 2, m.index! + m[0].length, taken);
    const phrase = text.slice(m.index!, end);
    if (HAS_STRONG.test(phrase) || HEALTH_CONDITION.test(phrase) || /病/.test(phrase)) add(m.index!, end);
  }
  for (const re of [PREGNANCY, AFTER_SURGERY, FOETAL_SEX, DOSE, VISION]) {
    for (const m of text.matchAll(re)) {
      // 术后由护士…负责护理, 术后经…: who cared for the patient afterwards, not the patient's condition.
      if (re === AFTER_SURGERY && /^(?:术后|产后)(?:由(?!于)|经(?!期))/.test(m[0])) continue;
      add(m.index!, m.index! + m[0].length);
    }
  }
  for (const m of text.matchAll(BODY_STATE)) {
    const lead = /^(?:在|处于|正值|系)?/.exec(m[0])![0].length;
    const at = m.index!;
    // Right after a name (苏月（哺乳期）, 邝春燕在怀孕期间): up to two characters between them.
    const near = taken.subarray(Math.max(0, at - 2), at + lead).includes(1) || taken[at - 1] === 1;
    if (near) add(at + lead, at + m[0].length);
  }
  for (const m of text.matchAll(INJURY)) add(groupStart(m, 1), m.index! + m[0].length);
  for (const m of text.matchAll(INJURY_BODY)) add(m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(CAUSE_OF_CARE)) {
    const body = m[1]!;
    if (!HEALTH_CONDITION.test(body) && !/流产|引产/.test(body)) continue;
    const start = groupStart(m, 1);
    if (!taken.subarray(start, start + body.length).includes(1)) add(start, start + body.length);
  }
  for (const m of text.matchAll(PROCEDURE)) {
    if (!namedPatientInSentence(text, m.index!, taken)) continue;
    const start = groupStart(m, 1);
    add(start, start + m[1]!.length);
  }
  // A condition standing on its own (为其脑梗塞后遗症行康复理疗, 双耳听阈提高, 乙肝表面抗原阳性).
  const nucleus = new RegExp(HEALTH_NUCLEUS.source, 'g');
  for (const m of text.matchAll(nucleus)) {
    const at = m.index!;
    if (taken[at] || inHealth[at]) continue;
    // A certificate about a procedure (终止妊娠的医学需要证明) is not anyone's condition.
    if (
      /^[\u4e00-\u9fa5]{0,2}的?(?:医学需要|医学)?(?:证明|证书|许可|登记)/.test(
        text.slice(at + m[0].length, at + m[0].length + 10),
      )
    )
      continue;
    if (m[0] === '术后' && /^(?:由(?!于)|经(?!期))/.test(text.slice(at + 2, at + 4))) continue; // 术后由护士…护理
    const around = phraseAround(text, at, at + m[0].length, taken);
    const end = around[1];
    let start = around[0];
    // A class of people a rule speaks of (怀孕期间的女职工不得…, 哺乳期女职工): nobody's health, when no name is near.
    if (
      /^的?(?:女职工|女工|妇女|劳动者|从业人员)/.test(text.slice(end, end + 6)) &&
      !taken.subarray(Math.max(0, start - 12), end).includes(1)
    )
      continue;
    // The cause of an injury goes with it (因车祸致高位截瘫).
    const cause = /因[\u4e00-\u9fa5]{1,8}[致导]致?$/.exec(text.slice(Math.max(0, start - 12), start));
    if (cause && !taken.subarray(start - cause[0].length, start).includes(1)) start -= cause[0].length;
    // Too common alone: a procedure names the institution's service (血液透析室, 输血科) unless a condition is with it.
    if (/^(?:输液|手术|流产|引产|节育器|感染|输血|透析|化疗|放疗|支架植入|搭桥)$/.test(m[0])) {
      // …unless the phrase also names a condition (输血及子宫动脉栓塞术后).
      const rest = text.slice(start, at) + text.slice(at + m[0].length, end);
      if (!HEALTH_CONDITION.test(rest)) continue;
    }
    // A doctor's advice that follows goes with the finding (…畸变率偏高，建议复查).
    const advice = /^[，,]建议[\u4e00-\u9fa5]{1,10}/.exec(text.slice(end, end + 14));
    add(start, advice ? end + advice[0].length : end);
  }
  return joinHealth(text, spans);
}

function findFinancial(text: string): Span[] {
  const spans: Span[] = [];
  const clausesOf = (from: number, body: string, needSpeaker: boolean) => {
    // The run of clauses about money or hardship (a clause: text between ，). A request after them stays.
    let at = from;
    let run: [number, number] | null = null;
    let hasMoney = false;
    for (const part of body.split(/(?<=[，,])/)) {
      let clause = part.replace(/[，,]$/, '');
      // A speaker inside the clause (当事人称其本人无固定收入): the statement starts after the verb.
      // With a speaker matched earlier (在陈述中称其丈夫…) a second verb in the clause starts the statement too, so the
      // person's relation words (其丈夫) are kept with it.
      const said = /^[^，,]*?(?:称|提出|表示|反映|陈述|自述)[：:]?/.exec(clause);
      if (said) {
        at += said[0].length;
        clause = clause.slice(said[0].length);
      }
      const money =
        (needSpeaker ? FINANCIAL_KEY : FINANCIAL_STRONG).test(clause) && !NOT_FINANCIAL.test(clause);
      // Circumstances join a statement with or without a speaker (其丈夫前年去世后独自生活，每月仅有…养老金…): the
      // statement is removed only if one of its clauses speaks of money.
      const circumstance = !money && FINANCIAL_CIRCUMSTANCE.test(clause);
      if (money) hasMoney = true;
      // From the first clause about money or circumstances to the last one (a clause between them goes too).
      if (money || circumstance) run = run ? [run[0], at + clause.length] : [at, at + clause.length];
      at += part.length - (said ? said[0].length : 0);
    }
    if (run && hasMoney) spans.push(span(run[0], run[1], 'financial'));
  };
  for (const m of text.matchAll(FINANCIAL_SAID)) {
    clausesOf(m.index! + m[0].length - m[1]!.length, m[1]!, true);
  }
  // Without a speaker only the unmistakable words count (亏损, 低保, 无固定收入 …), clause by clause.
  for (const m of text.matchAll(/[^。；\n]+/g)) clausesOf(m.index!, m[0], false);
  return mergeFinancial(spans);
}

function mergeFinancial(spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
