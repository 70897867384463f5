/**
 * Bad input through the function surface (security issue items 8, 9, 12): a payload nested thousands deep or
 * too large is refused before anything reads it, answers echo nothing the caller sent beyond a short field
 * path, caller-chosen action names never reach the log, and every field message names its field in Chinese.
 */
import type { TestEmulator } from '../../helpers/emulator';
import { newOpenid, staffCaller, startSeededEmulator } from '../org/helpers';

let emu: TestEmulator;
let staff: ReturnType<typeof staffCaller>;
const consoleLines: string[] = [];

beforeAll(async () => {
  emu = await startSeededEmulator();
  staff = staffCaller(emu);
  // The functions' own log lines (server/platform/logger.ts) go to the console.
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    consoleLines.push(args.map(String).join(' '));
  });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await emu.stop();
});

/** Posts a JSON text as is: JSON.stringify itself overflows on the nesting these tests send. */
async function postRaw(fn: string, body: string, openid: string) {
  const res = await fetch(`${emu.url}/fn/${fn}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-WX-OPENID': openid,
      'X-WX-APPID': emu.ctx.options.appId,
    },
    body,
  });
  return (await res.json()) as any;
}

const table = { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [], source: '国办发明电〔2026〕1号' };

describe('item 8: payload size and depth are capped before anything reads them', () => {
  it('refuses an extra key nested 5,000 deep in calendar.loadYear with INVALID_INPUT on payload', async () => {
    const tableJson = JSON.stringify(table).slice(0, -1);
    const deep = `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const body = `{"action":"calendar.loadYear","requestId":"req-deep-0001","payload":${tableJson},"extra":${deep}}}`;
    const res = await postRaw('staff', body, 'demo-admin-1');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(res.error.fields).toEqual({ payload: expect.stringMatching(/层级过深/) });
  });

  it('refuses a payload over the size cap', async () => {
    const res = await staff('demo-admin-1', 'calendar.loadYear', { ...table, source: '文'.repeat(100_000) });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } },
    });
    expect(res.error.fields.payload).toMatch(/过大/);
  });

  it('refuses an unknown key in calendar.loadYear (strict schema), naming the key only in the path', async () => {
    const res = await staff('demo-admin-1', 'calendar.loadYear', { ...table, note: 'x' });
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.fields).toEqual({ 'payload.note': '提交的内容中不能有此项，请删除' });
  });
});

describe('item 9: answers and logs echo nothing the caller chose', () => {
  it('does not echo a 1 MB unknown key anywhere in the answer', async () => {
    const key = 'k'.repeat(1024 * 1024);
    const res = await staff('demo-admin-1', 'staff.suspend', { staffId: 'stf_officer_1', [key]: 1 });
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(res).length).toBeLessThan(1000);
    expect(JSON.stringify(res)).not.toContain('kkkkkkkkkk');
  });

  it('does not echo a long unknown key that fits the size cap', async () => {
    const key = 'k'.repeat(50_000);
    const res = await staff('demo-admin-1', 'staff.suspend', { staffId: 'stf_officer_1', [key]: 1 });
    expect(res.error.fields).toEqual({ payload: '提交的内容含有不支持的字段，请删除' });
  });

  it('logs an unknown action under a fixed placeholder, never the name sent', async () => {
    const name = '13912345678王小明';
    const res = await emu.call('citizen', { action: name, payload: {} }, newOpenid());
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { action: expect.any(String) } },
    });
    const logs = [...emu.logs, ...consoleLines].join('\n');
    expect(logs).not.toContain('13912345678');
    expect(logs).toContain('(unknown)');
  });
});

describe('item 12: every field message names its field', () => {
  it.each([
    ['staff.suspend', { staffId: 5 }, { 'payload.staffId': '工作人员编号应为文字' }],
    ['staff.suspend', {}, { 'payload.staffId': '请填写工作人员编号' }],
    ['org.createUnit', { name: '', kind: 'x' }, { 'payload.name': '请填写单位名称' }],
    ['complaint.queue', { pageSize: 0 }, { 'payload.pageSize': '每页条数不能小于 1' }],
    ['officer.add', { name: 7 }, { 'payload.name': '姓名应为文字' }],
  ])('%s %j', async (action, payload, expected) => {
    // A caller entitled to the action: the payload is read only after the role check.
    const res = await staff(
      action.startsWith('complaint.') ? 'demo-unit-head' : 'demo-admin-1',
      action,
      payload,
    );
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.fields).toMatchObject(expected);
  });
});
