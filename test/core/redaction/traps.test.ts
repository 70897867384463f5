/**
 * PUB-7: the known traps. What must go goes (surnames that are common words, IDs behind a
 * mistyped label), what is kept stays (credit codes, registration numbers, licences, the authority's own contact
 * and fine account, company addresses, 健康证明, place and brand names, legal representatives).
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);

describe('what is removed', () => {
  it.each([
    ['执法人员于海波、应晓燕到场检查。', '执法人员于某、应某到场检查。'],
    ['证人曾晓在场。', '证人曾某在场。'],
    ['劳动者向明亮、谭老四、安大勇正在作业。', '劳动者向某、谭某、安某正在作业。'],
    ['委托代理人欧阳丽签字。', '委托代理人欧阳某签字。'],
    ['其母万秀珍陪同。', '其母万某陪同。'],
  ])('names after role words, through lists: %s', (text, expected) => {
    expect(publish(text)).toBe(expected);
  });

  it('a minor named as a third party goes whole, not as 张某', () => {
    expect(publish('当事人之子邓小乐（14岁）在柜台帮忙。')).toBe(
      '当事人之子［未成年人信息已隐去］（14岁）在柜台帮忙。',
    );
  });

  it.each([
    ['身分证号：50010119980921660９，', '［身份证号已隐去］'],
    ['身份正：500101196201018441，', '［身份证号已隐去］'],
    ['身份证号码：500101740121462，', '［身份证号已隐去］'],
    ['联系电话：023－58350844，', '［电话号码已隐去］'],
    ['邮箱：moxiaoyun@qq.com，', '［电子邮箱已隐去］'],
    ['微信号：hejianguo_1966，', '［微信号已隐去］'],
    ['银行卡号6217000300739832收款，', '［银行账号已隐去］'],
    ['车牌号渝F·A3562，', '［车牌号已隐去］'],
    ['不动产权证号为渝（2019）万州区不动产权第000123456号，', '［不动产权证号已隐去］'],
  ])('identifiers: %s', (text, label) => {
    expect(publish(text)).toContain(label);
  });

  it('a home address, health details and a statement of finances', () => {
    expect(publish('家住重庆市万州区天城镇龙井村4组。')).toBe('家住［住址已隐去］。');
    expect(publish('当事人在五桥街道百安路8号家中开设诊所。')).toBe('当事人在［住址已隐去］家中开设诊所。');
    expect(publish('当事人在五桥街道百安路8号开设诊所。')).toBe('当事人在五桥街道百安路8号开设诊所。');
    expect(publish('患者被诊断为职业性矽肺壹期。')).toContain('［健康信息已隐去］');
    expect(publish('当事人称其家庭月收入不足2000元，系低保户。')).toContain('［财产状况信息已隐去］');
  });
});

describe('what is kept', () => {
  it.each([
    '统一社会信用代码：915001012046408885',
    '统一社会信用代码：91500101E2JX004023',
    '注册号：500101402404022',
    '医师执业证书编码：110500101000123',
    '执法证号：50010120190123、50010120200456',
    '放射诊疗许可证（证号：渝万卫放证字〔2021〕第015号）',
    '万州卫医罚〔2026〕7号',
    '依据《中华人民共和国职业病防治法》第七十一条第（四）项的规定',
    '罚款人民币50000元',
    '2026年4月2日',
    '缴至重庆市万州区财政局非税收入汇缴结算户（账号：31-170101040012345）',
    '住所：重庆市万州区高笋塘街道白岩路56号1楼',
    '从业人员未取得有效健康合格证明',
    '在万州区周家坝街道天城大道检查',
    '当事人：重庆市万州区王老吉养生足浴店',
    '法定代表人：安国庆',
  ])('%s', (text) => {
    expect(publish(text)).toBe(text);
  });

  it('the authority contact line after the remedies notice is kept, the party’s phone above it is not', () => {
    const text = '电话：023-58402008\n可以申请行政复议或者提起行政诉讼。\n联系电话：023-58221234';
    expect(publish(text)).toBe(
      '电话：［电话号码已隐去］\n可以申请行政复议或者提起行政诉讼。\n联系电话：023-58221234',
    );
  });

  it('the legal representative is kept wherever named, as the 双公示 standard publishes them', () => {
    const text = '法定代表人：于光明\n诊所负责人于光明在询问笔录中签字确认，护士向雪在场。';
    expect(publish(text)).toBe('法定代表人：于光明\n诊所负责人于光明在询问笔录中签字确认，护士向某在场。');
  });

  it('keepNames keeps a name the caller publishes', () => {
    const text = '证人李明在场。';
    expect(applyRemovals(text, redact(text, [], { keepNames: ['李明'] }).removals)).toBe(text);
  });
});

describe('what the reviewer decides', () => {
  it('a 15-digit number that reads both as an old ID and as a registration number is highlighted, not removed', () => {
    // 500101740121463: birth date 1974-01-21 and a valid GS 15 check digit; under 注册号 it is kept outright.
    const text = '号码500101740121463。';
    const { removals, highlights } = redact(text, []);
    expect(removals).toEqual([]);
    expect(highlights.map((h) => [h.kind, text.slice(h.start, h.end)])).toEqual([
      ['idNumber', '500101740121463'],
    ]);
    expect(publish('注册号：500101740121463。')).toBe('注册号：500101740121463。');
  });
});
