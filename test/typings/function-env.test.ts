/**
 * typings/function-env.d.ts is the one list of the environment variables the functions read: every name server/
 * reads is declared there, every name the deployment sets is declared, and each required one is set for some
 * function in cloudbaserc.json and explained in the README's deployment section.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function serverSources(dir = path.join(ROOT, 'server')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

const declarations = [
  ...read('typings/function-env.d.ts').matchAll(/\/\*\* ([^*]+)\*\/\s+([A-Z0-9_]+)\?: string;/g),
];
const declared = new Map(declarations.map(([, doc, name]) => [name!, doc!]));
const required = [...declared].filter(([, doc]) => doc.startsWith('Required')).map(([name]) => name);

it('declares the variables with their meaning', () => {
  expect(declared.size).toBeGreaterThanOrEqual(5);
  expect(required).toEqual(expect.arrayContaining(['MINIPROGRAM_APPID', 'PERSONAL_DATA_SALT']));
});

it('declares every variable the server code reads', () => {
  const read = new Set(
    serverSources().flatMap((src) => [...src.matchAll(/process\.env\.([A-Z0-9_]+)/g)].map((m) => m[1]!)),
  );
  expect(read.size).toBeGreaterThan(0);
  expect([...read].filter((name) => !declared.has(name))).toEqual([]);
});

it('matches the deployment configuration and the README', () => {
  const config = JSON.parse(read('cloudbaserc.json')) as { functions: Array<{ envVariables?: object }> };
  const deployed = new Set(config.functions.flatMap((f) => Object.keys(f.envVariables ?? {})));
  expect([...deployed].filter((name) => !declared.has(name))).toEqual([]);
  expect(required.filter((name) => !deployed.has(name))).toEqual([]);
  const readme = read('README.md');
  const deployment = readme.slice(
    readme.indexOf('## Deployment'),
    readme.indexOf('\n## ', readme.indexOf('## Deployment') + 5),
  );
  expect(required.filter((name) => !deployment.includes(`\`${name}\``))).toEqual([]);
});
