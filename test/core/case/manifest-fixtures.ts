/**
 * One small import manifest in both forms: a penalty case of an organisation with a document, a
 * recording of the inspection with an interruption, its stages up to the decision, and electronic data; an
 * inspection of a natural person. The CSV
 * form uses what exports carry: a byte-order mark, CRLF, Chinese names for codes and column headers, Beijing local
 * times, and quoted fields with commas, quotes and a line break.
 */
export const H1 = 'a'.repeat(64);
export const H2 = 'B'.repeat(64);
export const H3 = 'c'.repeat(64);

export const validJson = {
  version: 1,
  cases: [
    {
      source: 'supervision',
      sourceId: 'JD-2026-0001',
      kind: 'penalty',
      caseNo: '万卫医罚〔2026〕1号',
      cause: '未取得《医疗机构执业许可证》擅自执业, 案',
      openedAt: '2026-03-02T09:30:00+08:00',
      officers: ['WZ0001', 'WZ0002'],
      partyKind: 'organisation',
      partyName: '重庆某某诊所有限公司',
      partyIdKind: 'uscc',
      partyIdNo: '91350100M000100Y43',
      partyLegalRepresentative: '李四',
      stages: [
        { stage: 'investigation', actedAt: '2026-03-02T10:30:00+08:00' },
        { stage: 'priorNotice', actedAt: '2026-03-20T09:00:00+08:00' },
        {
          stage: 'statement',
          actedAt: '2026-03-20T09:30:00+08:00',
          statementPeriodEndsAt: '2026-03-27T17:00:00+08:00',
          partyStated: true,
        },
        {
          stage: 'decision',
          actedAt: '2026-04-08T10:00:00+08:00',
          decisionDocNo: '万卫医罚〔2026〕1号',
          decisionDate: '2026-04-08',
          decisionType: 'penalty',
          decisionConclusion: '警告，并处罚款人民币五千元',
          fine: 5000,
        },
      ],
    },
    {
      source: 'supervision',
      sourceId: 'JD-2026-0002',
      kind: 'inspection',
      caseNo: '万卫监〔2026〕7号',
      cause: '公共场所卫生监督检查',
      openedAt: '2026-03-03T01:00:00Z',
      officers: ['WZ0003', 'WZ0004'],
      partyKind: 'person',
      partyName: '张三',
      partyIdKind: 'resident',
      partyIdNo: '11010519491231002X',
    },
  ],
  documents: [
    {
      source: 'supervision',
      sourceId: 'WS-1',
      caseSourceId: 'JD-2026-0001',
      docType: 'siteRecord',
      title: '现场笔录 "第一次"\n续页',
      docTimes: ['2026-03-02T09:40:00+08:00', '2026-03-02T10:10:00+08:00'],
      signed: true,
      blankItems: [],
      sha256: H1,
    },
  ],
  av: [
    {
      source: 'recorder',
      sourceId: 'AV-77',
      caseSourceId: 'JD-2026-0001',
      title: '现场检查录像',
      device: 'ZFJLY-012',
      act: 'arrival-departure',
      start: '2026-03-02T09:35:00+08:00',
      end: '2026-03-02T10:20:00+08:00',
      place: '万州区某某路1号',
      location: 'platform://av/77',
      sha256: [H2.toLowerCase(), H3],
      interruptions: [{ at: '2026-03-02T09:50:00+08:00', explanation: '更换电池', how: 'spoken' }],
    },
  ],
  data: [
    {
      source: 'supervision',
      sourceId: 'DZ-5',
      caseSourceId: 'JD-2025-0099',
      caseRef: 'existing',
      title: '诊疗系统病历导出',
      dataSource: '诊所 HIS 系统',
      capturedAt: '2026-03-02T10:00:00+08:00',
      sha256: H3,
    },
  ],
};

const BOM = '\ufeff';
export const validCsv: Record<string, string> = {
  'cases.csv':
    BOM +
    [
      '来源系统,来源编号,案件类型,案号,案由,立案（开始）时间,执法人员执法证号,当事人类型,当事人名称,当事人证件类型,当事人证件号码,法定代表人（负责人）',
      '卫生健康监督信息系统,JD-2026-0001,行政处罚,万卫医罚〔2026〕1号,"未取得《医疗机构执业许可证》擅自执业, 案",2026-03-02 09:30,WZ0001；WZ0002,organisation,重庆某某诊所有限公司,uscc,91350100m000100y43,李四',
      'supervision,JD-2026-0002,inspection,万卫监〔2026〕7号,公共场所卫生监督检查,2026-03-03T09:00,wz0003;ＷＺ0004,自然人,张三,居民身份证,11010519491231002x,',
    ].join('\r\n') +
    '\r\n',
  'documents.csv': [
    'source,sourceId,caseSourceId,docType,title,docTimes,signed,blankItems,sha256',
    `supervision,WS-1,JD-2026-0001,现场笔录,"现场笔录 ""第一次""\r\n续页",2026-03-02 09:40;2026-03-02T02:10:00Z,是,,${H1.toUpperCase()}`,
  ].join('\r\n'),
  'av.csv': [
    'source,sourceId,caseSourceId,title,device,act,start,end,place,location,sha256',
    `recorder,AV-77,JD-2026-0001,现场检查录像,ZFJLY-012,arrival-departure,2026-03-02 09:35,2026-03-02 10:20,万州区某某路1号,platform://av/77,${H2};${H3}`,
  ].join('\n'),
  'interruptions.csv': [
    'avSourceId,at,explanation,how',
    'AV-77,2026-03-02 09:50,更换电池,在录像中口头说明',
  ].join('\n'),
  'stages.csv': [
    '所属案件来源编号,办理环节,办理时间,决定书文号,决定日期,决定类型,决定内容,罚款金额,陈述申辩期限届满时间,当事人已陈述申辩',
    'JD-2026-0001,作出决定,2026-04-08 10:00,万卫医罚〔2026〕1号,2026-04-08,给予行政处罚,警告，并处罚款人民币五千元,5000,,',
    'JD-2026-0001,调查取证,2026-03-02 10:30,,,,,,,',
    'JD-2026-0001,priorNotice,2026-03-20 09:00,,,,,,,',
    'JD-2026-0001,statement,2026-03-20 09:30,,,,,,2026-03-27 17:00,是',
  ].join('\n'),
  'data.csv': [
    'source,sourceId,caseSourceId,caseRef,title,dataSource,capturedAt,sha256',
    `supervision,DZ-5,JD-2025-0099,existing,诊疗系统病历导出,诊所 HIS 系统,2026-03-02 10:00,${H3}`,
  ].join('\n'),
};
