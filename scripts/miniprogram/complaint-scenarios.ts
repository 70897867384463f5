/**
 * The complaint pages in `npm run preview` (the form with its error states, the
 * confirmation, the timeline and the staff case page, at both font sizes), over the data complaint-fixtures.ts
 * prepares through the real functions.
 */
import type { Scenario } from './scenario';
import {
  chineseDate,
  FIXTURE_CITIZEN,
  FIXTURE_CITIZEN_2,
  FIXTURE_NAME,
  FIXTURE_PHONE,
  FIXTURE_REPLY,
} from './complaint-fixtures';

export const COMPLAINT_SCENARIOS: Scenario[] = [
  {
    name: 'complaint-intro',
    page: 'pages/complaint/intro/index',
    openid: FIXTURE_CITIZEN,
    keyStrings: [
      '受理条件',
      '7 个工作日',
      '个人信息处理说明',
      '保存期限',
      '处理者：区卫生健康委员会',
      '我已阅读上述个人信息处理说明',
      '开始填写',
    ],
  },
  {
    name: 'complaint-form-empty',
    page: 'pages/complaint/form/index',
    openid: FIXTURE_CITIZEN,
    keyStrings: [
      '类型',
      '所属领域',
      '传染病防治与消毒',
      '被投诉举报对象',
      '在地图上选点',
      '0/2000',
      '照片',
      '实名',
      '提交',
    ],
  },
  {
    name: 'complaint-form-errors',
    page: 'pages/complaint/form/index',
    openid: FIXTURE_CITIZEN,
    steps: [{ method: 'onSubmit' }],
    keyStrings: [
      '请按提示修改标红的内容',
      '请选择投诉或举报',
      '请选择所属领域',
      '请填写被投诉举报对象名称',
      '请填写问题描述',
      '请填写联系电话',
    ],
  },
  {
    // the first two sections filled, 提交: the count, and the first wrong field (scrolled to).
    name: 'complaint-form-first-error',
    page: 'pages/complaint/form/index',
    openid: FIXTURE_CITIZEN,
    steps: [
      { method: 'onKind', args: [{ currentTarget: { dataset: { kind: 'complaint' } } }] },
      { method: 'onCategory', args: [{ currentTarget: { dataset: { category: '公共场所' } } }] },
      { method: 'onSubmit' },
    ],
    keyStrings: ['有 5 处需要修改', '请填写被投诉举报对象名称', '请填写地址', '的为必填项'],
  },
  {
    // the album/camera refused in WeChat's settings.
    name: 'complaint-form-permission-refused',
    page: 'pages/complaint/form/index',
    openid: FIXTURE_CITIZEN,
    steps: [{ method: 'onPermissionFailed', args: ['photos', 'chooseMedia:fail auth deny'] }],
    keyStrings: ['未获得相册或摄像头权限', '去设置'],
  },
  {
    // a complaint about enforcement conduct names the officer (optional), goes to the oversight
    // section; a malformed certificate number gets the contract's message.
    name: 'complaint-form-conduct',
    page: 'pages/complaint/form/index',
    openid: FIXTURE_CITIZEN,
    steps: [
      { method: 'onKind', args: [{ currentTarget: { dataset: { kind: 'complaint' } } }] },
      {
        method: 'onCategory',
        args: [{ currentTarget: { dataset: { category: '执法行为（执法人员或执法机构）' } } }],
      },
      {
        method: 'onField',
        args: [{ currentTarget: { dataset: { field: 'officerName' } }, detail: { value: '李四' } }],
      },
      {
        method: 'onField',
        args: [{ currentTarget: { dataset: { field: 'officerCertNo' } }, detail: { value: '证号#12' } }],
      },
      { method: 'onSubmit' },
    ],
    keyStrings: [
      '被投诉的执法人员（可选）',
      '执法证号',
      '执法证号只能包含数字、字母或汉字',
      '委机关法规与综合监督科',
      '看不到您的姓名和联系方式',
    ],
  },
  {
    name: 'complaint-form-anonymous',
    page: 'pages/complaint/form/index',
    query: { kind: 'report' },
    openid: FIXTURE_CITIZEN,
    steps: [{ method: 'onContactMode', args: [{ currentTarget: { dataset: { mode: 'anonymous' } } }] }],
    keyStrings: ['匿名举报不会收到处理结果反馈'],
  },
  {
    name: 'complaint-done',
    page: 'pages/complaint/done/index',
    query: (f) => ({
      trackingNo: f.pending.trackingNo,
      due: f.pending.acceptanceDueDate,
      provisional: '0',
      anonymous: '0',
    }),
    openid: FIXTURE_CITIZEN,
    keyStrings: (f) => [
      '已提交',
      f.pending.trackingNo,
      chineseDate(f.pending.acceptanceDueDate),
      '前决定是否受理',
    ],
  },
  {
    name: 'complaint-done-provisional',
    page: 'pages/complaint/done/index',
    query: (f) => ({
      trackingNo: f.pending.trackingNo,
      due: f.pending.acceptanceDueDate,
      provisional: '1',
      anonymous: '0',
    }),
    openid: FIXTURE_CITIZEN,
    keyStrings: ['暂定日期', '按法定节假日规则推算', '只会顺延，不会提前'],
  },
  {
    name: 'complaint-mine',
    page: 'pages/complaint/mine/index',
    openid: FIXTURE_CITIZEN,
    keyStrings: (f) => [f.handled.trackingNo, f.pending.trackingNo, '已受理', '待受理', '某某游泳馆'],
  },
  {
    name: 'complaint-detail',
    page: 'pages/complaint/detail/index',
    query: (f) => ({ trackingNo: f.handled.trackingNo }),
    openid: FIXTURE_CITIZEN,
    keyStrings: (f) => [
      f.handled.trackingNo,
      '办理过程',
      '已提交',
      '已受理',
      '答复',
      FIXTURE_REPLY,
      '欧**',
      '下一步',
      '核查处理并办结',
      '撤回投诉',
    ],
  },
  {
    // adding material to an open complaint (typed, before sending).
    name: 'complaint-detail-add-material',
    page: 'pages/complaint/detail/index',
    query: (f) => ({ trackingNo: f.handled.trackingNo }),
    openid: FIXTURE_CITIZEN,
    steps: [
      {
        method: 'onMaterialText',
        args: [{ detail: { value: '今天下午该诊所仍在做注射项目，门口有广告牌。' } }],
      },
    ],
    // (a textarea's value is not page text; the PNG shows it)
    keyStrings: ['补充材料', '每次最多 3 张', '提交补充材料'],
  },
  {
    // Not accepted: the reason, where to go instead with 12345, and the rating (4 chosen).
    name: 'complaint-detail-rejected-rate',
    page: 'pages/complaint/detail/index',
    query: (f) => ({ trackingNo: f.rejected.trackingNo }),
    openid: FIXTURE_CITIZEN_2,
    steps: [{ method: 'onScore', args: [{ currentTarget: { dataset: { score: 4 } } }] }],
    keyStrings: ['不予受理的理由', '民事纠纷', '人民法院', '拨打 12345', '评价办理情况', '提交评价'],
  },
  {
    name: 'staff-complaint-queue',
    page: 'pages/staff/complaint-queue/index',
    query: { filter: 'all' },
    openid: 'demo-unit-head',
    keyStrings: (f) => [f.pending.trackingNo, '受理期限', '办结期限（内部目标）', '某某医疗美容诊所'],
  },
  {
    name: 'staff-complaint-case',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.handled.id }),
    openid: 'demo-officer-1',
    keyStrings: [FIXTURE_NAME, FIXTURE_PHONE, '本次查看已记录', '答复', '办结', FIXTURE_REPLY],
  },
  {
    name: 'staff-complaint-case-reject',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.pending.id }),
    openid: 'demo-unit-head',
    steps: [{ method: 'onAction', args: [{ currentTarget: { dataset: { action: 'reject' } } }] }],
    keyStrings: ['欧**', '139****4321', '已脱敏', '不予受理的理由', '不属于本机关管辖', '受理'],
  },
  {
    // A leader (the unit head) on a new report: every step, and whom to assign.
    name: 'staff-complaint-case-assign',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.pending.id }),
    openid: 'demo-unit-head',
    steps: [{ method: 'onAction', args: [{ currentTarget: { dataset: { action: 'assign' } } }] }],
    keyStrings: ['选择承办人（最多 3 名）', '张伟', '尚未指派', '更多办理'],
  },
  {
    // The same leader on an accepted report linked as a duplicate: the case decision (立案 / 不立案).
    name: 'staff-complaint-case-decide',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.duplicate.id }),
    openid: 'demo-unit-head',
    steps: [{ method: 'onAction', args: [{ currentTarget: { dataset: { action: 'decideCase' } } }] }],
    keyStrings: (f) => [
      '记录是否立案',
      '是否立案',
      '不予立案',
      '5 个工作日内得到反馈',
      '重复于',
      f.pending.trackingNo,
      '张伟',
    ],
  },
  {
    name: 'staff-complaint-case-split',
    page: 'pages/staff/complaint-case/index',
    query: (f) => ({ id: f.handled.id }),
    openid: 'demo-unit-head',
    steps: [
      { method: 'onAction', args: [{ currentTarget: { dataset: { action: 'split' } } }] },
      { method: 'onPanelSubmit' },
    ],
    keyStrings: ['拆分出的部分', '拆分为一件新的举报', '请填写拆分部分的描述'],
  },
  {
    name: 'staff-complaint-record-empty',
    page: 'pages/staff/complaint-record/index',
    openid: 'demo-officer-1',
    keyStrings: [
      '登记投诉举报',
      '12345热线',
      '信访',
      '来信',
      '来源编号',
      '传染病防治与消毒',
      '0/2000',
      '登记',
    ],
  },
  {
    name: 'staff-complaint-record-errors',
    page: 'pages/staff/complaint-record/index',
    openid: 'demo-officer-1',
    steps: [{ method: 'onSubmit' }],
    keyStrings: [
      '请按提示修改标红的内容后再登记',
      '请选择来源',
      '请选择投诉或举报',
      '请选择所属领域',
      '请填写被投诉举报对象名称',
      '请填写问题描述',
      '请填写联系电话',
    ],
  },
  {
    name: 'staff-home-handler',
    page: 'pages/staff/home/index',
    openid: 'demo-unit-head',
    keyStrings: ['赵志刚', '投诉举报办理', '待办与时限'],
  },
];
