import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the built page loads before it can diagnose: its entry script and the scripts index.html preloads. */
export type PageWeight = { scripts: number; gzipBytes: number; catalogGzipBytes: number };

/** Reads the weight of a build (dist/ by default); null when there is no build to read. */
export function pageWeight(outDir = resolve(import.meta.dirname, '../dist')): PageWeight | null {
  const index = resolve(outDir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
  let gzipBytes = 0;
  for (const src of srcs) gzipBytes += gzipSync(readFileSync(resolve(outDir, src.replace(/^\.?\//, '').replace(/^.*?assets\//, 'assets/')))).length;
  const catalog = resolve(outDir, 'catalog.json');
  return { scripts: srcs.length, gzipBytes, catalogGzipBytes: existsSync(catalog) ? gzipSync(readFileSync(catalog)).length : 0 };
}
