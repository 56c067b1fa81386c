import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressWebBuild } from './scripts/precompress-web-build.ts';

const { version } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'),
) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS with its dependencies bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    // The web build reports the same version as the desktop app (see the help page).
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
    plugins: [
      react(),
      // The web build opens offline: a service worker precaches the workstation shell.
      VitePWA({
        injectRegister: null,
        registerType: 'autoUpdate',
        manifest: {
          name: 'Lapor Workstation',
          short_name: 'Lapor',
          lang: 'id',
          start_url: './',
          display: 'standalone',
          background_color: '#f5f6f8',
          theme_color: '#0f2c4c',
          description: 'Meja kerja petugas pengaduan SP4N-LAPOR!, tetap bekerja tanpa koneksi',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
            {
              src: 'icon-maskable-512.png',
              sizes: '512x512',
              type: 'image/png',
              purpose: 'maskable',
            },
            { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          navigateFallback: 'index.html',
          // Only the shell is kept: API answers (tokens, complaints, identities) never enter a cache.
          navigateFallbackDenylist: [/^\/api\//, /^\/open311\//, /^\/healthz$/, /^\/readyz$/],
          runtimeCaching: [],
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        },
      }),
      precompressWebBuild(resolve(import.meta.dirname, 'out/renderer')),
    ],
    build: {
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
