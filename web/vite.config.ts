/**
 * The web desk's build: Preact, one entry, a chunk per role (the applicant's pages load no
 * sign-in, queue or chart code). No inline script or style is emitted, so the strict CSP holds.
 */

import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The desk is served by the same origin that serves its config; nothing is inlined as data:.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    reportCompressedSize: false,
    // Which chunks each page loads: read by `npm run bench -- web` for the budgets.
    manifest: true,
  },
  logLevel: 'warn',
});
