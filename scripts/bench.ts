/**
 * npm run bench [-- --sizes=1,10,50 --runs=3 --no-single --json --adversarial --stream-mb=300 --errors-mb=50 --no-stream --no-page]
 *
 * Generates mixed logs of 1, 10 and 50 MB from the shared fixtures (../shared/fixtures/*.jsonl, their pasted
 * inputs interleaved with INFO lines in the Python, Go, Rust and TS SDK formats and JSON log lines), decodes
 * each as the page's worker decodes it (byte windows), and prints decode time and throughput beside, in the same run:
 * - JSON.parse of the same JSON (every `{…}` of every line that is JSON: the one-line envelopes and the JSON log
 *   records; extracted beforehand, so only JSON.parse is timed),
 * - decode() of the whole text in one call,
 * - grouping the findings with the log's timestamps (what the worker does before its `done` message).
 *
 * Then the command on big logs (scripts/bench-stream.ts): a noise-heavy log of 300 MB and a log where every line is
 * an error, each decoded by the built command beside its baseline (a plain Node streaming pass; JSON.parse of the
 * JSON lines), with each process's peak memory. `npm run bench` builds the page and the package first.
 *
 * Then triage in the page (scripts/bench-page.ts): a 100 MB log opened in the built page in Chromium, beside the
 * command on one thread over the same file, with the page's long tasks (--no-page skips it).
 *
 * Then hostile pastes (src/testing/adversarial.ts) of 100 KB and 1 MB, each decoded in one call: the budget is
 * 100 ms per 100 KB on every shape (the exit code is 1 past it). --adversarial runs only that part.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseCatalog } from '../src/core/catalog/parse-catalog';
import { decode } from '../src/core/decode/decode';
import { createByteLines } from '../src/core/stream/byte-lines';
import { createStreamDecoder } from '../src/core/stream/stream-decoder';
import { groupFindings } from '../src/core/triage/group';
import { ADVERSARIAL_SHAPES } from '../src/testing/adversarial';
import { generateMixedLog } from '../src/testing/mixed-log';
import { readSharedFixtures, sharedDir } from '../src/testing/shared-fixtures';
import { benchPage } from './bench-page';
import { benchStream } from './bench-stream';
import { pageWeight } from './page-weight';

const MB = 1024 * 1024;

type Args = { sizes: number[]; runs: number | null; single: boolean; json: boolean; adversarialOnly: boolean; stream: boolean; streamMB: number; errorsMB: number; page: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1, 10, 50], runs: null, single: true, json: false, adversarialOnly: false, stream: true, streamMB: 300, errorsMB: 50, page: true };
  for (const a of argv) {
    const [key, value] = a.split('=');
    if (key === '--sizes' && value) args.sizes = value.split(',').map(Number).filter((n) => n > 0);
    else if (key === '--runs' && value) args.runs = Math.max(1, Number(value));
    else if (key === '--no-single') args.single = false;
    else if (key === '--json') args.json = true;
    else if (key === '--adversarial') args.adversarialOnly = true;
    else if (key === '--no-stream') args.stream = false;
    else if (key === '--no-page') args.page = false;
    else if (key === '--stream-mb' && value) args.streamMB = Math.max(1, Number(value));
    else if (key === '--errors-mb' && value) args.errorsMB = Math.max(1, Number(value));
  }
  return args;
}

/** Runs `fn` several times and keeps the median (the machine is shared: single runs are noisy). */
function timed<T>(runs: number, fn: () => T): { ms: number; all: number[]; value: T } {
  const all: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)] ?? 0, all, value: value as T };
}

/** Every `{…}` on every line of the log that is JSON: the envelopes and the JSON log records. */
function jsonObjectsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const start = line.indexOf('{');
    const end = line.lastIndexOf('}');
    if (start < 0 || end <= start) continue;
    const slice = line.slice(start, end + 1);
    try {
      JSON.parse(slice);
      out.push(slice);
    } catch {
      // not JSON (a Python repr, a JS object literal): not an envelope
    }
  }
  return out;
}

/** JSON.parse of each of them: the least any reader of these envelopes must spend. */
function parseAll(objects: readonly string[]): number {
  let keys = 0;
  for (const o of objects) keys += Object.keys(JSON.parse(o) as object).length;
  return keys;
}

type Row = {
  sizeMB: number;
  bytes: number;
  lines: number;
  samples: number;
  windows: number;
  findings: number;
  groups: number;
  occurrences: number;
  encodeMs: number;
  windowMs: number;
  windowMBs: number;
  longestWindowMs: number;
  groupMs: number;
  singleMs: number | null;
  singleMBs: number | null;
  jsonObjects: number;
  jsonBytes: number;
  jsonParseMs: number;
  jsonParseMBs: number;
  sameAsSingle: boolean | null;
};

function benchOne(sizeMB: number, runs: number, single: boolean, samples: string[], catalog: Parameters<typeof decode>[1]): Row {
  const log = generateMixedLog({ samples, targetChars: sizeMB * MB, seed: 20261125 + sizeMB });
  const bytes = Buffer.byteLength(log.text, 'utf8');
  const mb = bytes / MB;

  let encodeMs = 0;
  let longestWindowMs = 0;
  let windows = 0;
  let lineIndex = createByteLines();
  // The page's path: the text as UTF-8 bytes in 1 MiB pieces (as the page posts them), decoded window by window,
  // each piece also indexed for its lines (the final groups' times are read off them).
  const streamed = timed(runs, () => {
    const t0 = performance.now();
    const encoded = new TextEncoder().encode(log.text);
    encodeMs = performance.now() - t0;
    const decoder = createStreamDecoder(catalog);
    lineIndex = createByteLines();
    windows = 0;
    longestWindowMs = 0;
    for (let at = 0; ; at += MB) {
      if (at < encoded.length) {
        const piece = encoded.subarray(at, at + MB);
        lineIndex.add(piece);
        decoder.push(piece);
      } else decoder.end();
      for (;;) {
        const s = performance.now();
        if (!decoder.step()) break;
        windows++;
        longestWindowMs = Math.max(longestWindowMs, performance.now() - s);
      }
      if (at >= encoded.length) break;
    }
    return decoder.findings();
  });
  const findings = streamed.value;
  const grouped = timed(1, () => groupFindings(findings, lineIndex.lines));
  const whole = single ? timed(Math.min(runs, 3), () => decode(log.text, catalog)) : null;
  const objects = jsonObjectsOf(log.text);
  const jsonBytes = objects.reduce((n, o) => n + o.length, 0);
  const json = timed(runs, () => parseAll(objects));
  const signature = (fs: typeof findings) => JSON.stringify(fs.map((f) => [f.entry, f.source, f.code, f.count]));

  return {
    sizeMB,
    bytes,
    lines: log.text.split('\n').length,
    samples: log.samplesInserted,
    windows,
    findings: findings.length,
    groups: grouped.value.length,
    occurrences: findings.reduce((n, f) => n + f.count, 0),
    encodeMs,
    windowMs: streamed.ms,
    windowMBs: mb / (streamed.ms / 1000),
    longestWindowMs,
    groupMs: grouped.ms,
    singleMs: whole ? whole.ms : null,
    singleMBs: whole ? mb / (whole.ms / 1000) : null,
    jsonObjects: objects.length,
    jsonBytes,
    jsonParseMs: json.ms,
    jsonParseMBs: jsonBytes / MB / (json.ms / 1000),
    sameAsSingle: whole ? signature(whole.value) === signature(findings) : null,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: Row[]): string {
  const header = [
    'Log',
    'Lines',
    'Inserted errors',
    'Windows',
    'Findings (groups)',
    'Occurrences',
    'Window decode (page)',
    'MB/s',
    'UTF-8 encode',
    'Longest window',
    'Group + times',
    'decode() in one call',
    'JSON.parse of the same JSON',
    'JSON.parse MB/s',
  ];
  const body = rows.map((r) => [
    `${fmt(r.bytes / MB, 1)} MB`,
    fmt(r.lines),
    fmt(r.samples),
    fmt(r.windows),
    `${r.findings} (${r.groups})`,
    fmt(r.occurrences),
    `${fmt(r.windowMs)} ms`,
    fmt(r.windowMBs, 1),
    `${fmt(r.encodeMs)} ms`,
    `${fmt(r.longestWindowMs)} ms`,
    `${fmt(r.groupMs)} ms`,
    r.singleMs === null ? 'not run' : `${fmt(r.singleMs)} ms (${fmt(r.singleMBs ?? 0, 1)} MB/s)${r.sameAsSingle ? '' : ', differs'}`,
    `${fmt(r.jsonParseMs)} ms (${fmt(r.jsonObjects)} objects, ${fmt(r.jsonBytes / MB, 1)} MB)`,
    fmt(r.jsonParseMBs, 1),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

const ADVERSARIAL_SIZES = [100 * 1024, 1024 * 1024];
/** Budget: 100 ms per 100 KB (1 ms per KB), on any input. */
const BUDGET_MS_PER_KB = 1;

/** Decodes each hostile shape at 100 KB and 1 MB (median of 3) and prints ms and ms per 100 KB; false past the budget. */
function benchAdversarial(catalog: Parameters<typeof decode>[1]): boolean {
  let within = true;
  const rows: string[] = ['| Shape | 100 KB | 1 MB | worst per 100 KB |', '| --- | --- | --- | --- |'];
  for (const shape of ADVERSARIAL_SHAPES) {
    decode(shape.make(20_000), catalog); // warm-up
    const cells: string[] = [];
    let per100 = 0;
    for (const size of ADVERSARIAL_SIZES) {
      const text = shape.make(size);
      const { ms } = timed(3, () => decode(text, catalog));
      cells.push(`${fmt(ms, 1)} ms`);
      per100 = Math.max(per100, ms / (size / 1024 / 100));
      if (ms > BUDGET_MS_PER_KB * (size / 1024)) within = false;
    }
    rows.push(`| ${shape.name} | ${cells.join(' | ')} | ${fmt(per100, 1)} ms |`);
  }
  console.log('\nHostile pastes (src/testing/adversarial.ts), decode() in one call, median of 3; budget 100 ms per 100 KB:\n');
  console.log(rows.join('\n'));
  console.log(within ? '\nAll within budget.' : '\nOVER BUDGET: at least one shape took more than 100 ms per 100 KB.');
  return within;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const catalogPath = resolve(import.meta.dirname, '../public/catalog.json');
  const parsed = parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')));
  if (!parsed.ok) throw new Error(`public/catalog.json: ${parsed.error}`);
  const catalog = parsed.catalog;
  if (args.adversarialOnly) {
    if (!benchAdversarial(catalog)) process.exitCode = 1;
    return;
  }
  const samples = readSharedFixtures().map((f) => f.input);
  // Warm-up, so that the first measured size does not pay for the JIT.
  benchOne(0.25, 2, true, samples, catalog);
  const rows: Row[] = [];
  for (const size of args.sizes) {
    const runs = args.runs ?? (size <= 1 ? 5 : size <= 10 ? 3 : 1);
    if (!args.json) process.stderr.write(`${size} MB: ${runs} run(s)…\n`);
    rows.push(benchOne(size, runs, args.single, samples, catalog));
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, catalog: catalog.version, rows }, null, 2)}\n`);
    return;
  }
  const cpu = cpus();
  console.log(`Resonate Inspector decode benchmark: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}`);
  console.log(`Catalog ${catalog.version} (${catalog.entries.length} entries); ${samples.length} fixtures from ${resolve(sharedDir(), 'fixtures')}`);
  console.log('Times are medians (1 MB: 5 runs, 10 MB: 3, 50 MB: 1; --runs=N to change). MB = 2^20 bytes.\n');
  console.log(table(rows));
  console.log(
    [
      '',
      'Window decode: the page worker\'s path (createStreamDecoder): the text as UTF-8 bytes in 1 MiB pieces, cut into',
      'byte windows at line breaks, each decoded and merged in text order. "Longest window" bounds how long a cancel waits.',
      '"decode() in one call" reads the same text without windows; "differs" would mean the two disagree (a bug).',
    ].join('\n'),
  );
  const weight = pageWeight();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    weight
      ? `\nPage weight (dist/, gzip): ${kb(weight.gzipBytes)} of JavaScript before the page can diagnose (entry + ${weight.scripts - 1} preloads; budget 150 KB, 277 KB when the catalog was bundled), the catalog fetched beside it: ${kb(weight.catalogGzipBytes)}.`
      : '\nPage weight: no build in dist/ (run `npm run build` first).',
  );
  if (args.stream) await benchStream({ mb: args.streamMB, errorsMB: args.errorsMB });
  if (args.page) await benchPage();
  if (!benchAdversarial(catalog)) process.exitCode = 1;
}

void main();
