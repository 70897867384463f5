/**
 * The complaint form's 使用微信绑定的手机号 button (pages/complaint/form/phone.ts), rendered in Chromium: the page
 * only forwards `e.detail.code` to `contact.phoneNumber` (the backend is answered here); success fills the phone
 * field, a refusal or a failure keeps what was typed and shows a gentle hint.
 */
import type { Rendered } from '../../scripts/miniprogram/render';
import { typed } from './fixtures';
import { pageHarness } from './harness';

const harness = pageHarness();
const { calls } = harness;

async function renderForm(): Promise<Rendered> {
  const page = await harness.render('pages/complaint/form/index', { query: { kind: 'complaint' } });
  // Drafts in a map: the shell's stub has no storage.
  await page.page.evaluate(() => {
    const w = globalThis as unknown as { wx: Record<string, unknown>; __store: Record<string, unknown> };
    w.__store = {};
    Object.assign(w.wx, {
      getStorageSync: (k: string) => w.__store[k] ?? '',
      setStorageSync: (k: string, v: unknown) => {
        w.__store[k] = v;
      },
      removeStorageSync: (k: string) => {
        delete w.__store[k];
      },
    });
  });
  return page;
}

const typedPhone = (value: string) => typed(value, 'contactPhone');
const phoneButton = (detail: Record<string, unknown>) => ({ currentTarget: { dataset: {} }, detail });
const contactPhone = (page: Rendered) =>
  page.page.evaluate(
    () =>
      (globalThis as unknown as { __comp: { instance: { data: { form: { contactPhone: string } } } } }).__comp
        .instance.data.form.contactPhone,
  );

describe('使用微信绑定的手机号', () => {
  it('shows the button in real-name mode only', async () => {
    const page = await renderForm();
    expect(await page.text()).toContain('使用微信绑定的手机号');
    await page.invoke('onKind', { currentTarget: { dataset: { kind: 'report' } } });
    await page.invoke('onContactMode', { currentTarget: { dataset: { mode: 'anonymous' } } });
    expect(await page.text()).not.toContain('使用微信绑定的手机号');
  });

  it('sends only the code and fills the phone field with the answer', async () => {
    harness.answer = () => ({ ok: true, data: { purePhoneNumber: '13712345678' } });
    const page = await renderForm();
    await page.invoke('onField', typedPhone('0231234'));
    await page.invoke(
      'onGetPhoneNumber',
      phoneButton({ code: 'one-time-code', errMsg: 'getPhoneNumber:ok' }),
    );
    expect(calls.map((c) => [c.fn, c.event.action, c.event.payload])).toEqual([
      ['citizen', 'contact.phoneNumber', { code: 'one-time-code' }],
    ]);
    expect(await contactPhone(page)).toBe('13712345678');
    expect(await page.text()).not.toContain('直接填写联系电话');
  });

  it('keeps the typed number and hints gently when the person declines, without calling the backend', async () => {
    const page = await renderForm();
    await page.invoke('onField', typedPhone('13987654321'));
    await page.invoke('onGetPhoneNumber', phoneButton({ errMsg: 'getPhoneNumber:fail user deny' }));
    expect(calls).toHaveLength(0);
    expect(await contactPhone(page)).toBe('13987654321');
    expect(await page.text()).toContain('未使用微信手机号，您可以直接填写联系电话');
  });

  it("keeps the typed number and shows the backend's words when the code is refused", async () => {
    harness.answer = () => ({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '获取手机号失败，请手动填写' },
    });
    const page = await renderForm();
    await page.invoke('onField', typedPhone('13987654321'));
    await page.invoke('onGetPhoneNumber', phoneButton({ code: 'used-code', errMsg: 'getPhoneNumber:ok' }));
    expect(calls).toHaveLength(1);
    expect(await contactPhone(page)).toBe('13987654321');
    expect(await page.text()).toContain('获取手机号失败，请手动填写');
  });

  it('says typing works when the service fails', async () => {
    harness.answer = () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    });
    const page = await renderForm();
    await page.invoke('onGetPhoneNumber', phoneButton({ code: 'c', errMsg: 'getPhoneNumber:ok' }));
    expect(await contactPhone(page)).toBe('');
    expect(await page.text()).toContain('暂时无法获取微信绑定的手机号，请直接填写联系电话');
  });
});
