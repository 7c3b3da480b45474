/**
 * Triage in the page (issue 11): a noise-heavy log of 100 MB opened with "Open file…" in the built page (dist/,
 * served by `vite preview`) in the system Chromium, beside the built command on one thread over the same file,
 * in turn, three times (`--runs=N`; the machine's speed drifts, so each page run is set beside its own command
 * run): the time from choosing the file to the summary, the decode's own time (the page's "read in"), and the
 * page's long tasks (a PerformanceObserver for `longtask` entries) from choosing the file to the summary.
 * Run by `npm run bench` (after its build); skipped, saying why, without a build or a Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { generateMixedLog } from '../src/testing/mixed-log';
import { readSharedFixtures } from '../src/testing/shared-fixtures';
import { cli, run, write } from './bench-stream';

const MB = 1024 * 1024;
const root = resolve(import.meta.dirname, '..');

async function serve(port: number): Promise<() => void> {
  const server = spawn(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return () => server.kill();
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on port ${port}`);
}

type PageRun = { totalMs: number; decodeMs: number; status: string; tasks: number[] };

async function openInPage(port: number, path: string, executablePath: string): Promise<PageRun> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('heading', { level: 1, name: 'Decode a Resonate error' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { benchTasks: number[] };
      w.benchTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.benchTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    const t0 = performance.now();
    await (await chooser).setFiles(path);
    // A cheap poll (role queries on a big page would themselves be long tasks).
    const status = await page.waitForFunction(
      () => [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').find((t) => /, read in [\d.]+ s$/.test(t)) ?? null,
      null,
      { polling: 250, timeout: 600_000 },
    );
    const totalMs = performance.now() - t0;
    const text = (await status.jsonValue()) ?? '';
    const tasks = await page.evaluate(() => (window as unknown as { benchTasks: number[] }).benchTasks);
    const read = /read in ([\d.]+) s$/.exec(text);
    return { totalMs, decodeMs: Number(read?.[1] ?? 0) * 1000, status: text, tasks };
  } finally {
    await browser.close();
  }
}

export async function benchPage(options: { mb?: number; port?: number; runs?: number } = {}): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(resolve(root, 'dist/index.html')) || !existsSync(cli)) {
    console.log('\nTriage in the page: no build in dist/ or dist-pkg/ (run `npm run bench`, which builds both).');
    return;
  }
  if (!existsSync(executablePath)) {
    console.log(`\nTriage in the page: no Chromium at ${executablePath} (set CHROMIUM_PATH).`);
    return;
  }
  const mb = options.mb ?? 100;
  const port = options.port ?? 4391;
  const runs = Math.max(1, options.runs ?? 3);
  const samples = readSharedFixtures().map((f) => f.input);
  const path = resolve(tmpdir(), `resonate-inspector-bench-page-${process.pid}.log`);
  let stop = () => {};
  try {
    process.stderr.write(`Triage in the page: writing a ${mb} MB log, opening it in the page, and in the command on one thread, ${runs} times…\n`);
    // The page reads files up to 100 MB (MAX_FILE_BYTES): the log stays just under.
    const bytes = await write(path, mb - 1.5, (i) => generateMixedLog({ samples, targetChars: MB, seed: 500 + i, errorRate: 0.002 }).text);
    stop = await serve(port);
    // The page and the command in turn, so that each ratio compares runs made under the same load (it drifts here).
    const pairs: Array<{ page: PageRun; commandMs: number }> = [];
    for (let k = 0; k < runs; k++) pairs.push({ page: await openInPage(port, path, executablePath), commandMs: run([cli, '--json', '--jobs', '1', path]).ms });
    const size = `${(bytes / MB).toFixed(0)} MB`;
    const rate = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(`\nTriage in the page (a noise-heavy ${size} log opened with "Open file…" in the built page, Chromium; the command on the same file; ${runs} runs, each beside its own run of the command):\n`);
    console.log('| run | resonate-inspector --jobs 1 (whole process) | the page\'s worker ("read in") | × the command | file chosen → summary shown | tasks over 50 ms |\n| --- | --- | --- | --- | --- | --- |');
    pairs.forEach(({ page, commandMs }, k) => {
      const over = page.tasks.filter((d) => d > 50);
      console.log(
        `| ${k + 1} | ${s(commandMs)} (${rate(commandMs)} MB/s) | ${s(page.decodeMs)} (${rate(page.decodeMs)} MB/s) | ${(page.decodeMs / commandMs).toFixed(2)}× | ${s(page.totalMs)} | ` +
          `${over.length === 0 ? 'none' : over.map((d) => `${d.toFixed(0)} ms`).join(', ')} |`,
      );
    });
    const ratios = pairs.map(({ page, commandMs }) => page.decodeMs / commandMs);
    const longest = Math.max(0, ...pairs.flatMap(({ page }) => page.tasks));
    console.log(
      `\nThe page said: "${pairs.at(-1)?.page.status ?? ''}". The worker's time, median: ${median(ratios).toFixed(2)}× the command's; ` +
        `the longest main-thread task from a file chosen to its summary: ${longest.toFixed(0)} ms.` +
        ' Goals (issue 11): the CLI single-core rate or better, no task over 50 ms.',
    );
  } finally {
    stop();
    rmSync(path, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  void benchPage({ mb: Number(arg('mb') ?? 100), runs: Number(arg('runs') ?? 3) });
}
