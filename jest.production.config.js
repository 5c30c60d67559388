// The `production` project: the production topology (npm run stack:production) started once by
// its globalSetup (Temporal Server on PostgreSQL, the UI server, the OpenID provider, two workers
// and the API in production mode). A config of its own so `npm test` never starts it:
// `npm run test:production` (CI runs it after npm test).
const base = require('./jest.config');

module.exports = {
  testTimeout: 180000,
  reporters: base.reporters,
  projects: [
    {
      displayName: 'production',
      testEnvironment: 'node',
      transform: base.projects[0].transform,
      testMatch: ['<rootDir>/tests/production/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/production/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/production/globalTeardown.ts',
    },
  ],
};
