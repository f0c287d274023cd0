import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One throwaway PostgreSQL cluster per run, for the database suites that also run on PGlite (DESIGN.md §11).
    globalSetup: ['test/global-setup.ts'],
    // Generous: PGlite stores take seconds to open, and the machine may be shared and busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
