/**
 * The open-a-case form's pure part (miniprogram/pages/case/open/form.ts; REC-1): the payload case.open receives,
 * checked with the contract's own schema (caseOpenInput) so the officer sees the backend's Chinese messages before
 * sending; the party's identifier kinds follow the party's kind (双公示 data standard); at least two officers
 * (行政处罚法第四十二条); errors keyed and ordered as the page shows them, the first scrolled to.
 */
import {
  checkOpenForm,
  emptyOpenForm,
  fieldErrorsOf,
  idKindOptions,
  officerOptions,
  openPayloadOf,
  openScrollTarget,
  partyLine,
  toggleOfficer,
  type OpenForm,
} from '../../miniprogram/pages/case/open/form';

const USCC = '91350100M000100Y43';
const PARTY_ID = `pty_${'c'.repeat(24)}`;

function filled(over: Partial<OpenForm> = {}): OpenForm {
  return {
    ...emptyOpenForm(),
    kind: 'penalty',
    caseNo: '卫罚〔2026〕12号',
    cause: '未取得卫生许可证经营公共场所',
    officers: ['WZ0001', 'WZ0002'],
    partyMode: 'found',
    partyId: PARTY_ID,
    ...over,
  };
}

describe('open-a-case form', () => {
  it('sends a registered party by its id and leaves out what was not filled', () => {
    const checked = checkOpenForm(filled());
    expect(checked).toEqual({
      ok: true,
      payload: {
        kind: 'penalty',
        caseNo: '卫罚〔2026〕12号',
        cause: '未取得卫生许可证经营公共场所',
        officers: ['WZ0001', 'WZ0002'],
        partyId: PARTY_ID,
      },
    });
  });

  it('sends a new organisation with its credit code, and an unregistered operator with no identifier', () => {
    const org = filled({
      partyMode: 'new',
      partyId: '',
      party: {
        kind: 'organisation',
        name: '某某游泳馆',
        idKind: 'uscc',
        idNo: USCC,
        legalRepresentative: '李某',
        address: '',
      },
    });
    expect(openPayloadOf(org).party).toEqual({
      kind: 'organisation',
      name: '某某游泳馆',
      idKind: 'uscc',
      idNo: USCC,
      legalRepresentative: '李某',
    });
    expect(checkOpenForm(org).ok).toBe(true);
    const bare = filled({
      partyMode: 'new',
      partyId: '',
      party: {
        kind: 'unregistered',
        name: '无名诊所',
        idKind: 'uscc',
        idNo: 'x',
        legalRepresentative: '',
        address: '北山路 3 号',
      },
    });
    expect(openPayloadOf(bare).party).toEqual({
      kind: 'unregistered',
      name: '无名诊所',
      idKind: 'none',
      address: '北山路 3 号',
    });
    expect(checkOpenForm(bare).ok).toBe(true);
  });

  it('names each missing field in Chinese, one officer is not enough, and the topmost error is scrolled to', () => {
    const checked = checkOpenForm({ ...emptyOpenForm(), officers: ['WZ0001'] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.kind).toBe('请选择案件类型');
    expect(checked.errors.caseNo).toBe('请填写案号');
    expect(checked.errors.cause).toBe('请填写案由');
    expect(checked.errors.officers).toBe('至少须有两名执法人员');
    expect(checked.errors.partyId).toContain('请先查找并选择已登记的当事人');
    expect(checked.first).toBe('kind');
    expect(openScrollTarget(checked.first)).toBe('#f-kind');
  });

  it('refuses a credit code with a wrong check character and an identifier of the wrong kind for the party', () => {
    const bad = checkOpenForm(
      filled({
        partyMode: 'new',
        partyId: '',
        party: {
          kind: 'organisation',
          name: '某某游泳馆',
          idKind: 'uscc',
          idNo: '91350100M000100Y44',
          legalRepresentative: '',
          address: '',
        },
      }),
    );
    expect(!bad.ok && bad.errors['party.idNo']).toBe('统一社会信用代码校验位不符，请逐位核对');
    expect(!bad.ok && openScrollTarget(bad.first)).toBe('#f-party-idNo');
    const wrongKind = checkOpenForm(
      filled({
        partyMode: 'new',
        partyId: '',
        party: {
          kind: 'person',
          name: '张三',
          idKind: 'uscc',
          idNo: USCC,
          legalRepresentative: '',
          address: '',
        },
      }),
    );
    expect(!wrongKind.ok && wrongKind.errors['party.idKind']).toContain('证件类型与当事人类型不符');
  });

  it('only a coercive measure may be taken first in an emergency (行政强制法第十九条)', () => {
    expect(openPayloadOf(filled({ emergency: true })).emergency).toBeUndefined();
    expect(openPayloadOf(filled({ kind: 'coercion', emergency: true })).emergency).toBe(true);
  });

  it("keys the backend's field errors as the page shows them (every officer's refusal under the officer list)", () => {
    expect(
      fieldErrorsOf({
        'payload.officers.0': '执法证号 WZ0009 不在本单位的执法人员名册中',
        'payload.officers.1': '王五的执法证在立案当日不在有效期内或已被暂扣、吊销',
        'payload.party.idNo': '请填写证件号码',
      }),
    ).toEqual({
      officers:
        '执法证号 WZ0009 不在本单位的执法人员名册中；王五的执法证在立案当日不在有效期内或已被暂扣、吊销',
      'party.idNo': '请填写证件号码',
    });
  });

  it('offers the identifier kinds of the party kind, and only valid certificates, at most six officers', () => {
    expect(idKindOptions('organisation').map((o) => o.label)).toEqual(['统一社会信用代码', '工商注册号']);
    expect(idKindOptions('person').map((o) => o.key)).toContain('passport');
    expect(idKindOptions('unregistered').map((o) => o.key)).toEqual(['none']);
    const list = [
      { certNo: 'WZ0001', name: '张伟', status: 'active' },
      { certNo: 'WZ0002', name: '王芳', status: 'suspended' },
    ] as unknown as Parameters<typeof officerOptions>[0];
    expect(officerOptions(list, ['WZ0001'])).toEqual([
      { certNo: 'WZ0001', name: '张伟', statusLabel: '有效', selectable: true, selected: true },
      { certNo: 'WZ0002', name: '王芳', statusLabel: '已暂扣', selectable: false, selected: false },
    ]);
    const six = ['1', '2', '3', '4', '5', '6'];
    expect(toggleOfficer(six, '7')).toEqual(six);
    expect(toggleOfficer(six, '3')).toEqual(['1', '2', '4', '5', '6']);
  });

  it('shows a found party with its number masked as the backend answers it', () => {
    expect(
      partyLine({
        id: PARTY_ID,
        kind: 'organisation',
        name: '某某游泳馆',
        idKind: 'uscc',
        idMasked: '9****3',
        legalRepresentative: '李某',
      }),
    ).toEqual({
      name: '某某游泳馆',
      detail: '法人或其他组织 · 统一社会信用代码 9****3 · 法定代表人（负责人）李某',
    });
  });
});
