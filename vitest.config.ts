import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and build tests share one built site; run files one after another on 2 cores.
    fileParallelism: false,
    reporters: ['default'],
  },
});
