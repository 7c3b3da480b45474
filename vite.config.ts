/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { resonateEndpoint } from './src/embedded-server/resonate-endpoint.js';
import { precacheManifest } from './src/embedded-server/precache-manifest.js';
import { securityHeaders } from './src/embedded-server/security-headers.js';

const port = Number(process.env.PORT) || 4173;

export default defineConfig({
  // securityHeaders: CSP and friends on every response (dev, preview) and as <meta> in the build.
  // resonateEndpoint: POST /resonate on the app's own origin (embedded model, or a proxy to RESONATE_URL).
  // precacheManifest: the files the service worker keeps for offline use (public/sw.js).
  plugins: [react(), securityHeaders(), resonateEndpoint(), precacheManifest()],
  // Relative asset URLs: the built page works from any sub-path of a static host (routes are in the hash).
  base: './',
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: true,
  },
  server: { port: Number(process.env.PORT) || 5173 },
  preview: { port, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
  },
});
