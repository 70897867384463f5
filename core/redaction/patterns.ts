/**
 * Identifiers by pattern with their check digits (PUB-7): resident ID numbers (18 digits with
 * GB 11643 check character, 15-digit first-generation numbers, spaced, full-width, and any number the label 身份证
 * or a typo of it marks), mobile and landline numbers, e-mail, WeChat ids, bank cards (Luhn) and accounts, property
 * certificates and vehicle plates. Kept, by their check characters or their label: credit codes (GB 32100),
 * 15-digit registration numbers (GS 15), licence and certificate numbers, document numbers, and the authority's
 * own contact numbers and fine-collection account. Pure.
 */
import { isValidBirthDate, regNoCheckDigit, residentCheckChar, usccCheckChar } from '../party/ids';
import { foldWidth } from './normalize';
import { REPLACEMENT_LABELS, type RedactOptions, type RedactionKind, type Span } from './types';

const DIGIT = '0-9\\uff10-\\uff19';
const ALNUM_AFTER = `${DIGIT}xX\\uff38\\uff58`;
/** Digit groups joined by single spaces, hyphens or a closing bracket: how people write long numbers. */
const NUMBER_TOKEN = new RegExp(
  `(?:[(\\uff08][+\\uff0b]|[+\\uff0b][(\\uff08]?|[(\\uff08])?[${DIGIT}][${ALNUM_AFTER}]*(?:(?:[ \\u3000]{1,2}|[\\-\\uff0d\\u2014]|[)\\uff09][ \\u3000]?)[${DIGIT}][${ALNUM_AFTER}]*)*`,
  'g',
);

/** Label words that mark a resident ID number, including the typos that still mark it (身分证, 身份正). */
const ID_LABEL =
  /(身[份分][证正]?|身[份分]?[证正]|公民身份号码|证件号码?|身份证件号码?|证件号)[^\n。；]{0,8}$/;
/** Labels of numbers that are kept: an organisation's codes, licences, certificates, documents, case files. */
const KEEP_LABEL =
  /(信用代码|注册号|执照|许可证|执业证|执法证|资格证|证书编码|证号|编号|文号|编码|登记号|病案号|批准号|批件|案号|房间号|工号|报告)[^\n。；，]{0,6}$/;
/** Context of the authority's own fine-collection account and contacts, which are published. */
const AUTHORITY_CONTEXT =
  /(财政局|非税|汇缴|国库|代收银行|指定银行|本机关|本委|我委|卫生健康委员会|卫生监督所|卫生健康局|综合行政执法|执法支队|执法大队|监督执法)/;
/** The fine-collection account (published): the treasury, the non-tax revenue account, the collecting bank. */
const FINE_ACCOUNT_CONTEXT =
  /(财政局|财政|非税|汇缴|国库|代收银行|指定银行|本机关账户|本委账户|缴纳罚款|缴纳罚没款|罚没款|缴款账户)/;
/** A person's own account in the same sentence (以其个人银行卡缴纳罚款): not the fine-collection account. */
const PERSONAL_ACCOUNT = /个人|本人|其银行卡|微信|支付宝|退还|退回|返还|退至|你提供|其提供|当事人提供/;
const BANK_LABEL =
  /(银行卡|信用卡|储蓄卡|借记卡|工资卡|存折|卡号|账号|帐号|账户|帐户|开户行|银行)[^\n。；]{0,12}$/;
/** An account named after its number (转入其6222 0212 … 账户, …银行卡（开户行…）): the word that follows marks it. */
const BANK_AFTER =
  /^[\s\u3000]*(?:银行)?(?:账户|帐户|银行卡|储蓄卡|借记卡|信用卡|存折|卡[内上中（(])|^[\s\u3000]*[（(][\u4e00-\u9fa5]{2,10}银行[）)]/;
/** Money moved into a number (款项转入当事人6228 …): a transfer names an account, whatever its check digit. */
const BANK_TRANSFER = /(?:转入|汇入|转至|汇至|存入|打入|转账至|转账到)[^\n。；0-9]{0,8}$/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isResidentId(v: string): boolean {
  return (
    /^\d{17}[\dX]$/.test(v) && isValidBirthDate(v.slice(6, 14)) && residentCheckChar(v.slice(0, 17)) === v[17]
  );
}

export function isOldResidentId(v: string): boolean {
  return /^\d{15}$/.test(v) && isValidBirthDate('19' + v.slice(6, 12));
}

function isUscc(v: string): boolean {
  return v.length === 18 && usccCheckChar(v.slice(0, 17)) === v[17];
}

function isRegNo(v: string): boolean {
  return /^\d{15}$/.test(v) && regNoCheckDigit(v.slice(0, 14)) === v[14];
}

/** The line the offset is on, up to the offset. */
function lineBefore(text: string, at: number, max = 60): string {
  const from = Math.max(0, at - max);
  const chunk = text.slice(from, at);
  const nl = chunk.lastIndexOf('\n');
  return (nl >= 0 ? chunk.slice(nl + 1) : chunk).replace(/[\s\u3000]/g, '');
}

/**
 * The authority's own contact lines, by where they stand (fallback when the settings give no contacts): a line in
 * which the authority names itself before the number (（本局地址：…；联系电话：…）, 发送至本局电子邮箱…), or a
 * 联系电话/电子邮箱 line right under the officers' line (承办人：… / 执法人员：… / 联系人：…).
 */
function authorityLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at);
  // The authority names itself in the number's own clause (本委邮箱A，邮件来自B: B is someone else's).
  const clause = line.slice(
    Math.max(line.lastIndexOf('，'), line.lastIndexOf('。'), line.lastIndexOf(',')) + 1,
  );
  if (
    /(?:本局|本委|本机关|我局|我委)(?:地址|电话|联系电话|电子邮箱|邮箱|[^，。\n]{0,6}(?:地址|电话|邮箱))/.test(
      clause,
    )
  )
    return true;
  if (!/^[（(]?(?:联系电话|电话|联系方式|电子邮箱|邮箱)[：:]/.test(line.replace(/^[\s\u3000]+/, '')))
    return false;
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  return /^[\s\u3000]*(?:承办人|执法人员|联系人|经办人)[：:]/.test(text.slice(prevStart, lineStart));
}

/**
 * An organisation's own contact line in the party block (法定代表人：… / 地址：… / 联系电话：landline): the unit's
 * published business number, kept like its address. Not when the block describes a natural person (性别, 身份证).
 */
function organisationLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^[\s\u3000]*(?:联系电话|电话|联系方式|办公电话|单位电话)[：:]/.test(text.slice(lineStart, at)))
    return false;
  let from = lineStart;
  for (let i = 0; i < 4 && from > 0; i++) from = text.lastIndexOf('\n', from - 2) + 1;
  const block = text.slice(from, lineStart);
  return (
    /法定代表人|主要负责人|负责人|统一社会信用代码/.test(block) && !/性别|身份证|[，,][男女][，,]/.test(block)
  );
}

function span(start: number, end: number, kind: Exclude<RedactionKind, 'name'>): Span {
  return { start, end, kind, replacement: REPLACEMENT_LABELS[kind], source: 'pattern' };
}

export interface PatternFindings {
  removals: Span[];
  highlights: Span[];
}

/**
 * Where the authority's own numbers are known: the closing notice's offset, and which kinds the legal settings give
 * (RedactOptions.keep). A kind given there is kept only by that list (authority.ts); the words around a number are
 * the fallback for a kind the settings leave empty, since they also keep a person's number the authority is named
 * near (经本委核实：…弟弟黄某（电话…）, 退还至你提供的账户).
 */
interface NumberContext {
  remediesAt: number;
  phonesGiven: boolean;
  accountsGiven: boolean;
}

function classifyNumber(
  text: string,
  start: number,
  end: number,
  out: PatternFindings,
  ctx: NumberContext,
): void {
  const { remediesAt } = ctx;
  const raw = text.slice(start, end);
  const v = [...raw]
    .map(foldWidth)
    .join('')
    .replace(/[^0-9X+]/g, '');
  const digits = v.replace(/^\+/, '');
  if (digits.length < 7) return;
  const before = lineBefore(text, start);
  const prev = start > 0 ? foldWidth(text[start - 1]!) : '';
  const next = end < text.length ? foldWidth(text[end]!) : '';
  // Part of a longer code with letters (PDY00001250010115A1001, 91500101E2JX004023): not a personal number.
  if (/[A-Z]/.test(prev) || /[A-WYZ]/.test(next)) return;
  const idLabelled = ID_LABEL.test(before);
  if (idLabelled && digits.length >= 14 && digits.length <= 19)
    return void out.removals.push(span(start, end, 'idNumber'));
  if (isResidentId(digits)) {
    if (KEEP_LABEL.test(before) && isUscc(digits)) return;
    return void out.removals.push(span(start, end, 'idNumber'));
  }
  if (digits.length === 15 && isOldResidentId(digits) && !KEEP_LABEL.test(before)) {
    if (isRegNo(digits)) {
      out.highlights.push({
        ...span(start, end, 'idNumber'),
        reason: '15位数字：可能是旧身份证号，也可能是工商注册号，请核对',
      });
      return;
    }
    return void out.removals.push(span(start, end, 'idNumber'));
  }
  // The authority's own numbers: named on the same line, or on a contact line after the remedies notice.
  const closing =
    /^(?:本局|本委|本机关)?(联系人|联系电话|联系方式|电话|地址|本机关)/.test(before) &&
    remediesAt >= 0 &&
    remediesAt < start;
  // The issuing authority's contact block (联系人：officer 联系电话：landline; 承办人：… 电话：…): its landline.
  const contactBlock = /^(?:本机关)?(?:联系人|承办人|经办人)[：:]/.test(before);
  // The authority named in the same sentence (an earlier sentence's 向本委投诉 says nothing about this number).
  const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1);
  // …and named for this number: in its own clause, or in the clause before a bare label (本委监督科，电话：…). An
  // authority acting earlier in the sentence (经本委调查核实：…弟弟黄某（…，电话…）) says nothing of the number.
  const clauses = sentence.split(/[，,（(]/);
  const own = clauses[clauses.length - 1]!;
  const authority =
    !ctx.phonesGiven &&
    (AUTHORITY_CONTEXT.test(own) ||
      (/^(?:联系|举报|投诉|咨询)?(?:电话|方式|邮箱)[：:]?$/.test(own) &&
        AUTHORITY_CONTEXT.test(clauses[clauses.length - 2] ?? '')) ||
      closing ||
      authorityLine(text, start));
  // The fine-collection account's sentence runs to the full stop (户名：…财政局；账号：…).
  const fineSentence = before.slice(before.lastIndexOf('。') + 1);
  const mobile = /^(?:0086|86)?1[3-9]\d{9}$/.test(digits);
  // A landline with its extension after a dash (0758-2231456-12): the number as a whole, extension included.
  const extension = /^(.*\d)[-－—](\d{1,5})$/.exec(raw);
  const landline =
    (/^(?:0086|86)?0\d{2,3}\d{7,8}$/.test(digits) && digits.length <= 14) ||
    (!!extension && /^0\d{2,3}\d{7,8}$/.test(extension[1]!.replace(/[^0-9]/g, ''))) ||
    // dialled from abroad: +86 and the area code without its 0 (+86 758 2231456, +86-20-87654321)
    (/^[（(]?[+＋]|^0086/.test(raw.trim()) &&
      /^(?:0086|86)[1-9]\d{8,10}$/.test(digits) &&
      !/^(?:0086|86)1/.test(digits));
  // A number dialled from abroad (+852 9123 4567, 00853 6612 3456): any international number of a person.
  const international =
    /^[（(]?(?:[+＋]|00)/.test(raw.trim()) && !/^(?:0086|86)/.test(digits) && /^\d{8,15}$/.test(digits);
  if (international && !authority) return void out.removals.push(span(start, end, 'phone'));
  if (mobile || landline) {
    if (landline && (authority || contactBlock || organisationLine(text, start))) return;
    if (KEEP_LABEL.test(before) && !/电话|手机|联系/.test(before.slice(-8))) return;
    return void out.removals.push(span(start, end, 'phone'));
  }
  if (/^\d{7,8}$/.test(digits) && /(电话|手机|联系方式|联系)[^\n。；]{0,3}$/.test(before) && !authority) {
    return void out.removals.push(span(start, end, 'phone'));
  }
  if (digits.length >= 12 && digits.length <= 30 && /^\d+$/.test(digits)) {
    if (KEEP_LABEL.test(before) || isUscc(digits)) return;
    if (
      !ctx.accountsGiven &&
      ((FINE_ACCOUNT_CONTEXT.test(fineSentence) && !PERSONAL_ACCOUNT.test(fineSentence)) || closing)
    )
      return;
    const after = text.slice(end, end + 8);
    if (
      BANK_LABEL.test(before) ||
      BANK_AFTER.test(after) ||
      BANK_TRANSFER.test(before) ||
      (digits.length >= 16 && digits.length <= 19 && luhn(digits))
    ) {
      // The bank written straight before the number (招商银行6214 …, 中国建设银行 6217 …) goes with it.
      const bank = /(?:中国)?[\u4e00-\u9fa5]{2,6}银行[ \u3000]?$/.exec(
        text.slice(Math.max(0, start - 10), start),
      );
      // …from after the last word that is not the bank's (转账至其招商银行: 招商银行).
      const cut = bank
        ? Math.max(...[...'至其的入到在和与往向给为用'].map((c) => bank[0].lastIndexOf(c)))
        : -1;
      const name = bank ? bank[0].slice(cut + 1) : '';
      return void out.removals.push(span(start - name.length, end, 'bankAccount'));
    }
  }
}

/** Passports and travel permits: letters and digits after their label (E12345678, C12345678). */
const PASSPORT =
  /(?:护照|通行证|回乡证|台胞证|旅行证)[^\n。；0-9A-Za-z]{0,8}?(?:号码|号)?[：:\s]*([A-Z]{1,2}\d{7,9})(?![0-9A-Z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const WECHAT =
  /(?:微信号?|WeChat|wechat|VX|vx|Vx|V信|v信|薇信|威信|微信ID)[\s:：（(]*(?:为|是)?[\s:：]*([A-Za-z][-_A-Za-z0-9]{5,19})/g;
const PLATE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][ \u3000]?[A-HJ-NP-Z][·・•\s]?(?:[DF][·・•\s])?[A-HJ-NP-Z0-9]{4,6}[A-HJ-NP-Z0-9挂学警港澳领试超](?![A-Za-z0-9])/g;
/**
 * Property certificates in every numbering style: 渝（2019）万州区不动产权第0012345号 (year in any bracket),
 * X房权证字第2015-03412号, 房产证号/产权证号/土地证号/不动产权证书号：…, 国用（2010）第123号. The number may be grouped
 * with hyphens.
 */
const CERT_NO = '(?:[A-Z]{1,2}[\\-－—]?)?\\d[\\d\\-－—]{2,18}\\d';
const PROPERTY = new RegExp(
  [
    `[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][（(〔\\[【]\\d{4}[）)〕\\]】][\\u4e00-\\u9fa5]{0,12}不动产(?:权|证明)第?${CERT_NO}号`,
    `[\\u4e00-\\u9fa5]{0,8}(?:房权证|房产证|房地证|土地证|国用|集用|房屋所有权证|产权证|不动产权证书?|不动产证|不动产登记证明)(?:号码|编号|书号|号)?[：:\\s]*(?:为|是)?[\\u4e00-\\u9fa5（）()〔〕\\d]{0,12}?第?${CERT_NO}(?![\\d）)〕])号?`,
  ].join('|'),
  'g',
);

/**
 * 不动产单元号 (GB/T 37346): 28 characters, 12 digits of the cadastral zone, 2 letters of the parcel, 5 digits, the
 * building letter and 8 digits of the unit. A property's own number: removed like its certificate.
 */
const UNIT_NO = /(?<![0-9A-Za-z])\d{12}[A-Z]{2}\d{5}[A-Z]\d{8}(?![0-9A-Za-z])/g;

/**
 * A number after an ID label, read whole even with typos (O/o for 0, l/I for 1, full-width, spaces, a digit too many
 * or too few) or masked with * runs: 身份证号：500107196507O81133, 公民身份号码：5001061991****3676.
 */
const LABELLED_ID =
  /(?:身[份分]证(?:件)?(?:号码|号)?|公民身份(?:号码|证号)|证件号码?)(?:[：:]|为|是|[ \u3000])*([0-9０-９OoIlｌＯｏ*＊xXＸｘ](?:[0-9０-９OoIlｌＯｏ*＊xXＸｘ]|[ \u3000](?=[0-9０-９*＊])){13,22})(?![0-9A-Za-z０-９])/g;
/** A masked resident ID without a label: 6 region digits, a birth year, then digits and a * run, 18 in all. */
const MASKED_ID =
  /(?<![0-9A-Za-z*＊])[1-8]\d{5}(?:19|20)\d{2}(?=[\d*＊]{7}[\dXx*＊](?![0-9A-Za-z*＊]))(?=[\d]{0,6}[*＊]{2})[\d*＊]{7}[\dXx*＊]/g;

/**
 * Digit groups joined by one separator each (hyphen, dash, space, dot, middle dot): an ID number written in any
 * grouping (6-8-4, 6-4-4-4, 3-3-4-4-4, 620502.19900617.2804). Read by the groups, so a following bracket or date
 * (…2804）2026年) never joins it.
 */
const DIGIT_GROUPS =
  /(?<![0-9０-９A-Za-z.．])[0-9０-９]{1,8}(?:(?:[-－—.．·・]|[ \u3000]{1,2})[0-9０-９]{1,8}){1,6}[xXＸｘ]?(?![0-9０-９A-Za-z])/g;

function groupedIds(text: string, out: PatternFindings): void {
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const groups = [...m[0].matchAll(/[0-9０-９]+[xXＸｘ]?/g)];
    const before = lineBefore(text, m.index!);
    const labelled = ID_LABEL.test(before);
    // A phone written with dots (138.0000.0000, 0938.272.6315 after a phone label): the number token does not read
    // dots (they are decimals there); hyphens and spaces are read by it.
    if (/[.．·・]/.test(m[0])) {
      const all = groups.map((g) => [...g[0]].map(foldWidth).join('')).join('');
      if (
        /^1[3-9]\d{9}$/.test(all) ||
        (/^0\d{9,11}$/.test(all) && /(电话|手机|联系)[^\n。；]{0,6}$/.test(before))
      ) {
        out.removals.push(span(m.index!, m.index! + m[0].length, 'phone'));
        continue;
      }
    }
    // The run of consecutive groups that makes a resident ID (valid check character, or an ID label before it).
    search: for (let i = 0; i < groups.length; i++) {
      let v = '';
      for (let j = i; j < groups.length; j++) {
        v += [...groups[j]![0]].map(foldWidth).join('').toUpperCase();
        if (v.length > 18) break;
        const fits =
          isResidentId(v) ||
          (labelled && /^\d{17}[\dX]$/.test(v) && isValidBirthDate(v.slice(6, 14))) ||
          (j > i && v.length === 15 && isOldResidentId(v) && !isRegNo(v));
        if (fits && j > i) {
          const start = m.index! + groups[i]!.index!;
          const end = m.index! + groups[j]!.index! + groups[j]![0].length;
          out.removals.push(span(start, end, 'idNumber'));
          break search;
        }
      }
    }
  }
}

function labelledIds(text: string, out: PatternFindings): void {
  groupedIds(text, out);
  for (const m of text.matchAll(LABELLED_ID)) {
    const body = m[1]!;
    const folded = [...body]
      .map(foldWidth)
      .join('')
      .replace(/[ \u3000]/g, '')
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1');
    const digits = folded.replace(/[^0-9]/g, '').length;
    // An ID with typos: 17 to 19 characters; masked: at least 10 digits left (5001061991****3676).
    const masked = /\*{2,}/.test(folded);
    if (!/^[0-9*][0-9*]*[0-9X*]$/.test(folded)) continue;
    if (
      masked
        ? digits < 8 || folded.length < 14 || folded.length > 19
        : folded.length < 17 || folded.length > 19
    )
      continue;
    const start = m.index! + m[0].length - body.length;
    out.removals.push(span(start, start + body.length, 'idNumber'));
  }
  for (const m of text.matchAll(MASKED_ID))
    out.removals.push(span(m.index!, m.index! + m[0].length, 'idNumber'));
}

/**
 * QQ numbers after QQ/扣扣/企鹅号: no kind of their own exists, so they are removed as `wechat` (a social account id,
 * replaced by the same 〔社交账号〕-style label).
 */
const QQ = /(?:QQ|qq|Ｑ Ｑ|ＱＱ|扣扣|企鹅号)(?:号码|号|账号)?(?:[\s:：]|为|是)*([1-9][0-9]{4,11})(?![0-9])/g;

/** A mobile written with its middle masked (138****5678): still a person's number in part. */
const MASKED_MOBILE = /(?<![0-9])1[3-9]\d[*＊]{4}\d{4}(?![0-9])/g;
/** A card or account with its middle masked after an account label (卡号：6222 **** **** 1234). */
const MASKED_ACCOUNT =
  /(?:银行卡|卡号|账号|帐号|账户|帐户)[^\n。；0-9]{0,8}?[：:\s]*(?:为|是)?[：:\s]*(\d{4,6}(?:[ -]?[*＊]{2,})+[ -]?\d{3,4})(?![0-9])/g;

/** Labels of numbers that are things, not people: batches, approvals, models, serials, samples, reports, standards. */
const THING_LABEL =
  /(?:批号|批次|准字|注准|备字|械备|型号|序列号|出厂|样品|规格|单号|订单|版本|标准|条码|货号|检测|报告|证号|编号|号码为|分别为|依次为|[A-Za-z])[^\n。；]{0,24}$/;
/**
 * Units, dates and places after a number: an amount, a date, a room (31200元, 2026年, 1102室). No measure words: a count
 * of eight digits is rare, and 支/张 start verbs (支付, 张贴) after a card number.
 */
const THING_AFTER =
  /^[ \u3000]?(?:元|万|亿|余|多|年|月|日|时|分|秒|号|室|栋|幢|楼|层|米|平方|吨|千克|公斤|kg|g|克|毫|mg|ml|mL|L|升|℃|%|‰|mSv|μ|u|cfu|CFU|dB|×)/;

/**
 * A number of eight digits or more that no rule explained: highlighted for the reviewer unless its label or unit says
 * it is a thing's (a batch, an amount, a date). Not removed: officers' certificate numbers, a unit's landline and the
 * authority's accounts look the same, and the requirement keeps them; a spelling the rules do not know still reaches a
 * person's eyes before anything is public.
 */
function unexplained(text: string, start: number, end: number, out: PatternFindings): void {
  const digits = [...text.slice(start, end)]
    .map(foldWidth)
    .join('')
    .replace(/[^0-9]/g, '');
  if (digits.length < 8) return;
  const before = lineBefore(text, start);
  if (KEEP_LABEL.test(before) || THING_LABEL.test(before) || THING_AFTER.test(text.slice(end, end + 4)))
    return;
  if (/^(?:19|20)\d{2}[01]\d[0-3]\d/.test(digits)) return; // a date written 20260301
  if (isUscc(digits) || isRegNo(digits)) return;
  out.highlights.push({
    ...span(start, end, digits.length >= 15 ? 'bankAccount' : 'phone'),
    reason: '未能识别的号码，请核对是否为个人信息（证件号、电话、账号等）',
  });
}

export function findPatterns(text: string, keep: RedactOptions['keep'] = undefined): PatternFindings {
  const out: PatternFindings = { removals: [], highlights: [] };
  labelledIds(text, out);
  // The closing notice of rights (复议, 诉讼, or a 告知书's 听证 and 陈述、申辩): the contact lines after it are the
  // authority's own.
  const ctx: NumberContext = {
    remediesAt: text.search(/行政复议|行政诉讼|举行听证|要求听证|陈述[、和]申辩/),
    phonesGiven: !!keep?.phones?.length,
    accountsGiven: !!keep?.accounts?.length,
  };
  const emailsGiven = !!keep?.emails?.length;
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    let start = m.index!;
    let end = start + m[0].length;
    // A trailing hyphen or space is not part of the number; a leading bracket is (（023）).
    while (end > start && /[\s\u3000\-－—]/.test(text[end - 1]!)) end--;
    if (/[(（]/.test(text[start]!) && !/[)）]/.test(m[0])) start++;
    const before = out.removals.length + out.highlights.length;
    classifyNumber(text, start, end, out, ctx);
    // An extension after a landline or mobile (…2231456转806, 分机12) belongs to the number.
    const last = out.removals[out.removals.length - 1];
    if (out.removals.length + out.highlights.length > before && last?.kind === 'phone' && last.end === end) {
      const ext = /^(?:转|分机|ext\.?|EXT\.?)[0-9０-９]{1,5}(?![0-9０-９])/.exec(text.slice(end, end + 12));
      if (ext) last.end = end + ext[0].length;
    }
    if (out.removals.length + out.highlights.length > before) continue;
    // Nothing as a whole: two numbers written side by side (手机 13800000000 13900000000) are read one by one.
    if (/[ \u3000]/.test(text.slice(start, end))) {
      for (const part of text.slice(start, end).matchAll(/[^ \u3000]+/g)) {
        classifyNumber(text, start + part.index!, start + part.index! + part[0].length, out, ctx);
      }
    }
    if (out.removals.length + out.highlights.length === before) unexplained(text, start, end, out);
  }
  for (const m of text.matchAll(PASSPORT)) {
    const s = m.index! + m[0].length - m[1]!.length;
    out.removals.push(span(s, s + m[1]!.length, 'idNumber'));
  }
  for (const m of text.matchAll(EMAIL)) {
    // A government domain's mailbox (….gov.cn) is an institution's published address, not a person's.
    if (/\.gov\.cn$/i.test(m[0]) || (!emailsGiven && authorityLine(text, m.index!))) continue;
    out.removals.push(span(m.index!, m.index! + m[0].length, 'email'));
  }
  for (const m of text.matchAll(WECHAT)) {
    const s = m.index! + m[0].length - m[1]!.length;
    out.removals.push(span(s, s + m[1]!.length, 'wechat'));
  }
  for (const m of text.matchAll(MASKED_MOBILE))
    out.removals.push(span(m.index!, m.index! + m[0].length, 'phone'));
  for (const m of text.matchAll(MASKED_ACCOUNT)) {
    const s = m.index! + m[0].length - m[1]!.length;
    out.removals.push(span(s, s + m[1]!.length, 'bankAccount'));
  }
  for (const m of text.matchAll(QQ)) {
    const s = m.index! + m[0].length - m[1]!.length;
    out.removals.push({ ...span(s, s + m[1]!.length, 'wechat'), replacement: '［QQ号已隐去］' });
  }
  for (const m of text.matchAll(UNIT_NO))
    out.removals.push(span(m.index!, m.index! + m[0].length, 'propertyCert'));
  for (const m of text.matchAll(PLATE)) out.removals.push(span(m.index!, m.index! + m[0].length, 'plate'));
  for (const m of text.matchAll(PROPERTY)) {
    // The label before the number (房屋产权证号) stays: cut the match after it.
    const label = /^[\u4e00-\u9fa5]*?(?:(?:证号|编号|号码|证书号)[：:\s]*|证[：:]\s*)(?:为|是)?/.exec(m[0]);
    let start = m.index! + (label && label[0].length < m[0].length - 6 ? label[0].length : 0);
    // The words before the certificate's own prefix (持, 其持有的 …) are not part of it: 持粤房地证字第… starts at 粤.
    const head = /^[\u4e00-\u9fa5]*?(?=房权证|房产证|房地证|土地证|国用|集用)/.exec(
      text.slice(start, m.index! + m[0].length),
    );
    const cut = head ? Math.max(...[...'的持其有为是及和与'].map((c) => head[0].lastIndexOf(c))) : -1;
    if (cut >= 0) start += cut + 1;
    out.removals.push(span(start, m.index! + m[0].length, 'propertyCert'));
  }
  return out;
}
