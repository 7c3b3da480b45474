/**
 * The package as a user gets it: `npm pack` (its prepack builds dist-pkg), the tarball installed with npm into an
 * empty folder, the `resonate-inspector` command run from there, and the library imported from a plain ESM script.
 */
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_404, TS_1102_TRACE } from '../cli/cli-samples';
import { decode } from '../core/decode/decode';
import { generateMixedLog } from '../testing/mixed-log';
import { testCatalog } from '../testing/read-with';
import { readSharedFixtures } from '../testing/shared-fixtures';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'resonate-inspector-pack-'));
const app = join(dir, 'app');
const bin = join(app, 'node_modules', '.bin', 'resonate-inspector');
let packed: string[] = [];

/** The command's output and exit status (a non-zero status is an answer here, not a failure). */
async function inspector(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(bin, args, { cwd: app }, (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }));
    child.stdin?.end(stdin ?? '');
  });
}

beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error('npm pack printed nothing');
  packed = info.files.map((f) => f.path);
  await run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, info.filename)], { cwd: app });
  writeFileSync(join(app, 'trace.txt'), `starting worker\n${TS_1102_TRACE}\n`);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts Node (and npm or tsc): slow on a busy machine, so the time limit is generous; nothing here is timed.
describe('the npm package', { timeout: 60_000 }, () => {
  it('ships the compiled code, its types and the catalog, and no sources, tests or fixtures', () => {
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'dist-pkg/cli.js', 'dist-pkg/index.js', 'dist-pkg/types/package/index.d.ts', 'public/catalog.json', 'public/catalog.schema.json']));
    expect(packed.filter((p) => !/^(?:dist-pkg\/|public\/catalog(?:\.schema)?\.json$|package\.json$|README\.md$|LICENSE$)/.test(p))).toEqual([]);
    expect(packed.filter((p) => /\.test\.|e2e|testing|fixtures/.test(p))).toEqual([]);
  });

  it('reads a big log as a stream, on a pool of worker threads, with the findings decode() gives', async () => {
    // Past 8 MB the command hands chunks to one worker per core (dist-pkg/decode-worker.js).
    const { text } = generateMixedLog({ samples: readSharedFixtures().map((f) => f.input), targetChars: 10 * 1024 * 1024, seed: 11 });
    writeFileSync(join(app, 'big.log'), text);
    const r = await inspector(['--json', 'big.log']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(r.stdout) as { findings: Array<{ entry: string | null; count: number; span: unknown }> };
    const want = decode(text, testCatalog).map((f) => [f.entry, f.count, f.span]);
    expect(json.findings.map((f) => [f.entry, f.count, f.span])).toEqual(want);
    expect(packed).toContain('dist-pkg/decode-worker.js');
  });

  it('runs as resonate-inspector on a file', async () => {
    const r = await inspector(['trace.txt']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('[ts.1102.function-already-registered]');
    expect(r.stdout).toContain('retry?   not until you fix it');
  });

  it('sets the exit status with --fail-on, and says what it cannot read', async () => {
    expect((await inspector(['--fail-on', 'error', 'trace.txt'])).code).toBe(1);
    expect((await inspector(['--fail-on', 'never', 'trace.txt'])).code).toBe(0);
    expect((await inspector(['--fail-on', 'error'], 'all good, nothing failed\n')).code).toBe(0);
    const missing = await inspector(['missing.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('resonate-inspector: cannot read missing.txt: no such file');
    const unknown = await inspector(['--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --colour\nUsage: resonate-inspector/);
  });

  it('prints GitHub Actions annotations with --format github', async () => {
    const r = await inspector(['--format', 'github', 'trace.txt']);
    expect(r.stdout).toMatch(/^::error file=trace\.txt,line=2,endLine=\d+,title=Resonate 1102%3A .+::.+Catalog entry: ts\.1102\.function-already-registered\n$/);
  });

  it('with --follow, prints a finding while its input is still open, one JSON line per finding', async () => {
    const child = spawn(bin, ['--follow', '--json', '--fail-on', 'error'], { cwd: app });
    let out = '';
    const firstLine = new Promise<string>((done) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) done(out.slice(0, out.indexOf('\n')));
      });
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stdin.write(`${TS_1102_TRACE}\nworker restarted\n`);
    const first = JSON.parse(await firstLine) as Record<string, unknown>;
    expect(first).toMatchObject({ file: '<stdin>', entry: 'ts.1102.function-already-registered', count: 1, repeat: false });
    expect(child.exitCode).toBeNull();
    child.stdin.end(`${SERVER_404}\n${SERVER_404}\n`);
    expect(await exited).toBe(1);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.entry, l.count, l.repeat])).toEqual([
      ['ts.1102.function-already-registered', 1, false],
      ['server.404.promise-not-found', 1, false],
      ['server.404.promise-not-found', 2, true],
    ]);
  });

  it('with --follow FILE, reads a file as it grows (tail -f) until stopped', async () => {
    writeFileSync(join(app, 'growing.log'), 'worker starting\n');
    const child = spawn(bin, ['--follow', '--format', 'github', '--fail-on', 'error', 'growing.log'], { cwd: app });
    let out = '';
    const annotated = new Promise<void>((done) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) done();
      });
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    appendFileSync(join(app, 'growing.log'), `${TS_1102_TRACE}\nworker restarted\n`);
    await annotated;
    expect(out).toMatch(/^::error file=growing\.log,line=2,endLine=\d+,title=Resonate 1102%3A /);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    expect(await exited).toBe(1);
  });

  it('is a library a plain ESM script imports, the catalog and its schema included', async () => {
    writeFileSync(
      join(app, 'use.mjs'),
      [
        "import { decode, catalog, buildGithubReport, buildDiscordMessage, buildMarkdownReport, redact, entriesForCode } from 'resonate-inspector';",
        "import json from 'resonate-inspector/catalog.json' with { type: 'json' };",
        "import schema from 'resonate-inspector/catalog.schema.json' with { type: 'json' };",
        "const [f] = decode(process.argv[2]);",
        'console.log(JSON.stringify({',
        '  entry: f.entry, retry: f.retry, entries: catalog.entries.length, json: json.entries.length, schema: typeof schema.$schema,',
        '  github: buildGithubReport(f, catalog).url.slice(0, 19), discord: buildDiscordMessage(f, catalog).text.length > 0,',
        "  markdown: buildMarkdownReport(f, catalog).text.startsWith('#'), redacted: redact('Authorization: Bearer abc.def.ghi').text.includes('abc.def'),",
        "  code: entriesForCode(catalog, '40400').map((e) => e.id),",
        '}));',
      ].join('\n'),
    );
    const { stdout } = await run('node', ['use.mjs', SERVER_404], { cwd: app });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ entry: 'server.404.promise-not-found', retry: 'after-fix', schema: 'string', github: 'https://github.com/', discord: true, markdown: true, redacted: false, code: ['legacy.40400.promise-not-found'] });
    expect(out.entries).toBe(out.json);
    expect(out.entries).toBeGreaterThan(100);
  });

  it('gives TypeScript users its types', async () => {
    writeFileSync(
      join(app, 'check.ts'),
      "import { decode, type Finding } from 'resonate-inspector';\nconst findings: Finding[] = decode('x');\nconst retry: 'safe' | 'with-backoff' | 'after-fix' | 'never' | 'n/a' | undefined = findings[0]?.retry;\n// @ts-expect-error decode takes text\ndecode(42);\nexport { retry };\n",
    );
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = await run('node', [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'check.ts'], { cwd: app }).then(
      () => 'no type errors',
      (e: { stdout: string }) => e.stdout,
    );
    expect(r).toBe('no type errors');
  });
});
