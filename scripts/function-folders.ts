/**
 * The deployable cloud function folders and the checks that keep their deployment files consistent:
 * `cloudfunctions/<name>/{package.json, config.json}` and the root `cloudbaserc.json` describe the same
 * functions, and each folder needs nothing at run time beyond `@cloudbase/node-sdk` (so each
 * function folder deploys as built).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_DIR = path.join(REPO_ROOT, 'cloudfunctions');

/** Functions grouped by trust boundary (docs/architecture.md "Layers"). */
export const FUNCTION_NAMES = ['public', 'citizen', 'staff', 'scheduler', 'opendata'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** The only package a deployed folder installs; every other import is bundled. */
export const RUNTIME_DEPENDENCY = '@cloudbase/node-sdk';

/**
 * CloudBase runtime identifier. Nodejs20.19 is the newest Node runtime that every deployment path offers today
 * (console, `tcb fn deploy`, WeChat DevTools; docs.cloudbase.net/cloud-function/develop/introduce lists 20.19 /
 * 18.15 / 16.13). The runtime cannot be changed after a function is created. See deploy/README.md.
 */
export const CLOUDBASE_RUNTIME = 'Nodejs20.19';
/** esbuild target matching CLOUDBASE_RUNTIME. */
export const ESBUILD_NODE_TARGET = 'node20.19';

interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

/** cloudfunctions/<name>/config.json: what the emulator runner and cloudbaserc.json both follow. */
export interface FunctionConfig {
  timeout: number;
  memorySize: number;
  envVariables: string[];
  triggers?: TimerTrigger[];
}

interface CloudbasercFunction {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  ignore: string[];
  envVariables: Record<string, string>;
  triggers?: TimerTrigger[];
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`无法读取 ${path.relative(REPO_ROOT, file)}：${(err as Error).message}`);
  }
}

export function functionDir(name: string, root = FUNCTIONS_DIR): string {
  return path.join(root, name);
}

export function readFunctionConfig(name: string, root = FUNCTIONS_DIR): FunctionConfig {
  return readJson<FunctionConfig>(path.join(functionDir(name, root), 'config.json'));
}

/** Problems with one folder's package.json and config.json, in Chinese; empty when all is well. */
export function checkFunctionFolder(name: FunctionName): string[] {
  const problems: string[] = [];
  const dir = functionDir(name);
  for (const file of ['package.json', 'config.json', 'src/index.ts']) {
    if (!existsSync(path.join(dir, file))) problems.push(`cloudfunctions/${name}/${file} 不存在`);
  }
  if (problems.length) return problems;

  const rootPkg = readJson<{ dependencies: Record<string, string> }>(path.join(REPO_ROOT, 'package.json'));
  const pkg = readJson<{ main?: string; dependencies?: Record<string, string>; devDependencies?: unknown }>(
    path.join(dir, 'package.json'),
  );
  const deps = Object.keys(pkg.dependencies ?? {});
  if (deps.length !== 1 || deps[0] !== RUNTIME_DEPENDENCY) {
    problems.push(
      `cloudfunctions/${name}/package.json 只能依赖 ${RUNTIME_DEPENDENCY}，现为：${deps.join(', ') || '(无)'}`,
    );
  } else if (pkg.dependencies?.[RUNTIME_DEPENDENCY] !== rootPkg.dependencies[RUNTIME_DEPENDENCY]) {
    problems.push(
      `cloudfunctions/${name}/package.json 中 ${RUNTIME_DEPENDENCY} 的版本范围须与根 package.json 相同（${rootPkg.dependencies[RUNTIME_DEPENDENCY]}）`,
    );
  }
  if (pkg.devDependencies) problems.push(`cloudfunctions/${name}/package.json 不应有 devDependencies`);
  if (pkg.main !== 'index.js') problems.push(`cloudfunctions/${name}/package.json 的 main 须为 index.js`);

  const config = readFunctionConfig(name);
  const timers = config.triggers ?? [];
  // CloudBase allows one timer trigger per function (docs.cloudbase.net/cli-v1/functions/trigger).
  if (timers.length > 1) problems.push(`cloudfunctions/${name}/config.json：每个云函数最多一个定时触发器`);
  for (const t of timers) {
    if (t.type !== 'timer' || t.config.trim().split(/\s+/).length !== 7) {
      problems.push(`cloudfunctions/${name}/config.json：触发器 ${t.name} 须为 timer 类型、7 段 cron 表达式`);
    }
  }
  if (!(config.timeout >= 1 && config.timeout <= 60)) {
    problems.push(`cloudfunctions/${name}/config.json：timeout 须在 1–60 秒之间`);
  }
  return problems;
}

/** What cloudbaserc.json must say for a function, derived from its config.json. */
export function expectedCloudbaserc(name: FunctionName): CloudbasercFunction {
  const config = readFunctionConfig(name);
  return {
    name,
    runtime: CLOUDBASE_RUNTIME,
    handler: 'index.main',
    timeout: config.timeout,
    memorySize: config.memorySize,
    installDependency: true,
    ignore: ['src/**', 'node_modules/**'],
    // Names only: values come from the deploying shell's environment, never from the file.
    envVariables: Object.fromEntries(config.envVariables.map((key) => [key, `{{env.${key}}}`])),
    ...(config.triggers?.length ? { triggers: config.triggers } : {}),
  };
}

/** Problems with cloudbaserc.json against the folders' config.json files. */
export function checkCloudbaserc(): string[] {
  const rc = readJson<{
    envId?: string;
    functions?: CloudbasercFunction[];
    framework?: {
      plugins?: { function?: { inputs?: { functions?: unknown; servicePaths?: Record<string, string> } } };
    };
  }>(path.join(REPO_ROOT, 'cloudbaserc.json'));
  const problems: string[] = [];
  if (rc.envId !== '{{env.ENV_ID}}') problems.push('cloudbaserc.json 的 envId 须为 {{env.ENV_ID}}');
  const expected = FUNCTION_NAMES.map(expectedCloudbaserc);
  if (JSON.stringify(rc.functions) !== JSON.stringify(expected)) {
    problems.push(
      'cloudbaserc.json 的 functions 与各函数 config.json 不一致（运行时、超时、内存、环境变量名、触发器）',
    );
  }
  const inputs = rc.framework?.plugins?.function?.inputs;
  if (JSON.stringify(inputs?.functions) !== JSON.stringify(expected)) {
    problems.push('cloudbaserc.json 的 framework.plugins.function.inputs.functions 须与 functions 相同');
  }
  if (inputs?.servicePaths?.opendata !== '/opendata') {
    problems.push('cloudbaserc.json 须把 opendata 的 HTTP 访问路径配置为 /opendata');
  }
  for (const secretLike of Object.values(rc.functions ?? []).flatMap((f) =>
    Object.values(f.envVariables ?? {}),
  )) {
    if (!/^\{\{env\.[A-Z0-9_]+\}\}$/.test(secretLike)) {
      problems.push('cloudbaserc.json 的环境变量只能写占位符 {{env.NAME}}，不能写值');
    }
  }
  return problems;
}
