/**
 * The streaming CLI's benchmark (issue 11), beside its baseline from the same run: a plain Node streaming pass over
 * the same file (read lines, JSON.parse those with a `{`). Writes a noise-heavy log (heartbeat lines with real
 * errors between them) to a temporary file, then times both and samples peak memory.
 *   npx tsx scripts/bench-stream.ts [--mb=300] [--workers=N]
 */
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeStream } from '../src/cli/decode-stream';
import { parseCatalog } from '../src/core/catalog/parse-catalog';
import { generateMixedLog } from '../src/testing/mixed-log';
import { readSharedFixtures } from '../src/testing/shared-fixtures';

const MB = 1024 * 1024;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizeMB = Number(arg('mb') ?? 300);
const workers = Number(arg('workers') ?? availableParallelism());

async function writeLog(path: string): Promise<number> {
  const samples = readSharedFixtures().map((f) => f.input);
  const out = createWriteStream(path);
  let written = 0;
  for (let part = 0; written < sizeMB * MB; part++) {
    // Noise-heavy: one real error in about 500 records.
    const { text } = generateMixedLog({ samples, targetChars: 8 * MB, seed: 300 + part, errorRate: 0.002 });
    written += Buffer.byteLength(text) + 1;
    if (!out.write(`${text}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return written;
}

async function plainPass(path: string): Promise<number> {
  let parsed = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line.includes('{')) continue;
    try {
      JSON.parse(line);
      parsed++;
    } catch {
      // not JSON
    }
  }
  return parsed;
}

async function main(): Promise<void> {
  const catalogJson: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/catalog.json'), 'utf8'));
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(parsed.error);
  const path = resolve(tmpdir(), `resonate-inspector-bench-${process.pid}.log`);
  try {
    const bytes = await writeLog(path);
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    let t = performance.now();
    await plainPass(path);
    const plainMs = performance.now() - t;
    const plainPeak = peak;
    peak = 0;
    t = performance.now();
    const findings = await decodeStream(createReadStream(path), parsed.catalog, { workers, catalogJson, maxSpans: 1000 });
    const oursMs = performance.now() - t;
    clearInterval(sample);
    const mbps = (ms: number) => ((bytes / MB) / (ms / 1000)).toFixed(1);
    console.log(`Noise-heavy log: ${(bytes / MB).toFixed(0)} MB, ${findings.length} findings (${findings.reduce((n, f) => n + f.count, 0)} occurrences)`);
    console.log(`| pass | time | MB/s | peak RSS |\n| --- | --- | --- | --- |`);
    console.log(`| plain Node pass (read lines, JSON.parse those with a {) | ${(plainMs / 1000).toFixed(1)} s | ${mbps(plainMs)} | ${(plainPeak / MB).toFixed(0)} MB |`);
    console.log(`| decodeStream, ${workers} worker thread(s) | ${(oursMs / 1000).toFixed(1)} s (${(oursMs / plainMs).toFixed(2)}×) | ${mbps(oursMs)} | ${(peak / MB).toFixed(0)} MB (this process; workers share it) |`);
  } finally {
    rmSync(path, { force: true });
  }
}

void main();
