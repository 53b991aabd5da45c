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
  },
});
