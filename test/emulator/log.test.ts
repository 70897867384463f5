/** The emulator's logging: allowlisted call lines, and unexpected errors shown without their (data-quoting) message. */
import { createLogger, errorSummary } from '../../emulator/log';

describe('createLogger', () => {
  it('drops every field not on the allowlist', () => {
    const lines: string[] = [];
    const entry = { kind: 'fn', name: 'staff', action: 'staff.bind', openid: 'o-secret', inviteCode: 'ABCD' };
    createLogger((line) => lines.push(line))(entry as Parameters<ReturnType<typeof createLogger>>[0]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'fn', name: 'staff', action: 'staff.bind' });
    expect(lines[0]).not.toMatch(/o-secret|ABCD/);
  });
});

describe('errorSummary', () => {
  it('keeps the class, code and stack frames but never the message', () => {
    const err = Object.assign(new TypeError('no document for openid o-secret-1 phone 13800138000'), {
      code: 'DATABASE_REQUEST_FAILED',
    });
    const summary = errorSummary(err);
    expect(summary).toMatch(/^TypeError DATABASE_REQUEST_FAILED\n\s+at /);
    expect(summary).toContain('log.test.ts');
    expect(summary).not.toMatch(/o-secret|13800138000|openid/);
  });

  it('says only the type of a thrown non-error', () => {
    expect(errorSummary('token=abc')).toBe('(string)');
    expect(errorSummary({ phone: '13800138000' })).toBe('(object)');
  });
});
