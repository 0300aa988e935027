import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/src/**/*.test.tsx',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    // Set-up hooks start servers and make fixtures of every entity; on a loaded 2-core machine that takes time.
    hookTimeout: 120_000,
  },
});
