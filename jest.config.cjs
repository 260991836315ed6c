/** Jest runs the TypeScript sources through ts-jest (transpile only: `npm run typecheck` checks types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node', target: 'ES2020', isolatedModules: true } },
    ],
  },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/fast-check-seed.cjs'],
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
};
