import { defineConfig } from 'vitest/config';

// Checks on the production build (dist/, or the folder in DIST): run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
  },
});
