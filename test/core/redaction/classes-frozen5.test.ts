/**
 * PUB-7 (法释〔2016〕19号 redaction practice; 个人信息保护法 Art. 28 on health data): the classes of personal data the
 * fifth frozen half (frozen-5) showed missing, each with new wording (not a corpus sentence): homes after 住 with
 * 房/座/栋/号之N endings, plainly written diagnoses and symptoms, injuries, negative and confirmatory results, doses
 * and blood values, names whose surname is a common word where a person's act shows them, family support without a
 * money word, and the authority's or a unit's own numbers that stay.
 */
import { applyRemovals, redact } from '../../../core/redaction';

const publish = (text: string) => applyRemovals(text, redact(text, []).removals);
const removed = (text: string) =>
  redact(text, []).removals.map((r) => [r.kind, text.slice(r.start, r.end)] as const);

describe('home addresses after 住 without a 住址 label', () => {
  it.each([
    [
      '投诉人林某（住鼎湖区桂城街道新城路6号碧桂苑2座803房，电话略）反映',
      '鼎湖区桂城街道新城路6号碧桂苑2座803房',
    ],
    ['患者（男，60岁，住高要区南岸街道上坊巷3号之二）就诊', '高要区南岸街道上坊巷3号之二'],
    ['购买者（住四会市东城街道贞山新村5栋202房）投诉', '四会市东城街道贞山新村5栋202房'],
    ['其现住高要区金渡镇金利村8幢301室，', '高要区金渡镇金利村8幢301室'],
    ['患者租住于端州区城东街道康乐路5号2栋301房，', '端州区城东街道康乐路5号2栋301房'],
  ])('%s', (text, value) => {
    expect(removed(text)).toContainEqual(['homeAddress', value]);
  });

  it.each([
    '你公司住所肇庆市端州区睦岗街道沙湖工业区3号。',
    '当事人住所：肇庆市端州区信安五路9号二楼。',
    '经营场所肇庆高新区工业园2号厂房。',
  ])('keeps a company’s 住所 and a workplace: %s', (text) => {
    expect(redact(text, []).removals.filter((r) => r.kind === 'homeAddress')).toEqual([]);
  });
});

describe('health details written plainly', () => {
  it.each([
    ['患者在门诊就诊，胸部CT提示左下肺浸润性肺结核，医生未报告。', '左下肺浸润性肺结核'],
    ['患者（主诉颈肩痛三个月，经针灸治疗）的病历未记载诊断。', '颈肩痛三个月'],
    ['护工清理病房时被手术刀片划伤右手食指，当事人未登记。', '手术刀片划伤右手食指'],
    ['经调阅记录，该护工事后梅毒抗体阴性、HIV抗体阴性。', '梅毒抗体阴性、HIV抗体阴性'],
    ['报告显示其HIV-2抗体确证试验阳性，并附有照片。', 'HIV-2抗体确证试验阳性'],
    ['该女子因宫腔感染伴中度贫血在区人民医院住院治疗。', '宫腔感染伴中度贫血'],
    ['学生因脊柱侧弯申请调整座位。', '脊柱侧弯'],
    ['接种后当晚又高热40.1℃，于医院住院治疗。', '高热40.1℃'],
    ['第二季度个人剂量当量为3.1 mSv，超过调查水平。', '个人剂量当量为3.1 mSv'],
    ['顾客称其入住客房后双臂皮肤红肿并出现丘疹。', '双臂皮肤红肿并出现丘疹'],
  ])('%s', (text, value) => {
    const spans = removed(text)
      .filter(([k]) => k === 'health')
      .map(([, v]) => v);
    expect(spans.some((v) => v.includes(value))).toBe(true);
  });

  it.each([
    '末梢水样微生物检测阴性。',
    '当事人因经营需要在本区开设门诊。',
    '为求美者实施双眼皮切割手术，收取费用。',
  ])('keeps what is nobody’s health: %s', (text) => {
    expect(redact(text, []).removals.filter((r) => r.kind === 'health')).toEqual([]);
  });
});

describe('names whose surname is a common word, where a person is shown', () => {
  it.each([
    ['见当事人正为尚丽华进行静脉输液。', '尚丽华'],
    ['经当事人医师冼志成针灸治疗。', '冼志成'],
    ['本局接到市民张晓雯（手机略）举报。', '张晓雯'],
    ['由美容师应晓霞操作治疗后出现红肿。', '应晓霞'],
    ['本局收到曾建东通过电子邮件提交的举报。', '曾建东'],
    ['王某称其陪同曾德明前来就诊。', '曾德明'],
    ['租金由高翔转入你名下账户。', '高翔'],
    ['接诊彭俊豪、苏丽华等4名患者。', '彭俊豪'],
  ])('%s', (text, value) => {
    expect(removed(text).map(([, v]) => v)).toContain(value);
  });

  it.each(['全部人员通过考核。', '为方便进行消毒。', '安全通过验收。', '应当进行登记。'])(
    'keeps words: %s',
    (text) => {
      expect(publish(text)).toBe(text);
    },
  );
});

describe('family support and loss of work', () => {
  it.each([
    [
      '当事人称受伤后已无法工作，全家仅靠母亲做保洁每月约1800元维持三口人生活。',
      '受伤后已无法工作，全家仅靠母亲做保洁每月约1800元维持三口人生活',
    ],
    ['其称需赡养两位老人，家里靠其丈夫打零工维持生活。', '需赡养两位老人，家里靠其丈夫打零工维持生活'],
  ])('%s', (text, value) => {
    expect(removed(text)).toContainEqual(['financial', value]);
  });
});

describe('numbers that stay: a unit’s line in its party block, the authority’s after a hearing notice', () => {
  it('keeps the landline on a company’s contact line', () => {
    const text =
      '当事人：某某诊所\n法定代表人：某某\n地址：肇庆市端州区某路1号\n联系电话：0758-2231456\n经查，';
    expect(removed(text).filter(([k]) => k === 'phone')).toEqual([]);
  });

  it('removes the landline on a natural person’s block', () => {
    const text = '当事人：某某，男，身份证号码：略\n联系电话：0758-2231456\n经查，';
    expect(removed(text)).toContainEqual(['phone', '0758-2231456']);
  });

  it('keeps the authority’s contact lines after a hearing notice', () => {
    const text =
      '如要求听证，应当在收到本告知书之日起五日内向本局提出。\n本局联系人：某某，联系电话：0758-2860001\n';
    expect(publish(text)).toBe(text);
  });
});
