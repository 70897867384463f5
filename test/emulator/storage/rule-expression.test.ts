import { compileRule, RuleError } from '../../../emulator/storage/rule-expression';

const alice = {
  auth: { openid: 'o-a' },
  resource: { openid: 'o-a', path: 'quarantine/o-a/x.png', size: 10 },
  now: 5,
};

describe('storage rule expressions', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['resource.openid == auth.openid', true],
    ["resource.openid != 'o-a'", false],
    ["resource.path.startsWith('quarantine/' + auth.openid + '/')", true],
    ["resource.path.endsWith('.pdf')", false],
    ['!(auth == null) && (resource.size <= 10 || false)', true],
    ['resource.size > 10', false],
    ['auth.missing == null', true],
    ["\"a\\'b\" == 'a\\'b'", true],
  ])('%s → %s', (source, expected) => {
    expect(compileRule(source)(alice)).toBe(expected);
  });

  it('denies (throws) when reading a field of null and short-circuits before it', () => {
    const anonymous = { ...alice, auth: null };
    expect(() => compileRule('auth.openid == resource.openid')(anonymous)).toThrow(RuleError);
    expect(compileRule('auth != null && auth.openid == resource.openid')(anonymous)).toBe(false);
  });

  it.each([
    'resource.openid ==',
    'constructor',
    'auth.openid.toString()',
    "process.exit(1) == 'x'",
    'a = 1',
    '1 + ',
  ])('refuses %s', (source) => {
    expect(() => compileRule(source)(alice)).toThrow(RuleError);
  });

  it('does not reach prototype properties', () => {
    expect(compileRule('auth.constructor == null')(alice)).toBe(true);
  });

  it('refuses comparing a string with a number', () => {
    expect(() => compileRule("resource.size > '3'")(alice)).toThrow(RuleError);
  });
});
