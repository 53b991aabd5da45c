import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { closureChunks } from './scripts/closure-chunks.ts';
import { earlyInline } from './scripts/early-inline.ts';

const chunks = closureChunks({
  boot: ['src/main.tsx'],
  // What the start screen loads once it is ready (its live query, the lock's channel, the
  // clean-up, sync's resume), which every other screen reads through as well.
  afterStart: [
    'src/db/repo/classes.ts',
    'src/db/lock/lock.ts',
    'src/db/repo/maintenance.ts',
    'src/db/sync/boot.ts',
  ],
});

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    preact(),
    chunks.plugin,
    earlyInline('src/early.ts'),
    VitePWA({
      // Our own tiny worker (src/sw.ts); registration is done by the app so that an
      // update is offered, never forced mid-lesson.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon-48.png', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        name: 'Spiegel — kijk hoe je je leerlingen bejegent',
        short_name: 'Spiegel',
        description:
          'Leg vast wie de beurt krijgt en zie je eigen patronen terug. Alles blijft op je apparaat.',
        lang: 'nl',
        theme_color: '#1f5f5b',
        background_color: '#f7f4ee',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    rollupOptions: { output: { codeSplitting: { groups: chunks.groups } } },
  },
});
