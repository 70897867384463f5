/** Dependency rules from DESIGN.md "Layers": dependencies point downwards only. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ is the pure domain: no I/O, no wx, no @cloudbase, no other layer',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: [
          '^(server|cloudfunctions|emulator|miniprogram|scripts)/',
          '@cloudbase',
          'better-sqlite3',
          '^(fs|net|http|https|child_process|dgram|tls|dns|worker_threads|cluster)$',
          '^node:(fs|net|http|https|child_process|dgram|tls|dns|worker_threads|cluster)',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'server-not-up',
      comment: 'server/ depends on core/ only among the layers',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(cloudfunctions|emulator|miniprogram|scripts|test)/' },
    },
    {
      name: 'deployables-never-import-emulator',
      comment: 'nothing deployable (core, server, cloudfunctions, miniprogram) imports the dev-only emulator',
      severity: 'error',
      from: { path: '^(core|server|cloudfunctions|miniprogram)/' },
      to: { path: '^emulator/' },
    },
    {
      name: 'emulator-not-server',
      comment:
        'the emulator seeds through the admin command (scripts/admin) and the functions over HTTP, like an operator and its users; it imports nothing from server/',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-modules-import-no-feature',
      comment:
        'shared backend modules never import a feature: a feature plugs into them through the plugin list of its function (server/router/plugins.ts: deadline providers, outbox handlers, role filters); the feature-data and side-effect-import rules are in scripts/check-layers.ts',
      severity: 'error',
      from: {
        path: '^server/(router|ledger|org|outbox|settings|platform|dashboard|security|media|privacy|wechat|calendar)/',
      },
      to: { path: '^server/features/' },
    },
    {
      name: 'record-types-declare-only',
      comment:
        'a record type is a declaration plus its domain rules: the kernel test types import the declaration API and core/ only, never the server',
      severity: 'error',
      from: { path: '^test/server/kernel/types/' },
      to: { pathNot: '^core/' },
    },
    {
      name: 'miniprogram-client-only',
      comment: 'miniprogram/ imports neither server/ nor emulator/ nor cloudfunctions/',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^(server|emulator|cloudfunctions)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|miniprogram_npm|\\.data)/|cloudfunctions/[^/]+/index\\.js$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
