/**
 * A small, safe evaluator for CloudBase storage-rule expressions (no JS eval). The documented syntax
 * (https://docs.cloudbase.net/storage/security-rules, 表达式语法) has the variables `auth`, `resource`, `now`,
 * member access, string/number/boolean/null literals and the operators == != > < >= <= && ||. The rules
 * language is "similar to JavaScript" (https://docs.cloudbase.net/rule/learn-rules); this evaluator also takes
 * `!`, parentheses, `+` (string concatenation / addition) and the string methods `startsWith`/`endsWith`,
 * which the repository's rules use to confine writes to `quarantine/<openid>/`.
 * Anything else is a syntax error, and any evaluation error (e.g. `auth.openid` when `auth` is null) denies.
 */
export class RuleError extends Error {}

type Value = string | number | boolean | null | { readonly [key: string]: Value | undefined };
export type RuleScope = Readonly<Record<string, Value>>;

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'variable'; name: string }
  | { kind: 'member'; object: Node; property: string }
  | { kind: 'call'; object: Node; method: string; args: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(==|!=|<=|>=|&&|\|\||[<>!+().,]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new RuleError(`规则表达式第 ${at + 1} 个字符无法识别`);
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  }
  return tokens;
}

const METHODS = new Set(['startsWith', 'endsWith']);
const PRECEDENCE: ReadonlyArray<ReadonlyArray<string>> = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['+'],
];

/** Parses once; the returned function evaluates against a scope and answers whether the rule allows. */
export function compileRule(source: string): (scope: RuleScope) => boolean {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new RuleError(`规则表达式语法错误：期望 ${expected ?? '表达式'}，实际为 ${token ?? '结尾'}`);
    }
    return token;
  };

  const binary = (level: number): Node => {
    if (level === PRECEDENCE.length) return unary();
    let left = binary(level + 1);
    while (PRECEDENCE[level]?.includes(peek() ?? '')) {
      const op = take();
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '!') {
      take();
      return { kind: 'not', operand: unary() };
    }
    return postfix(primary());
  };
  const postfix = (node: Node): Node => {
    while (peek() === '.') {
      take();
      const name = take();
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new RuleError(`规则表达式语法错误：. 之后须为字段名`);
      if (peek() !== '(') {
        node = { kind: 'member', object: node, property: name };
        continue;
      }
      if (!METHODS.has(name)) throw new RuleError(`规则表达式不支持方法 ${name}`);
      take('(');
      const args: Node[] = [];
      while (peek() !== ')') {
        args.push(binary(0));
        if (peek() !== ')') take(',');
      }
      take(')');
      node = { kind: 'call', object: node, method: name, args };
    }
    return node;
  };
  const primary = (): Node => {
    const token = take();
    if (token === '(') {
      const inner = binary(0);
      take(')');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'literal', value: Number(token) };
    if (token.startsWith("'") || token.startsWith('"')) {
      return { kind: 'literal', value: token.slice(1, -1).replace(/\\(.)/g, '$1') };
    }
    if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
    if (token === 'null') return { kind: 'literal', value: null };
    if (/^[A-Za-z_$]/.test(token)) return { kind: 'variable', name: token };
    throw new RuleError(`规则表达式语法错误：意外的 ${token}`);
  };

  const tree = binary(0);
  if (position !== tokens.length) throw new RuleError(`规则表达式语法错误：多余的 ${tokens[position]}`);
  return (scope) => evaluate(tree, scope) === true;
}

function evaluate(node: Node, scope: RuleScope): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'variable':
      if (!Object.hasOwn(scope, node.name)) throw new RuleError(`规则表达式中的未知变量 ${node.name}`);
      return scope[node.name] ?? null;
    case 'member': {
      const object = evaluate(node.object, scope);
      if (object === null || typeof object !== 'object')
        throw new RuleError(`不能读取空值的字段 ${node.property}`);
      return Object.hasOwn(object, node.property) ? (object[node.property] ?? null) : null;
    }
    case 'call': {
      const target = evaluate(node.object, scope);
      const arg = node.args.length === 1 && node.args[0] ? evaluate(node.args[0], scope) : undefined;
      if (typeof target !== 'string' || typeof arg !== 'string') {
        throw new RuleError(`${node.method} 只用于字符串，且须有一个字符串参数`);
      }
      return node.method === 'startsWith' ? target.startsWith(arg) : target.endsWith(arg);
    }
    case 'not':
      return !truthy(evaluate(node.operand, scope));
    case 'binary':
      return evaluateBinary(node.op, node.left, node.right, scope);
  }
}

function evaluateBinary(op: string, leftNode: Node, rightNode: Node, scope: RuleScope): Value {
  const left = evaluate(leftNode, scope);
  if (op === '&&') return truthy(left) ? truthy(evaluate(rightNode, scope)) : false;
  if (op === '||') return truthy(left) ? true : truthy(evaluate(rightNode, scope));
  const right = evaluate(rightNode, scope);
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (typeof left === 'string' && typeof right === 'string') {
    if (op === '+') return left + right;
  } else if (typeof left === 'number' && typeof right === 'number') {
    if (op === '+') return left + right;
  } else {
    throw new RuleError(`运算 ${op} 的两边须同为字符串或同为数字`);
  }
  switch (op) {
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    default:
      return left >= right;
  }
}

function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== 0 && value !== '';
}
