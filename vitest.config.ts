import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check runs many cases per property; keep the default timeout generous for slow CI machines.
    testTimeout: 30_000,
  },
});
