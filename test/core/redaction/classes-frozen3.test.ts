/**
 * PUB-7 (法释〔2016〕19号 redaction practice): the classes of personal data the third frozen half (frozen-3) showed
 * missing or wrongly removed, each with new wording (not a corpus sentence): the authority's own contacts as
 * configuration, ID numbers with typos or masks, names (compound surnames, common-word names, lists), health
 * (occupational findings, screening, aesthetic complications, foetal sex, treatments), family finances, rural homes.
 */
import { applyRemovals, redact, type RedactOptions } from '../../../core/redaction';

const publish = (text: string, options: RedactOptions = {}) =>
  applyRemovals(text, redact(text, [], options).removals);

describe("the authority's own published contacts, given as configuration (RedactOptions.keep)", () => {
  const keep = {
    phones: ['023-4567 8901'],
    emails: ['WSJD@163.com'],
    accounts: ['2207 0088 0912 3456 7'],
    addresses: ['重庆市渝北区龙溪街道金山路18号'],
  };

  it('keeps them in any spelling, with or without context words, and still removes a person’s', () => {
    const text =
      '咨询请拨（023）45678901或45678901，来信请寄wsjd@163.com。' +
      '罚款请缴至账号220700880912345567。投诉人手机13512345678，邮箱lihua@qq.com。';
    expect(publish(text, { keep: { ...keep, accounts: ['2207 0088 0912 3455 67'] } })).toBe(
      '咨询请拨（023）45678901或45678901，来信请寄wsjd@163.com。' +
        '罚款请缴至账号220700880912345567。投诉人手机［电话号码已隐去］，邮箱［电子邮箱已隐去］。',
    );
  });

  it('keeps a phone given once with its area code when the text writes it without (and the reverse)', () => {
    expect(publish('监督电话45678901。', { keep: { phones: ['02345678901'] } })).toBe('监督电话45678901。');
    expect(publish('监督电话：023-45678901。', { keep: { phones: ['45678901'] } })).toBe(
      '监督电话：023-45678901。',
    );
  });

  it('never keeps the parties’ known data, even when it equals a configured contact', () => {
    const text = '当事人联系电话023-45678901。';
    const { removals } = redact(text, [{ phones: ['023-45678901'] }], { keep });
    expect(applyRemovals(text, removals)).toBe('当事人联系电话［电话号码已隐去］。');
  });

  it('without configuration, falls back on context: the contact block, the fine sentence, a government mailbox', () => {
    const text =
      '联系人：肖红　联系电话：023-45678901\n请到指定网点缴纳罚款（账号：2207 0088 0912 3455 67）。来信请寄wjzf@cqjlp.gov.cn。';
    expect(publish(text)).toBe(text.replace('肖红', '肖某'));
    // A person's own card in the fine sentence still goes.
    expect(publish('当事人以其个人银行卡6222 0245 6789 0123 456缴纳罚款。')).toBe(
      '当事人以其个人银行卡［银行账号已隐去］缴纳罚款。',
    );
  });

  it('without configuration, a number in no authority context is removed (the context rule is the fallback)', () => {
    expect(publish('咨询请拨45678901联系。', {})).toContain('45678901');
    expect(publish('如有疑问请致电023-45678901。')).toBe('如有疑问请致电［电话号码已隐去］。');
  });
});

describe('ID numbers after their label, with typos or masks, and masked ones without a label', () => {
  it.each([
    ['证件号码：51O1O2198812O34567，', '证件号码：［身份证号已隐去］，'], // letter O for 0
    ['身份证号 5101021988l2034567 在卷。', '身份证号 ［身份证号已隐去］ 在卷。'], // l for 1
    ['公民身份号码：５１０１０２１９８８１２０３４５６７８。', '公民身份号码：［身份证号已隐去］。'], // one too many
    ['身份证：51010219881203456，', '身份证：［身份证号已隐去］，'], // one too few
    ['身份证号码为510102********4567。', '身份证号码为［身份证号已隐去］。'], // masked
    ['另一名工人（5101021988****4567）在场。', '另一名工人（［身份证号已隐去］）在场。'], // masked, no label
  ])('%s', (text, expected) => {
    expect(publish(text)).toBe(expected);
  });

  it('keeps a credit code and a licence number that look like digits', () => {
    const text = '统一社会信用代码：91500103MA60XY1234，执业许可证登记号：PDY12345650010317A1001。';
    expect(publish(text)).toBe(text);
  });
});

describe('names: compound surnames, common-word names after roles, lists closed by 等N人', () => {
  it('keeps a representative with a compound surname whole and removes others with one', () => {
    expect(publish('投资人：上官文博\n检查时店员司马婷婷在场。')).toBe(
      '投资人：上官文博\n检查时店员司马某在场。',
    );
    expect(publish('法定代表人：慕容雪晴。现场负责人东方朔签收。')).toBe(
      '法定代表人：慕容雪晴。现场负责人东方某签收。',
    );
  });

  it('reads a name that is a common word after a role word, but not an adverb', () => {
    expect(publish('收银员高明在场，配送员包容负责送货。')).toBe('收银员高某在场，配送员包某负责送货。');
    expect(publish('工作人员全部在场。')).toBe('工作人员全部在场。');
  });

  it('reads every name of a list closed by 等N人, weak surnames too', () => {
    expect(publish('当事人为邱芸芸、管宁、伊凡等5人注射。')).toBe('当事人为邱某、管某、伊某等5人注射。');
  });

  it('reads a spaced name and an unlisted surname on a signature line', () => {
    expect(publish('经办人：芮　敏　　审批人：佘国华')).toBe('经办人：芮某　　审批人：佘某');
  });

  it('reads a relative after 其 and any kinship word, and a three-character name after 的', () => {
    expect(publish('其儿媳姚丽娟当场签字。负责登记的卢志明未到场。')).toBe(
      '其儿媳姚某当场签字。负责登记的卢某未到场。',
    );
  });

  it('does not read school grades, room findings or a condition after 有 as names', () => {
    for (const text of [
      '该校高二年级教室照度不足，床单上有毛发。',
      '执法人员白天在场，职工有高血压的未调岗。',
    ])
      expect(publish(text)).not.toMatch(/某/);
  });
});

describe('health: findings, screening, complications, foetal sex, treatments', () => {
  it.each([
    ['工人甲左耳语频平均听阈41dB，未调岗。', '［健康信息已隐去］'],
    ['其体检结果显示外周血微核率增高。', '［健康信息已隐去］'],
    ['复查提示红细胞减少。', '［健康信息已隐去］'],
    ['抽查发现视力不良学生未建档。', '［健康信息已隐去］学生未建档'],
    ['填充后出现面部皮肤发绀、组织坏死。', '填充后［健康信息已隐去］'],
    ['B超医生告知孕妇胎儿是男孩。', '告知孕妇［健康信息已隐去］'],
  ])('%s', (text, part) => {
    expect(publish(text)).toContain(part);
  });

  it('removes a treatment done on a named person, keeps the service a clinic offered', () => {
    expect(publish('当事人为顾客实施隆鼻手术。')).toBe('当事人为顾客实施隆鼻手术。');
    expect(publish('当事人为患者邹凯实施腹股沟疝修补术。')).toBe('当事人为患者邹某实施［健康信息已隐去］。');
    expect(publish('现场销售“消炎药”若干。')).toBe('现场销售“消炎药”若干。');
  });

  it('keeps a procedure that names the institution’s service, removes it with the condition it treated', () => {
    expect(publish('该院血液透析室未配备消毒设施。')).toBe('该院血液透析室未配备消毒设施。');
    const out = publish('产妇经输血及宫腔球囊压迫止血术后脱离危险。');
    expect(out).toContain('［健康信息已隐去］');
    expect(out).not.toContain('输血');
  });

  it('keeps a qualifier bracket with the diagnosis', () => {
    expect(publish('出院诊断：右侧面神经麻痹（术后）。')).toBe('出院诊断：［健康信息已隐去］。');
  });
});

describe('statements of family finances, removed whole with the relation words', () => {
  it('removes from the first circumstance clause to the last, the request after them stays', () => {
    expect(publish('当事人在申辩中称其母亲卧病在床，本人下岗多年，靠打零工维持生活，请求减轻处罚。')).toBe(
      '当事人在申辩中称［财产状况信息已隐去］，请求减轻处罚。',
    );
  });
});

describe('family circumstances alone are not a statement of finances', () => {
  it('keeps a circumstance without money in the statement (称其系退休医生)', () => {
    const text = '当事人称其系退休医生，在家中为邻居看病。';
    expect(publish(text)).toBe(text);
  });
});

describe('rural and out-of-province homes', () => {
  it.each([
    ['户籍：四川省达州市渠县临巴镇石桥村7组。', '户籍：［住址已隐去］。'],
    ['其租住的巴南区界石镇桂花村2组平房内存放药品。', '其租住的［住址已隐去］平房内存放药品。'],
  ])('%s', (text, expected) => {
    expect(publish(text)).toBe(expected);
  });
});
