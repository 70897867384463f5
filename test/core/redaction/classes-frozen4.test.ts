/**
 * PUB-7 (法释〔2016〕19号 redaction practice): the classes of personal data the fourth frozen half (frozen-4) showed
 * missing or wrongly removed, each with new wording (not a corpus sentence): identifiers in every spelling a Chinese
 * document uses, health that is a person's and not an institution's activity, role-less and weak-surname names next
 * to places and brands, family finances without a speaking verb.
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);
const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);

/** Valid check digits (GB 11643): 110105198803124517, 430524197609090035. */
describe('identifiers: every spelling of each kind', () => {
  it.each([
    // ID numbers in any grouping, with or without a label when the check digit is valid
    ['证人身份证：110105-19880312-4517。', 'idNumber', '110105-19880312-4517'],
    ['登记号码 110105 1988 0312 4517，', 'idNumber', '110105 1988 0312 4517'],
    ['证件 1101.0519.8803.1245.17 附后', 'idNumber', '1101.0519.8803.1245.17'],
    ['（430524-19760909-0035）2025年', 'idNumber', '430524-19760909-0035'],
    ['公民身份号码：430524 197609 090036。', 'idNumber', '430524 197609 090036'],
    // property certificates in every numbering style
    ['房屋所有权证：岳房权证字第2019-00871号，', 'propertyCert', '岳房权证字第2019-00871号'],
    ['持湘（2021）岳阳市不动产权第0034567号证书', 'propertyCert', '湘（2021）岳阳市不动产权第0034567号'],
    ['房产证号：20180456，', 'propertyCert', '20180456'],
    ['产权证号：2020-1187。', 'propertyCert', '2020-1187'],
    ['土地证号：岳国用（2012）第0789号。', 'propertyCert', '岳国用（2012）第0789号'],
    // plates: new-energy (8 characters) and special suffixes
    ['驾驶湘FD56789赴现场', 'plate', '湘FD56789'],
    ['一辆湘F1234挂停放', 'plate', '湘F1234挂'],
    ['教练车湘A0123学在场', 'plate', '湘A0123学'],
    // bank accounts and cards after any account label, in any grouping
    ['收款账户：4301-0100-0123-4567-890，', 'bankAccount', '4301-0100-0123-4567-890'],
    ['帐号 43010100 01234567 890', 'bankAccount', '43010100 01234567 890'],
    ['其卡号为6228 4801 2345 6789 012。', 'bankAccount', '6228 4801 2345 6789 012'],
    ['银行卡号：6228 **** **** 0123，', 'bankAccount', '6228 **** **** 0123'],
    // phones in every spelling
    ['手机：135.1234.5678。', 'phone', '135.1234.5678'],
    ['电话0730—8812345，', 'phone', '0730—8812345'],
    ['联系方式（0730）8812345。', 'phone', '（0730）8812345'],
    ['手机+86 135 1234 5678。', 'phone', '+86 135 1234 5678'],
    ['尾号为135****5678的手机', 'phone', '135****5678'],
    // QQ numbers: no kind of their own, removed as a social account id (kind `wechat`)
    ['其QQ：2873456612，', 'wechat', '2873456612'],
    ['扣扣号 56123498。', 'wechat', '56123498'],
  ])('%s', (text, kind, value) => {
    expect(removed(text)).toContainEqual([kind, value]);
  });

  it('says QQ in the replacement, not WeChat', () => {
    expect(publish('QQ号：2873456612。')).toBe('QQ号：［QQ号已隐去］。');
  });

  it.each([
    '客服热线400-820-1234，',
    '服务电话800 810 5678。',
    '可拨打12345市民热线或12320卫生热线。',
    '罚款3.5万元，于2025.03.18前缴清。',
  ])('keeps business lines, hotlines, amounts and dates: %s', (text) => {
    expect(publish(text)).toBe(text);
  });
});

describe("health: a person's condition, not an institution's activity", () => {
  it.each([
    '诊所未将其转诊至艾滋病定点医疗机构。',
    '学校未组织新生入学肺结核筛查。',
    '术后由护士郝某负责护理。',
  ])('keeps %s', (text) => {
    expect(redact(text, []).removals.filter((r) => r.kind === 'health')).toEqual([]);
  });

  it.each([
    ['操作工人在冲压时左手拇指离断伤，', '左手拇指离断伤'],
    ['其父亲因坠落致截瘫，', '因坠落致截瘫'],
    ['顾客詹秀芳（哺乳期）在文眉后', '哺乳期'],
    ['孕妇鲍红梅（妊娠14周，系第二胎）在场', '妊娠14周，系第二胎'],
    ['职工晏立新血常规检查结论为白细胞减少，需复查。', '白细胞减少，需复查'],
    ['工人邵国强尿铅、血铅增高', '血铅增高'],
    ['放射工作人员芮晓东个人剂量为Hp(10) 6.12 mSv，', 'Hp(10) 6.12 mSv'],
    ['病历载有“莫春华 小三阳”字样', '小三阳'],
    ['患者寇志刚于3月2日行阑尾切除术，', '阑尾切除术'],
    ['因发热、咳嗽两周，夜间盗汗就诊', '盗汗'],
  ])('removes the health detail in %s', (text, part) => {
    expect(publish(text)).not.toContain(part);
    expect(publish(text)).toContain('［健康信息已隐去］');
  });

  it.each(['用人单位不得安排哺乳期女职工从事接触苯的作业。', '怀孕期间的女职工不得从事放射作业。'])(
    'keeps a rule about a class of people, naming nobody: %s',
    (text) => {
      expect(publish(text)).toBe(text);
    },
  );
});

describe('names: role-less and weak-surname names, kept places and brands', () => {
  it.each([
    ['院办科长尚书平证实', '尚书平'],
    ['口腔科主任蓝海洋确认', '蓝海洋'],
    ['保健医万丽（电话另附）', '万丽'],
    ['电焊工谷满山连续三年未体检', '谷满山'],
    ['透析患者宗立平、米兰、谷丰收先后感染', '谷丰收'],
    ['入户时全新、黎小梅二人在家', '黎小梅'],
    ['。曾经伟陪同检查人员进入库房', '曾经伟'],
    ['浴客尚真（9岁）溺水', '尚真'],
  ])('removes the name in %s', (text, name) => {
    expect(publish(text)).not.toContain(name);
  });

  it('highlights for review a name after an organisation whose given name is unusual (居委会曾繁荣的协助下)', () => {
    const text = '在居委会曾繁荣的协助下补办了手续。';
    const { removals, highlights } = redact(text, []);
    const marked = [...removals, ...highlights].map((s) => text.slice(s.start, s.end));
    expect(marked).toContain('曾繁荣');
  });

  it.each([
    '当事人：四川蓝天建材有限公司',
    '现场有“李宁”牌运动鞋、“张小泉”牌剪刀和“王致和”腐乳。',
    '该店曾多次被投诉，曾先后整改。',
    '货架上有老干妈辣酱。',
  ])('keeps %s', (text) => {
    expect(redact(text, []).removals.filter((r) => r.kind === 'name')).toEqual([]);
  });
});

describe('finances: statements with or without a speaking verb', () => {
  it.each([
    ['其妻子去年病故后独居，每月仅靠养老金900元度日。', '养老金900元'],
    ['当事人表示为给母亲看病已向亲友借款3万元，至今无力偿还。', '借款3万元'],
    ['经了解，其离婚后独自抚养孙女，每月还需偿还房贷2600元。', '房贷2600元'],
  ])('removes %s', (text, part) => {
    expect(publish(text)).not.toContain(part);
    expect(publish(text)).toContain('［');
  });

  it('keeps the fine and the unlawful income', () => {
    const text = '没收违法所得3000元，并处罚款2万元。';
    expect(publish(text)).toBe(text);
  });
});

describe("the authority's own contact lines without configuration (the context rule, fallback)", () => {
  it('keeps the landline, mailbox and fine account where the authority names itself or under the officers', () => {
    const text =
      '请于十五日内缴纳罚款（户名：岳阳市云溪区财政局；账号：1905 0201 0900 1234 5）。\n' +
      '（本局地址：岳阳市云溪区云溪大道8号；联系电话：0730-8412345；电子邮箱：yxwjj@126.com）\n' +
      '承办人：郝立军、单小燕\n联系电话：0730-8412346\n' +
      '投诉人手机13607301234，邮箱zhangli@126.com，其座机0730-8415678。';
    expect(publish(text)).toBe(
      text
        .replace('郝立军', '郝某')
        .replace('单小燕', '单某')
        .replace('13607301234', '［电话号码已隐去］')
        .replace('zhangli@126.com', '［电子邮箱已隐去］')
        .replace('0730-8415678', '［电话号码已隐去］'),
    );
  });
});
