import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/dynamodb-local.ts', 'test/setup/web-desk.ts'],
    // fast-check runs many cases per property, and integration tests wait on DynamoDB Local.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The SDK warns that releases after January 2027 need Node 22: Lambda runs 22, the lock file
    // pins today's SDK for the machine's Node 20.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
