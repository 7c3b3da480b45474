import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The npm package's JavaScript (`npm run build:package`, run by `prepack`): the library and the CLI as plain ESM
 * for Node, no dependency at run time. public/catalog.json stays one file beside the code (imported as JSON), so
 * the tarball holds the catalog once.
 */
const root = import.meta.dirname;
const catalogJson = resolve(root, 'public/catalog.json');

/** Node reads JSON modules only with their import attribute, which the bundler drops from an external import. */
const jsonAttribute: Plugin = {
  name: 'catalog-json-attribute',
  renderChunk: (code) => code.replace(/(from "\.\.\/public\/catalog\.json");/g, '$1 with { type: "json" };'),
};

export default defineConfig({
  publicDir: false,
  plugins: [jsonAttribute],
  // Everything the code imports is bundled: the installed package has no dependency.
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-pkg',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      // The decode pool's worker is its own file: decode-stream.ts starts it as ./decode-worker.js beside itself.
      input: { index: resolve(root, 'src/package/index.ts'), cli: resolve(root, 'src/cli/inspect.ts'), 'decode-worker': resolve(root, 'src/cli/decode-worker.ts') },
      external: (id) => resolve(root, id) === catalogJson || id.endsWith('/public/catalog.json'),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'shared-[hash].js',
        paths: (id) => (id.endsWith('public/catalog.json') ? '../public/catalog.json' : id),
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
