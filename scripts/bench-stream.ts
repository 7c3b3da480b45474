/**
 * The command on big logs (issue 11), each figure beside its baseline from the same run, every pass a process of
 * its own so that its peak memory is its own (`process.resourceUsage().maxRSS`, all its threads):
 * - a noise-heavy log (heartbeat lines with real errors between them, one in about 500 records) written to a
 *   temporary file: the built command (`node dist-pkg/cli.js --json`) on one thread and on one worker per core,
 *   beside a plain Node streaming pass over the same file (read lines, JSON.parse those with a `{`);
 * - a log where every line is an error (the shared fixtures' and captures' one-line inputs): the command beside
 *   JSON.parse of its JSON lines.
 * Run by `npm run bench` (after its build); alone: `npx tsx scripts/bench-stream.ts [--mb=300] [--errors-mb=50]`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { generateMixedLog } from '../src/testing/mixed-log';
import { readSharedFixtures, sharedDir } from '../src/testing/shared-fixtures';

const MB = 1024 * 1024;
const root = resolve(import.meta.dirname, '..');
export const cli = resolve(root, 'dist-pkg/cli.js');

/** Reports the process's peak resident memory (bytes, all threads) on stderr's last line. */
const PEAK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => process.stderr.write('\\npeak-rss ' + process.resourceUsage().maxRSS * 1024 + '\\n'));")}`;

/** The plain pass: what any reader of the file must at least spend. Prints the number of objects parsed. */
const PLAIN = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let parsed = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })) {
  if (!line.includes('{')) continue;
  try { JSON.parse(line); parsed++; } catch {}
}
console.log(parsed);`;

export type Run = { ms: number; peakBytes: number; stdout: string };

/** Runs node with these arguments, as a process of its own: its wall-clock time and peak memory. */
export function run(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK, ...args], { encoding: 'utf8', maxBuffer: 256 * MB });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const peak = /peak-rss (\d+)\s*$/.exec(r.stderr);
  return { ms, peakBytes: Number(peak?.[1] ?? 0), stdout: r.stdout };
}

/** Writes a log of about `sizeMB` MB to `path`, part after part; returns its size in bytes. */
export async function write(path: string, sizeMB: number, part: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  for (let i = 0; written < sizeMB * MB; i++) {
    const text = `${part(i)}\n`;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return written;
}

/** Findings and occurrences of the command's --json output (one line per input). */
function counted(stdout: string): { findings: number; occurrences: number } {
  const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { findings?: Array<{ count?: number }> };
  const findings = out.findings ?? [];
  return { findings: findings.length, occurrences: findings.reduce((n, f) => n + (f.count ?? 1), 0) };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mbps = (bytes: number, ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
const rss = (b: number) => `${(b / MB).toFixed(0)} MB`;

export async function benchStream(options: { mb?: number; errorsMB?: number } = {}): Promise<void> {
  if (!existsSync(cli)) {
    console.log('\nThe command on big logs: no dist-pkg/cli.js (run `npm run build:package` first).');
    return;
  }
  const noiseMB = options.mb ?? 300;
  const errorsMB = options.errorsMB ?? 50;
  const fixtures = readSharedFixtures();
  const samples = fixtures.map((f) => f.input);
  const noisePath = resolve(tmpdir(), `resonate-inspector-bench-noise-${process.pid}.log`);
  const errorsPath = resolve(tmpdir(), `resonate-inspector-bench-errors-${process.pid}.log`);
  const cores = availableParallelism();
  try {
    process.stderr.write(`The command on big logs: writing ${noiseMB} MB and ${errorsMB} MB logs…\n`);
    const noiseBytes = await write(noisePath, noiseMB, (i) => generateMixedLog({ samples, targetChars: 8 * MB, seed: 300 + i, errorRate: 0.002 }).text);
    // Every record an error: the one-line inputs (envelopes, SDK log lines, quoted messages) of fixtures and captures.
    const captures = resolve(sharedDir(), 'captures/sdk-releases.jsonl');
    const oneLine = [
      ...samples,
      ...(existsSync(captures) ? readFileSync(captures, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { input: string }).input) : []),
    ].filter((t) => t.trim() !== '' && !t.trim().includes('\n'));
    const errorsBytes = await write(errorsPath, errorsMB, (i) => generateMixedLog({ samples: oneLine, targetChars: 8 * MB, seed: 900 + i, errorRate: 1 }).text);

    process.stderr.write('plain pass, command on 1 thread, command on every core…\n');
    const plain = run(['--input-type=module', '-e', PLAIN, noisePath]);
    const one = run([cli, '--json', '--jobs', '1', noisePath]);
    const pool = run([cli, '--json', '--jobs', String(cores), noisePath]);
    const same = one.stdout === pool.stdout;
    const found = counted(pool.stdout);

    // JSON.parse of the errors log's JSON lines, in this process (the lines read beforehand: only JSON.parse is timed).
    const jsonLines = readFileSync(errorsPath, 'utf8').split('\n').filter((l) => l.trimStart().startsWith('{'));
    const jsonBytes = jsonLines.reduce((n, l) => n + l.length, 0);
    const t = performance.now();
    for (const l of jsonLines) {
      try {
        JSON.parse(l);
      } catch {
        // not JSON
      }
    }
    const parseMs = performance.now() - t;
    const errors = run([cli, '--json', '--jobs', String(cores), errorsPath]);
    const errorsFound = counted(errors.stdout);

    console.log(`\nThe command on big logs (node dist-pkg/cli.js --json, each run a process of its own; peak = its maxRSS, all threads):\n`);
    console.log('| log | pass | time | MB/s | × baseline | peak memory |\n| --- | --- | --- | --- | --- | --- |');
    const row = (log: string, pass: string, r: Run, bytes: number, base: number | null) =>
      console.log(`| ${log} | ${pass} | ${s(r.ms)} | ${mbps(bytes, r.ms)} | ${base === null ? 'baseline' : `${(r.ms / base).toFixed(2)}×`} | ${rss(r.peakBytes)} |`);
    const noise = `noise-heavy, ${(noiseBytes / MB).toFixed(0)} MB`;
    row(noise, 'plain Node pass (read lines, JSON.parse those with a {)', plain, noiseBytes, null);
    row(noise, 'resonate-inspector --jobs 1', one, noiseBytes, plain.ms);
    row(noise, `resonate-inspector --jobs ${cores}`, pool, noiseBytes, plain.ms);
    const every = `every line an error, ${(errorsBytes / MB).toFixed(0)} MB`;
    console.log(`| ${every} | JSON.parse of its ${jsonLines.length.toLocaleString('en-US')} JSON lines (${(jsonBytes / MB).toFixed(0)} MB, read beforehand) | ${s(parseMs)} | ${mbps(jsonBytes, parseMs)} | baseline | – |`);
    row(every, `resonate-inspector --jobs ${cores}`, errors, errorsBytes, parseMs);
    console.log(
      `\nNoise-heavy: ${found.findings} findings (${found.occurrences.toLocaleString('en-US')} occurrences); --jobs 1 and --jobs ${cores} ${same ? 'print the same' : 'DIFFER'}. ` +
        `Every line an error: ${errorsFound.findings} findings (${errorsFound.occurrences.toLocaleString('en-US')} occurrences). ` +
        'Goals (issue 11): noise-heavy at most 1.5× the plain pass, every line an error at most 3× JSON.parse, peak under 300 MB.',
    );
    if (!same) process.exitCode = 1;
  } finally {
    rmSync(noisePath, { force: true });
    rmSync(errorsPath, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  void benchStream({ mb: Number(arg('mb') ?? 300), errorsMB: Number(arg('errors-mb') ?? 50) });
}
