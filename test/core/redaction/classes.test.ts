/**
 * PUB-7 (法释〔2016〕19号 redaction practice): the classes of personal data the engine was tuned for after the
 * second frozen half (frozen-2) showed them missing. Each case is new wording, not a corpus sentence: the rule
 * must hold for the class (any occupation ending in 工/员, any 百家姓 surname after a role word, any grouping of a
 * card number), not for the words it was found on.
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);

describe('names after role words, by class', () => {
  it.each([
    ['水电工韦德明未持证上岗。', '水电工韦某未持证上岗。'],
    ['收银员陈晓当场承认。', '收银员陈某当场承认。'],
    ['客房部经理苏建国陪同检查。', '客房部经理苏某陪同检查。'],
    ['小区业主黎红梅反映水质浑浊。', '小区业主黎某反映水质浑浊。'],
    ['患儿由其奶奶胡桂芝陪同就诊。', '患儿由其奶奶胡某陪同就诊。'],
    ['当事人雇用的杨立新负责配药。', '当事人雇用的杨某负责配药。'],
    ['同班组的彭大海、毛小军未体检。', '同班组的彭某、毛某未体检。'],
  ])('%s', (text, expected) => {
    expect(publish(text)).toBe(expected);
  });

  it('reads any occupation written with 人员 / 员 / 师 as a role word, and 人员为：', () => {
    expect(publish('当事人的护理人员卓雅、苗青均未取得护士执业证书。')).toBe(
      '当事人的护理人员卓某、苗某均未取得护士执业证书。',
    );
    expect(publish('质控员祝明辉提供了报告。本案调查人员为：陶然、卫东。')).toBe(
      '质控员祝某提供了报告。本案调查人员为：陶某、卫某。',
    );
  });

  it('reads a bracketed qualifier after a role word: the representative stays, the interviewee goes', () => {
    // 双公示: the legal representative is published, whatever bracket follows the role word.
    expect(publish('法定代表人（负责人）：滕建国。询问对象：符小红（美容师）。')).toBe(
      '法定代表人（负责人）：滕建国。询问对象：符某（美容师）。',
    );
  });

  it('tells a child by kinship from a minor: an age under 18 or 未满十六周岁 makes the minor', () => {
    expect(publish('当事人之子柴明在外务工。')).toBe('当事人之子柴某在外务工。');
    expect(publish('其女儿柴欣怡（8岁）在场。')).toBe('其女儿［未成年人信息已隐去］（8岁）在场。');
    expect(publish('为仲小兰实施手术。仲小兰系未满十六周岁的学生。')).not.toContain('仲');
    expect(publish('为仲小兰实施手术。仲小兰系未满十六周岁的学生。')).toContain(
      '［未成年人信息已隐去］系未满',
    );
  });

  it('reads a 百家姓 surname that is also a common word only where a name is expected', () => {
    // 冷 蓝 谷 温 秋 are surnames after a role word and in its list; elsewhere 冷藏, 全面, 通过 are words.
    expect(publish('执法人员温柔、秋月、冷冰对当事人进行检查。')).toBe(
      '执法人员温某、秋某、冷某对当事人进行检查。',
    );
    expect(publish('护士米小雨承认漏登。')).toBe('护士米某承认漏登。');
    expect(publish('执法人员通过调取监控，全面检查了冷藏设施。')).toBe(
      '执法人员通过调取监控，全面检查了冷藏设施。',
    );
  });

  it('follows a list through certificate numbers in brackets and along the signature line', () => {
    expect(publish('执法人员黄海（执法证号50010120190011）、石磊（执法证号50010120190012）到场。')).toBe(
      '执法人员黄某（执法证号50010120190011）、石某（执法证号50010120190012）到场。',
    );
    expect(publish('执法人员（签名）：黄海　石磊\n执法证号：50010120190011')).toBe(
      '执法人员（签名）：黄某　石某\n执法证号：50010120190011',
    );
  });

  it('ends a name before the words that follow one (姐妹, 发现, 双耳, 代签) and keeps three-character names whole', () => {
    expect(publish('学生罗梓萱、罗梓涵姐妹在场。')).toBe(
      '学生［未成年人信息已隐去］、［未成年人信息已隐去］姐妹在场。',
    );
    expect(publish('执法人员魏明亮发现门诊日志漏登。')).toBe('执法人员魏某发现门诊日志漏登。');
    expect(publish('知情同意书由孔德才代签。')).toBe('知情同意书由孔某代签。');
  });

  it('finds a name before 的/之 and a kinship word, and removes it wherever it occurs', () => {
    expect(publish('当事人为宫丽华取环。宫丽华的女儿在场。')).toBe('当事人为宫某取环。宫某的女儿在场。');
  });

  it('takes surnames the name tables lacked (邝 冼 於) and does not read 经查明 / 查实 as a name', () => {
    expect(publish('其母亲邝美玲当日告知班主任。')).toBe('其母亲邝某当日告知班主任。');
    expect(publish('患者冼志强、於海燕的诊断均已记录。')).toBe('患者冼某、於某的诊断均已记录。');
    expect(publish('经查明：当事人违法所得500元。经查实，当事人未取得许可。')).toBe(
      '经查明：当事人违法所得500元。经查实，当事人未取得许可。',
    );
  });
});

describe('bank cards and accounts (identifiers to 100%)', () => {
  it.each([
    ['卡号6228 4808 3016 6131 862收款', '6228'],
    ['银行卡：621700 0913909960302', '621700'],
    ['开户行：中国工商银行万州支行，账号 3100-0211-0902-4567-123', '3100'],
    ['通过6217000913909960302转账', '6217'],
  ])('%s', (text, digits) => {
    const out = publish(text);
    expect(out).toContain('［银行账号已隐去］');
    expect(out).not.toContain(digits);
  });

  it('a card is removed even when the authority was named in an earlier sentence or clause, its own account is kept', () => {
    expect(
      publish('肖某于6月22日向本委投诉。当事人通过收款账户（卡号6228 4808 3016 6131 862）收费。'),
    ).toContain('［银行账号已隐去］');
    const fine =
      '罚款缴至重庆市万州区财政局非税收入专户（开户行：中国建设银行重庆万州分行，账号：5000 1613 6000 5020 0618）。';
    expect(publish(fine)).toBe(fine);
    expect(publish('统一社会信用代码：915001017093428658')).toBe('统一社会信用代码：915001017093428658');
  });

  it('removes passport and permit numbers after their label', () => {
    expect(publish('护照号E12345678。')).toBe('护照号［身份证号已隐去］。');
  });

  it('reads two numbers written side by side one by one', () => {
    expect(publish('手机 13800000000  13983271045')).toBe('手机 ［电话号码已隐去］  ［电话号码已隐去］');
  });
});

describe('health information as whole condition phrases', () => {
  it.each([
    ['刘某称其左膝关节疼痛半年，未曾就医。', '左膝关节疼痛半年'],
    ['其体检结论为血小板减少，建议复查血常规，当事人仍安排其上岗。', '血小板减少，建议复查血常规'],
    ['学生在饮水后出现腹痛、腹泻等症状。', '出现腹痛、腹泻等症状'],
    ['患者的丙肝抗体检测阳性结果未登记。', '丙肝抗体检测阳性'],
    ['该孕妇已怀孕约二十周。', '怀孕约二十周'],
    ['术后切口感染化脓，被送医院。', '术后切口感染化脓'],
    ['焊工双耳听力下降，诊断为职业性轻度噪声聋。', '双耳听力下降，诊断为职业性轻度噪声聋'],
    ['为其中风后遗症行针灸治疗。', '中风后遗症'],
  ])('%s', (text, phrase) => {
    const out = publish(text);
    expect(out).toContain('［健康信息已隐去］');
    expect(out).not.toContain(phrase);
  });

  it('ends a condition before the person it describes and never swallows a name', () => {
    expect(publish('为患有慢性阻塞性肺疾病的老人贝桂香输液。')).toBe('为［健康信息已隐去］的老人贝某输液。');
  });

  it('keeps what is not anyone’s health: 健康证明, 体检合格, checks, equipment faults, law titles', () => {
    for (const text of [
      '从业人员未取得健康合格证明上岗。',
      '放射工作人员职业健康检查结果显示合格。',
      '当事人未组织劳动者进行职业健康检查。',
      '加氯设备当天上午出现故障。',
      '执法人员发现其未对感染性废物分类收集。',
      '当事人存在的问题比较突出。',
      '违反了《中华人民共和国职业病防治法》第三十五条的规定。',
      '当事人未取得母婴保健技术服务执业许可证开展终止妊娠手术技术服务。',
    ]) {
      expect(publish(text)).toBe(text);
    }
  });
});

it('a finance clause with a name in it is removed under its own label, not as the name', () => {
  expect(publish('当事人称，家庭经济困难，儿子柴明每月仅寄回1000元，请求减轻处罚。')).toBe(
    '当事人称，［财产状况信息已隐去］，请求减轻处罚。',
  );
});

describe('home addresses and property certificates in more wordings', () => {
  it.each([
    ['户籍所在地重庆市万州区甘宁镇永胜村6组17号，', '户籍所在地［住址已隐去］，'],
    ['现居住于万州区周家坝街道江南路7号附2号。', '现居住于［住址已隐去］。'],
    ['当事人在其位于龙都街道长江路3号的住处开设诊所。', '当事人在其位于［住址已隐去］的住处开设诊所。'],
    ['其房产证号：万州字第12345号。', '其房产证号：［不动产权证号已隐去］。'],
  ])('%s', (text, expected) => {
    expect(publish(text)).toBe(expected);
  });

  it('keeps a business address that is not anyone’s home', () => {
    const text = '当事人在其位于龙都街道长江路3号的门面开设诊所。';
    expect(publish(text)).toBe(text);
  });
});

describe('statements of finances as whole clauses', () => {
  it.each([
    [
      '当事人辩称，诊所去年亏损六万元，另欠供货商货款三万元，请求减轻处罚。',
      '诊所去年亏损六万元，另欠供货商货款三万元',
    ],
    ['其妻子称，家里每月能挣三千元左右。', '家里每月能挣三千元左右'],
    [
      '其妻称，每月退休金2100元，两人均患慢性病，平时靠子女接济，请求减轻处罚。',
      '每月退休金2100元，两人均患慢性病，平时靠子女接济',
    ],
    ['当事人称其本人无固定收入，靠低保金生活，申请分期缴纳罚款。', '其本人无固定收入，靠低保金生活'],
  ])('%s', (text, clause) => {
    const out = publish(text);
    expect(out).toContain('［财产状况信息已隐去］');
    expect(out).not.toContain(clause);
    expect(out).toMatch(/请求|申请|。$/);
  });

  it('keeps what a party says about its premises or plans (投入资金, 设施欠缺)', () => {
    for (const text of ['当事人表示将投入资金进行整改。', '当事人表示其消毒设施欠缺，整改存在困难。']) {
      expect(publish(text)).toBe(text);
    }
  });

  it('keeps the decision’s own amounts and a request after the statement', () => {
    const text = '决定没收违法所得3600元，罚款人民币5000元。当事人称其已整改完毕，请求从轻处罚。';
    expect(publish(text)).toBe(text);
    expect(publish('当事人称店铺亏损两万元，请求从轻处罚。')).toBe(
      '当事人称［财产状况信息已隐去］，请求从轻处罚。',
    );
  });
});
