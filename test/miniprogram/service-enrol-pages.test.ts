/**
 * The enrolment pages rendered in Chromium (scripts/miniprogram/render.ts; docs/service.md; 行政处罚法 Art. 61),
 * the functions answered here: the party scans (scene), enters the code (a wrong one's message under the field),
 * identifies, chooses the scope and agrees, or refuses; the officer generates the QR code and the 6-digit code
 * (shown large), reviews what the party typed and confirms with the registered 确认书 and AV, or revokes.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { pageHarness } from './harness';
import { CASE_ID, CASE_RECORDS, ENROLMENT_ID, partyView, SCENE, staffView } from './service-enrol-fixtures';

const harness = pageHarness();
const { calls } = harness;
const ENROL = 'pages/service/enrol/index';
const OFFICER = 'pages/service/officer/index';
const ok = (data: unknown) => ({ ok: true, data });
const actions = () => calls.map((c) => c.event.action);
const lastPayload = () => calls.at(-1)!.event.payload as Record<string, unknown>;

async function answerDialogs(page: Rendered, confirm = true) {
  await page.page.evaluate((yes) => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __effects: unknown[] };
    w.wx.showModal = (o: {
      title: string;
      content?: string;
      success?: (r: { confirm: boolean }) => void;
    }) => {
      w.__effects.push({ api: 'showModal', args: { title: o.title, content: o.content } });
      o.success?.({ confirm: yes });
    };
  }, confirm);
}

const field = (name: string, value: string) => [
  { currentTarget: { dataset: { field: name } }, detail: { value } },
];

describe('the party', () => {
  it('scans, is told the authority and what is covered, and gets a wrong code explained under the field', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.enrolStart'
        ? ok(partyView('invited'))
        : {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: '输入有误',
              fields: { 'payload.code': '验证码不正确，还可以尝试 4 次' },
            },
          };
    const page = await harness.render(ENROL, { query: { scene: SCENE } });
    expect(calls[0]!.event).toMatchObject({
      action: 'service.enrolStart',
      payload: { enrolmentId: ENROLMENT_ID },
    });
    let text = await page.text();
    expect(text).toContain('区卫生健康综合行政执法支队');
    expect(text).toContain('第 1 步，共 4 步');
    expect(text).toContain('行政处罚决定书');
    expect(text).not.toContain('某某口腔诊所有限公司'); // the party's name only after the right code
    await page.invoke('onField', ...field('code', '12345'));
    await page.invoke('onSubmitCode');
    expect(await page.text()).toContain('请填写执法人员告知的 6 位数字验证码');
    expect(actions()).toEqual(['service.enrolStart']); // checked on the phone first
    await page.invoke('onField', ...field('code', '123456'));
    await page.invoke('onSubmitCode');
    expect(lastPayload()).toEqual({ enrolmentId: ENROLMENT_ID, code: '123456' });
    text = await page.text();
    expect(text).toContain('验证码不正确，还可以尝试 4 次');
  });

  it('identifies as an agent with the authorisation, chooses the scope, agrees and waits for the officer', async () => {
    let view = partyView('codeEntered');
    harness.answer = (c) => {
      if (c.event.action === 'service.enrolIdentify') view = partyView('identified');
      if (c.event.action === 'service.consent') view = partyView('consented');
      return ok(view);
    };
    const page = await harness.render(ENROL, { query: { scene: SCENE } });
    expect(await page.text()).toContain('统一社会信用代码');
    await page.invoke('onField', ...field('name', '某某口腔诊所有限公司'));
    await page.invoke('onField', ...field('creditCode', '91500101MA5U0A1B2X'));
    await page.invoke('onActing', { currentTarget: { dataset: { value: 'agent' } } });
    expect(await page.text()).toContain('授权委托书');
    await page.invoke('onField', ...field('actingName', '赵某某'));
    await page.invoke('onSubmitIdentity');
    expect(await page.text()).toContain('代理人办理须填写授权委托书');
    await page.invoke('onField', ...field('authorisation', '授权委托书（2026年12月1日）'));
    await page.invoke('onSubmitIdentity');
    expect(lastPayload()).toMatchObject({ actingAs: 'agent', authorisation: '授权委托书（2026年12月1日）' });

    let text = await page.text();
    expect(text).toContain('送达地址确认书');
    expect(text).toContain('仅适用于万卫罚立〔2026〕1号案件'); // read before choosing
    await page.invoke('onSubmitConsent');
    expect(await page.text()).toContain('请选择同意电子送达的范围');
    await page.invoke('onScope', { currentTarget: { dataset: { value: 'party' } } });
    expect(await page.text()).toContain('直至本人书面或在小程序内撤回');
    await page.invoke('onField', ...field('phone', '13800138000'));
    await page.invoke('onSubmitConsent');
    expect(await page.text()).toContain('请阅读送达地址确认书并勾选同意');
    await page.invoke('onAgree');
    await page.invoke('onSubmitConsent');
    expect(lastPayload()).toEqual({
      enrolmentId: ENROLMENT_ID,
      scope: 'party',
      phone: '13800138000',
      agreed: true,
    });
    text = await page.text();
    expect(text).toContain('等待执法人员核对');
    expect(text).toContain('138****8000');
  });

  it('refuses after a confirmation dialog: told that documents come on paper', async () => {
    let view = partyView('codeEntered');
    harness.answer = (c) => {
      if (c.event.action === 'service.refuse') view = partyView('refused');
      return ok(view);
    };
    const page = await harness.render(ENROL, { query: { scene: SCENE } });
    await answerDialogs(page);
    await page.invoke('onRefuse');
    await page.settle();
    expect(actions()).toEqual(['service.enrolStart', 'service.refuse']);
    expect(await page.text()).toContain('以纸质方式向您送达');
  });

  it('says a scene it does not know is not found, and a lock plainly', async () => {
    harness.answer = () => ok(partyView('locked', { triesLeft: 0 }));
    const bad = await harness.render(ENROL, { query: { scene: 'zzz' } });
    expect(await bad.text()).toContain('未找到该电子送达确认');
    expect(calls).toHaveLength(0);
    const locked = await harness.render(ENROL, { query: { scene: SCENE } });
    expect(await locked.text()).toContain('错误次数过多');
  });
});

describe('the party, later', () => {
  it('lists the consents in force when opened from the home page, and opens one to withdraw', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.myEnrolments'
        ? ok({ items: [partyView('active')] })
        : ok(partyView('active'));
    const page = await harness.render(ENROL);
    expect(calls[0]!.event.action).toBe('service.myEnrolments');
    let text = await page.text();
    expect(text).toContain('我的电子送达');
    expect(text).toContain('万卫罚立〔2026〕1号');
    expect(text).toContain('同意范围：本案及今后其他执法事项（直至本人撤回）');
    await page.invoke('onOpen', { currentTarget: { dataset: { id: ENROLMENT_ID } } });
    text = await page.text();
    expect(text).toContain('撤回同意');
  });

  it('says so when there is none, and how one enrols', async () => {
    harness.answer = () => ok({ items: [] });
    const page = await harness.render(ENROL);
    expect(await page.text()).toContain('暂无生效的电子送达');
  });
});

describe('the officer', () => {
  it("lists the case's enrolments so far, each opened with a tap", async () => {
    harness.answer = (c) =>
      c.event.action === 'service.enrolments'
        ? ok({ items: [staffView('refused', { identity: null })] })
        : ok(staffView('refused', { identity: null }));
    const page = await harness.render(OFFICER, { query: { caseId: CASE_ID } });
    expect(calls[0]!.event).toMatchObject({ action: 'service.enrolments', payload: { caseId: CASE_ID } });
    const text = await page.text();
    expect(text).toContain('本案的电子送达确认');
    expect(text).toContain('某某口腔诊所有限公司 · 当事人不同意电子送达（改用纸质送达）');
    expect(text).toContain('2026-12-01 10:02 当事人输入了正确的验证码');
    await page.invoke('onOpenEnrolment', { currentTarget: { dataset: { id: ENROLMENT_ID } } });
    expect(calls.at(-1)!.event).toMatchObject({
      action: 'service.enrolment',
      payload: { enrolmentId: ENROLMENT_ID },
    });
    expect(await page.text()).toContain('本次邀请已结束');
  });

  it('generates the invitation: the QR code image and the code shown large', async () => {
    harness.answer = (c) =>
      c.event.action === 'service.enrolments'
        ? ok({ items: [] })
        : ok({
            enrolmentId: ENROLMENT_ID,
            code: '042917',
            expiresAt: '2026-12-01T02:30:00.000Z',
            page: 'pages/service/enrol/index',
            scene: SCENE,
            contentType: 'image/png',
            imageBase64: 'iVBORw0KGgo=',
            caseNo: '万卫罚立〔2026〕1号',
            partyName: '某某口腔诊所有限公司',
          });
    const page = await harness.render(OFFICER, { query: { caseId: CASE_ID } });
    await page.invoke('onInvite');
    expect(calls[1]!.event).toMatchObject({ action: 'service.invite', payload: { caseId: CASE_ID } });
    expect(await page.page.$eval('[data-code]', (e) => e.textContent?.trim())).toBe('042 917');
    // The image itself is WeChat's <image> (simulate renders no src): the element is there once invited.
    expect(await page.page.$$eval('[data-qr]', (els) => els.length)).toBe(1);
    expect(await page.text()).toContain('2026-12-01 10:30');
  });

  it('reviews what the party typed and confirms with the registered 确认书 and AV', async () => {
    let view = staffView('consented');
    harness.answer = (c) => {
      if (c.event.action === 'case.get') return ok({ records: CASE_RECORDS });
      if (c.event.action === 'service.confirm') view = staffView('active');
      return ok(view);
    };
    const page = await harness.render(OFFICER, { query: { enrolmentId: ENROLMENT_ID } });
    let text = await page.text();
    expect(text).toContain('赵某某');
    expect(text).toContain('授权委托书（2026年12月1日）');
    expect(text).toContain('送达地址确认书（当事人签署）');
    expect(text).not.toContain('现场笔录');
    await answerDialogs(page);
    await page.invoke('onConfirm');
    await page.settle();
    expect(calls.at(-1)!.event).toMatchObject({
      action: 'service.confirm',
      payload: {
        enrolmentId: ENROLMENT_ID,
        confirmationRecordId: 'rec_aaaaaaaaaaaaaaaaaaaaaaaa',
        avRecordId: 'rec_bbbbbbbbbbbbbbbbbbbbbbbb',
      },
    });
    text = await page.text();
    expect(text).toContain('电子送达已生效');
  });

  it('asks for the reason before revoking, then offers to invite again', async () => {
    let view = staffView('active');
    harness.answer = (c) => {
      if (c.event.action === 'service.revoke') view = staffView('revoked', { allowedSteps: [] });
      return ok(view);
    };
    const page = await harness.render(OFFICER, { query: { enrolmentId: ENROLMENT_ID } });
    await page.invoke('onOpenRevoke');
    await page.invoke('onRevoke');
    expect(await page.text()).toContain('请填写撤销原因');
    await page.invoke('onReason', { detail: { value: '当事人更换了微信账号' } });
    await page.invoke('onRevoke');
    expect(lastPayload()).toEqual({ enrolmentId: ENROLMENT_ID, reason: '当事人更换了微信账号' });
    const text = await page.text();
    expect(text).toContain('已被执法人员撤销');
    expect(text).toContain('重新邀请');
  });
});
