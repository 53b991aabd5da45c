import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/db/**/*.test.{ts,tsx}',
      'tests/server/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // Tests that run the whole analysis on the demo class take 2-4 s alone and were seen at the
    // default 5 s limit on a loaded 2-core machine: a limit is for hangs, not for speed (that is
    // the bench's job).
    testTimeout: 20_000,
  },
});
