import type { Plugin } from 'vite';

/**
 * `precache.json` beside index.html: every file the build emits, and the catalog (public/catalog.json). The
 * service worker (public/sw.js) keeps them all at its first install, so the page works offline whatever parts of
 * it (lazy chunks, workers) the first visit happened to load.
 */
export function precacheManifest(): Plugin {
  return {
    name: 'resonate-inspector:precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set(['./', 'catalog.json', ...Object.keys(bundle).filter((f) => !f.endsWith('.map'))]);
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify([...files])}\n` });
    },
  };
}
