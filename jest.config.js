/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

module.exports = {
  // Global only: jest ignores testTimeout inside a project. Integration hooks
  // bundle workflows and start workers, which takes seconds on 2 cores.
  testTimeout: 120000,
  // Run test files in a worker that is replaced once it holds more than this after a file. In
  // band (jest's choice on 2 cores) every file's module graph stays in one process: a CI run
  // reached V8's 4 GB heap limit there after ~20 minutes and aborted.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/tests/support/closingLineReporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      // The workflows' SLA and escalation logic in seconds: the time-skipping server and stub
      // activities, no PostgreSQL, no dev server, no console build.
      displayName: 'workflow',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/workflow-logic/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/quietWorkers.ts'],
      globalSetup: '<rootDir>/tests/workflow-logic/globalSetup.ts',
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/workflows/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/quietWorkers.ts'],
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
    {
      // Tests that change what every running case reads (loading the current year's notice
      // signals all of them): run by `npm test` after the other projects, one file at a time.
      displayName: 'district-wide',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/district-wide/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/quietWorkers.ts'],
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
    {
      // The browser console against the real servers: the integration project's servers (one
      // set per run) plus the console build, made only when one of these files runs.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/support/quietWorkers.ts'],
      globalSetup: '<rootDir>/tests/e2e/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
  ],
};
