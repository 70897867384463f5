/**
 * PUB-7 (法释〔2016〕19号 redaction practice): a table of identifier spellings, family by family, written fresh (not
 * a corpus sentence), so that a spelling the corpus halves never showed is still read: phones with any country-code
 * wrapper and grouping, landlines with any bracket, dash and extension, property certificates with letters and
 * hyphens, 不动产单元号, ID numbers, cards, plates, e-mails with subdomains, WeChat and QQ ids. The look-alikes that must
 * stay (credit codes, registration and licence numbers, document numbers, 执法证号, hotlines, amounts, dates) follow.
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);
const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);

describe('identifier spellings: each family read in general, not by example', () => {
  it.each([
    // mobiles: country-code wrappers
    ['当事人手机(+86)139 2267 4410，', 'phone', '(+86)139 2267 4410'],
    ['联系电话（+86）15820147736。', 'phone', '（+86）15820147736'],
    ['电话：（＋86）186-0758-3321；', 'phone', '（＋86）186-0758-3321'],
    ['手机号+86-13712345678，', 'phone', '+86-13712345678'],
    ['号码0086 13412349876，', 'phone', '0086 13412349876'],
    ['其手机86-15011112222。', 'phone', '86-15011112222'],
    // mobiles: groupings 3-4-4, 3-3-5, 4-4-3 with spaces, dashes, dots, full width
    ['电话 177-2345-6789。', 'phone', '177-2345-6789'],
    ['手机：159 123 45678，', 'phone', '159 123 45678'],
    ['手机：1591 2345 678，', 'phone', '1591 2345 678'],
    ['手机：１３８　０７５８　２２１０。', 'phone', '１３８　０７５８　２２１０'],
    ['手机 188．0758．6612，', 'phone', '188．0758．6612'],
    ['手机号码为１３６－２２１１－０９８７。', 'phone', '１３６－２２１１－０９８７'],
    // landlines: area-code brackets, dash kinds, extensions
    ['住宅电话（0758）2231456，', 'phone', '（0758）2231456'],
    ['家中电话(020)8765-4321。', 'phone', '(020)8765-4321'],
    ['其电话0758－2231456转806，', 'phone', '0758－2231456转806'],
    ['电话：0758-2231456-12，', 'phone', '0758-2231456-12'],
    ['家属电话 0768 8123 456，', 'phone', '0768 8123 456'],
    ['其电话：+86 758 2231456，', 'phone', '+86 758 2231456'],
    ['境外拨打+86-20-87654321。', 'phone', '+86-20-87654321'],
    // property certificates: letters and hyphens in the number, any prefix
    ['持粤房地证字第D2218034号房产证', 'propertyCert', '粤房地证字第D2218034号'],
    ['房屋所有权证：高房权证字第A-1234号。', 'propertyCert', '高房权证字第A-1234号'],
    ['京(2020)朝阳区不动产权第0001234号', 'propertyCert', '京(2020)朝阳区不动产权第0001234号'],
    ['其持有的肇房权证端字第B0056789号', 'propertyCert', '肇房权证端字第B0056789号'],
    ['不动产单元号：441202001003GB00012F00010002，', 'propertyCert', '441202001003GB00012F00010002'],
    // ID numbers
    ['身份证号码：440102 19850621 0018，', 'idNumber', '440102 19850621 0018'],
    ['公民身份号码 44010219850621001８。', 'idNumber', '44010219850621001８'],
    // bank cards and accounts
    ['其个人银行卡 6217 0032 1000 4567 899 收款', 'bankAccount', '6217 0032 1000 4567 899'],
    ['收款账号：44050166-2211-0000-123，', 'bankAccount', '44050166-2211-0000-123'],
    // plates
    ['车牌号粤H·D12345的车辆', 'plate', '粤H·D12345'],
    ['驾驶粤HA1B23前往', 'plate', '粤HA1B23'],
    ['车牌粤 H12345停放', 'plate', '粤 H12345'],
    // e-mails with subdomains, WeChat and QQ ids
    ['邮箱li.xm@mail.zq-health.com.cn，', 'email', 'li.xm@mail.zq-health.com.cn'],
    ['电子邮箱：chen_88@vip.qq.com。', 'email', 'chen_88@vip.qq.com'],
    ['微信号：zq_wang1988，', 'wechat', 'zq_wang1988'],
    ['加其VX：Lin-doctor66。', 'wechat', 'Lin-doctor66'],
    ['QQ号码：1035566782，', 'wechat', '1035566782'],
    ['顾客通过其个人微信（lin_meiyan88）预约，', 'wechat', 'lin_meiyan88'],
    // an account named by the word after it, or by the transfer into it, whatever its check digit
    ['款项转入其6217 0032 1100 4455 667账户。', 'bankAccount', '6217 0032 1100 4455 667'],
    ['货款汇入6230 5211 8800 2231 004银行卡（开户行：某银行）', 'bankAccount', '6230 5211 8800 2231 004'],
    ['治疗费转账至当事人妻子6013821234567890123，', 'bankAccount', '6013821234567890123'],
  ])('%s', (text, kind, value) => {
    expect(removed(text)).toContainEqual([kind, value]);
  });

  it.each([
    '统一社会信用代码：91441202MA4UX8L52B，',
    '统一社会信用代码 12441200456789012X。',
    '注册号：441202000123456，',
    '医疗机构执业许可证登记号：PDY60012344120217A1002，',
    '卫生许可证号：粤卫公证字〔2023〕第0758A001号。',
    '文号：端卫罚〔2025〕12号，',
    '执法证号：44120190023、44120190031。',
    '可拨打12345热线或12320卫生热线，服务电话400-886-1234。',
    '罚款人民币13800元，没收违法所得1590.50元，',
    '于2025年3月18日、2025-04-21及2025.05.06三次检查，',
    '订单号202603150001234567的银行卡支付记录显示，',
    '当事人于2026年3月转入货款人民币12000元。',
  ])('keeps a look-alike: %s', (text) => {
    expect(publish(text)).toBe(text);
  });
});
