/**
 * 立案登记 (REC-1; 行政处罚法第五十四条, 行政强制法第十八条): opens a case with `case.open`. The party is one already
 * in the register (found by its identifier with party.find: all of a party's records are kept together, 细则第二十条)
 * or a new one; at least two officers are picked from the unit's register (行政处罚法第四十二条: the backend checks
 * their certificates on the day); opened from a report's page, the report (举报) is linked and its 立案 decided in
 * the same step. Checked with the contract's schema first; the backend's field errors are shown under their fields
 * and the first is scrolled into view.
 */
import { pageBase } from '../../../behaviors/page-base';
import type { OfficerPublicView, PartyFound, StaffMeView } from '../../../core-bundle/index';
import { call, newRequestId } from '../../../services/api';
import { shanghaiToday } from '../../../utils/date-format';
import {
  checkOpenForm,
  emptyNewParty,
  emptyOpenForm,
  fieldErrorsOf,
  FIND_ID_OPTIONS,
  firstOf,
  idKindOptions,
  KIND_OPTIONS,
  officerOptions,
  openScrollTarget,
  PARTY_KIND_OPTIONS,
  partyLine,
  toggleOfficer,
  type OfficerOption,
  type OpenForm,
} from './form';

/** The roles that may open a case (the backend: an officer of the section, or a leader reaching it). */
const OPENING_ROLES = ['officer', 'reviewer', 'principal'];

Component({
  behaviors: [pageBase],
  data: {
    state: 'loading',
    errorMessage: '',
    form: emptyOpenForm() as OpenForm,
    kindOptions: KIND_OPTIONS,
    partyKindOptions: PARTY_KIND_OPTIONS,
    idKindOptions: [] as Array<{ key: string; label: string }>,
    findIdOptions: FIND_ID_OPTIONS,
    findIdKind: 'uscc',
    findIdLabel: FIND_ID_OPTIONS[0]!.label,
    findIdNo: '',
    finding: false,
    findError: '',
    found: null as null | { name: string; detail: string; cases: number },
    officers: [] as OfficerOption[],
    officerList: [] as OfficerPublicView[],
    sections: [] as Array<{ id: string; name: string }>,
    sectionName: '',
    errors: {} as Record<string, string>,
    banner: '',
    busy: false,
    requestId: '',
    today: shanghaiToday(),
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ form: emptyOpenForm(query.complaintId ?? ''), requestId: newRequestId() });
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const me = await call('staff', 'staff.me', {});
      if (!me.ok) {
        const refused = me.error.code === 'FORBIDDEN' || me.error.code === 'UNAUTHENTICATED';
        this.setData({ state: refused ? 'refused' : 'error', errorMessage: me.error.message });
        return;
      }
      const staff = me.data as StaffMeView;
      if (!staff.unit || !staff.roles.some((r) => OPENING_ROLES.includes(r.role))) {
        this.setData({ state: 'refused', errorMessage: '只有执法人员或其分管领导、单位负责人可以立案。' });
        return;
      }
      const [officers, sections] = await Promise.all([
        this.allOfficers(staff.unit.id),
        staff.section ? Promise.resolve(null) : call('staff', 'org.sections', { unitId: staff.unit.id }),
      ]);
      if (typeof officers === 'string' || (sections && !sections.ok)) {
        const message =
          typeof officers === 'string' ? officers : sections && !sections.ok ? sections.error.message : '';
        this.setData({ state: 'error', errorMessage: message });
        return;
      }
      const list = officers;
      this.setData({
        state: 'ready',
        officerList: list,
        officers: officerOptions(list, this.data.form.officers),
        sections: sections && sections.ok ? sections.data.items.map((s) => ({ id: s.id, name: s.name })) : [],
        sectionName: staff.section?.name ?? '',
      });
    },
    /** The unit's whole register, page by page (a message on failure). */
    async allOfficers(unitId: string): Promise<OfficerPublicView[] | string> {
      const out: OfficerPublicView[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const res = await call('public', 'officer.list', {
          unitId,
          pageSize: 50,
          ...(cursor ? { cursor } : {}),
        });
        if (!res.ok) return res.error.message;
        out.push(...res.data.items);
        if (!res.data.nextCursor) break;
        cursor = res.data.nextCursor;
      }
      return out;
    },
    onKind(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { key?: OpenForm['kind'] }).key ?? '';
      this.setData({ 'form.kind': kind, 'form.emergency': false, 'errors.kind': '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = (e.currentTarget.dataset as { field?: string }).field;
      if (field) this.setData({ [`form.${field}`]: e.detail.value });
    },
    onEmergency() {
      this.setData({ 'form.emergency': !this.data.form.emergency });
    },
    onSection(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const s = this.data.sections[Number(e.detail.value)];
      if (s) this.setData({ 'form.sectionId': s.id, sectionName: s.name, 'errors.sectionId': '' });
    },
    onOfficer(e: WechatMiniprogram.TouchEvent) {
      const certNo = (e.currentTarget.dataset as { cert?: string }).cert;
      const opt = this.data.officers.find((o) => o.certNo === certNo);
      if (!certNo || !opt?.selectable) return;
      const selected = toggleOfficer(this.data.form.officers, certNo);
      this.setData({
        'form.officers': selected,
        officers: officerOptions(this.data.officerList, selected),
        'errors.officers': '',
      });
    },
    onPartyMode(e: WechatMiniprogram.TouchEvent) {
      const mode = (e.currentTarget.dataset as { mode?: 'found' | 'new' }).mode ?? 'found';
      this.setData({
        'form.partyMode': mode,
        'form.partyId': '',
        'form.party': emptyNewParty(),
        found: null,
        findError: '',
        idKindOptions: [],
        'errors.party': '',
        'errors.partyId': '',
      });
    },
    onPartyKind(e: WechatMiniprogram.TouchEvent) {
      const kind = (e.currentTarget.dataset as { key?: OpenForm['party']['kind'] }).key ?? '';
      const options = idKindOptions(kind);
      this.setData({
        'form.party.kind': kind,
        'form.party.idKind': options[0]?.key ?? '',
        'form.party.idNo': '',
        idKindOptions: kind === 'unregistered' ? [] : options,
        'errors.party.kind': '',
      });
    },
    onPartyIdKind(e: WechatMiniprogram.TouchEvent) {
      this.setData({ 'form.party.idKind': (e.currentTarget.dataset as { key?: string }).key ?? '' });
    },
    onFindIdKind(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const o = FIND_ID_OPTIONS[Number(e.detail.value)];
      if (o) this.setData({ findIdKind: o.key, findIdLabel: o.label });
    },
    onFindIdNo(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ findIdNo: e.detail.value });
    },
    async onFind() {
      if (this.data.finding) return;
      if (!this.data.findIdNo.trim()) {
        this.setData({ findError: '请填写证件号码' });
        return;
      }
      this.setData({ finding: true, findError: '', found: null, 'form.partyId': '' });
      const res = await call('staff', 'party.find', {
        idKind: this.data.findIdKind as never,
        idNo: this.data.findIdNo,
      });
      if (!res.ok) {
        const fields = Object.values(res.error.fields ?? {});
        this.setData({
          finding: false,
          findError:
            res.error.code === 'NOT_FOUND'
              ? '登记簿中没有该证件号码的当事人。请核对号码，或选择“登记新当事人”。'
              : (fields[0] ?? res.error.message),
        });
        return;
      }
      const data = res.data as PartyFound;
      this.setData({
        finding: false,
        found: { ...partyLine(data.party), cases: data.cases.length },
        'form.partyId': data.party.id,
        'errors.partyId': '',
      });
    },
    async onSubmit() {
      if (this.data.busy) return;
      const checked = checkOpenForm(this.data.form);
      if (!checked.ok) {
        this.setData({ errors: checked.errors, banner: '请按提示修改后再提交' });
        wx.pageScrollTo({ selector: openScrollTarget(checked.first), duration: 200 });
        return;
      }
      this.setData({ busy: true, errors: {}, banner: '' });
      const res = await call('staff', 'case.open', checked.payload, { requestId: this.data.requestId });
      this.setData({ busy: false });
      if (!res.ok) {
        const errors = fieldErrorsOf(res.error.fields);
        const first = firstOf(Object.keys(errors));
        this.setData({ errors, banner: first ? '请按提示修改后再提交' : res.error.message });
        wx.pageScrollTo({ selector: first ? openScrollTarget(first) : '#open-banner', duration: 200 });
        return;
      }
      wx.showToast({ title: '已立案', icon: 'success' });
      wx.redirectTo({ url: `/pages/case/detail/index?id=${res.data.id}` });
    },
  },
});
