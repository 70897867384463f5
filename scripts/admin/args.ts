/** Minimal `--flag value` parsing for the operator command (no dependency needed for four flags). */
export interface ParsedArgs {
  words: string[];
  flags: Record<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new Error(`参数 --${key} 缺少取值`);
      }
      flags[key] = value;
      if (inline === undefined) i++;
    } else {
      words.push(arg);
    }
  }
  return { words, flags };
}

export function required(flags: Record<string, string>, key: string): string {
  const v = flags[key];
  if (!v) throw new Error(`缺少参数 --${key}`);
  return v;
}
