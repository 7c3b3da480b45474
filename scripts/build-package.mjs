/**
 * Builds what the npm package ships (run by `prepack`): dist-pkg/index.js and dist-pkg/cli.js (plain ESM for Node,
 * bundled by Vite; see vite.package.config.ts) and dist-pkg/types (declarations from tsc, their relative imports
 * given the `.js` ending Node's ESM resolution needs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

run(bin('vite'), ['build', '--config', 'vite.package.config.ts', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

/** `from './x'` → `from './x.js'` (or `./x/index.js`), in every declaration file. */
function withJsEndings(file) {
  const here = dirname(file);
  const text = readFileSync(file, 'utf8').replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\2/g, (all, lead, quote, spec) => {
    if (/\.(?:js|json)$/.test(spec)) return all;
    const target = existsSync(join(here, `${spec}.d.ts`)) ? `${spec}.js` : `${spec}/index.js`;
    return `${lead}${quote}${target}${quote}`;
  });
  writeFileSync(file, text);
}

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.d.ts')) withJsEndings(path);
  }
}
walk(join(root, 'dist-pkg', 'types'));
