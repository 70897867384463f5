/**
 * `npm run test:stress`: concurrent writers through the real SDK against the emulator with a seeded database
 * latency, asserting correctness only (no timing). One file at a time; kept out of `npm test` (its files end in
 * `.stress.ts`), run by CI after the tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/emulator', '<rootDir>/test/server'],
  // The write-path stress runs the built functions in an emulator process.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testMatch: ['**/*.stress.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 1,
  testTimeout: 180000,
};
