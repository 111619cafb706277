import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          globalSetup: ['test/setup/database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/database.ts'],
          // A whole journey in one test: the rent default takes ~45 s on two quiet cores, ~2 min under load
          // (seen: 120 s exceeded while other test runs shared the machine).
          testTimeout: 240_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: { name: 'web', environment: 'node', include: ['src/web/**/*.test.ts', 'src/contracts/**/*.test.ts'] },
      },
    ],
  },
});
