/** The operator command against a running emulator: its last line is an invitation code that binds. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
});
afterAll(() => emu.stop());

async function admin(...args: string[]): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(emu.port), DATA_DIR: emu.dataDir };
  delete env.TCB_ENV_ID;
  delete env.ENV_ID;
  const { stdout } = await run(TSX, [path.join(ROOT, 'scripts', 'admin.ts'), ...args], { cwd: ROOT, env });
  return stdout.trim().split('\n');
}

describe('npm run admin', () => {
  it('invite prints a code as its last line, and that code binds', async () => {
    const lines = await admin(
      'invite',
      '--roles',
      'officer,custodian',
      '--name',
      '张三',
      '--unit',
      'unit_enforcement',
      '--section',
      'sec_dept_1',
    );
    const code = lines.at(-1)!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}$/);
    const bound = await emu.call(
      'staff',
      { action: 'staff.bind', payload: { inviteCode: code }, requestId: 'cli-bind-1' },
      'o-cli-1',
    );
    expect(bound).toMatchObject({
      ok: true,
      data: { name: '张三', unitId: 'unit_enforcement', sectionId: 'sec_dept_1' },
    });
    const me = await emu.call('staff', { action: 'staff.me', payload: {}, requestId: 'cli-me-1' }, 'o-cli-1');
    expect(me.data.roles.map((r: { role: string }) => r.role).sort()).toEqual(['custodian', 'officer']);
  }, 60_000);

  it('creates units and sections and lists them', async () => {
    const unitId = (
      await admin(
        'unit',
        'create',
        '--name',
        '另一执法单位',
        '--kind',
        'enforcement',
        '--parent',
        'unit_commission',
      )
    ).at(-1)!;
    const sectionId = (
      await admin('section', 'create', '--unit', unitId, '--name', '执法三大队', '--kind', 'department')
    ).at(-1)!;
    const listing = (await admin('list')).join('\n');
    expect(listing).toContain(`单位 ${unitId}  另一执法单位`);
    expect(listing).toContain(`科室 ${sectionId}  执法三大队`);
    expect(listing).toContain('stf_admin_1');
  }, 60_000);

  it('bootstrap sets up a chart, prints one code per new account, and changes nothing when run again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chart-'));
    const file = path.join(dir, 'chart.json');
    writeFileSync(
      file,
      JSON.stringify({
        units: [
          {
            id: 'unit_b',
            name: '乙执法单位',
            kind: 'enforcement',
            parentUnitId: 'unit_commission',
            headStaffId: 'stf_b_head',
          },
        ],
        sections: [{ id: 'sec_b1', unitId: 'unit_b', name: '乙一大队', kind: 'department' }],
        staff: [
          {
            id: 'stf_b_head',
            name: '乙队长',
            unitId: 'unit_b',
            roles: [
              ['principal', 'unit_b'],
              ['reviewer', 'unit_b'],
            ],
          },
          {
            id: 'stf_b_officer',
            name: '乙队员',
            unitId: 'unit_b',
            sectionId: 'sec_b1',
            roles: [
              ['officer', 'unit_b'],
              ['auditor', 'unit_commission'],
            ],
          },
        ],
        supervision: [{ leaderStaffId: 'stf_b_head', sectionIds: ['sec_b1'] }],
      }),
    );
    const lines = await admin('bootstrap', '--file', file);
    const codes = lines.filter((l) => /^stf_b_/.test(l)).map((l) => l.split('\t'));
    expect(codes.map((c) => c[0])).toEqual(['stf_b_head', 'stf_b_officer']);
    const bound = await emu.call(
      'staff',
      { action: 'staff.bind', payload: { inviteCode: codes[1]![2] }, requestId: 'cli-bind-b' },
      'o-cli-b',
    );
    expect(bound).toMatchObject({ ok: true, data: { staffId: 'stf_b_officer', sectionId: 'sec_b1' } });
    const me = await emu.call('staff', { action: 'staff.me', payload: {}, requestId: 'cli-me-b' }, 'o-cli-b');
    expect(
      me.data.roles.map((r: { role: string; unitId: string }) => `${r.role}@${r.unitId}`).sort(),
    ).toEqual(['auditor@unit_commission', 'officer@unit_b']);
    expect((await admin('bootstrap', '--file', file)).filter((l) => /^stf_b_/.test(l))).toEqual([]);
    writeFileSync(file, JSON.stringify({ units: [] }));
    await expect(admin('bootstrap', '--file', file)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('组织架构文件有误'),
    });
  }, 90_000);

  it('fails with a Chinese message and a non-zero exit on bad input', async () => {
    await expect(admin('invite', '--roles', 'wizard')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--roles'),
    });
  }, 60_000);
});
