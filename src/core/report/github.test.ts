import { describe, expect, it } from 'vitest';
import { TRIM_NOTE, buildGithubReport, githubSearchUrl, normalizeMessage, templateFor } from './github';
import { jsTrace, makeFinding, pythonTrace, testCatalog } from './test-finding';

const FORBIDDEN = ['labels', 'assignees', 'assignee', 'milestone', 'projects'];
const FORM_KEYS = ['template', 'title', 'summary', 'affected', 'reproducer', 'env'];
const TS_HEADINGS = ['## Expected Behavior', '## Actual Behavior', '## To Reproduce', '## Specifications', '## Additional context'];

const params = (url: string): URLSearchParams => new URL(url).searchParams;

describe('routing', () => {
  it.each([
    ['server', 'server.404.promise-not-found', 'resonatehq/resonate', 'report-bug.yml'],
    ['legacy-server', null, 'resonatehq/resonate', 'report-bug.yml'],
    ['python-sdk', 'py.100-40400.promise-not-found', 'resonatehq/resonate-sdk-py', 'report-bug.yml'],
    ['ts-sdk', 'ts.1103.function-not-registered', 'resonatehq/resonate-sdk-ts', 'bug_report.md'],
    ['unknown', 'unknown.not-resonate', 'resonatehq/.github', 'report-bug.yml'],
  ] as const)('%s findings go to the catalog repo for their source', (source, entry, repo, template) => {
    const r = buildGithubReport(makeFinding({ source, entry }), testCatalog);
    expect(r.repo).toBe(repo);
    expect(r.template).toBe(template);
    const url = new URL(r.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/${repo}/issues/new`);
    expect(url.searchParams.get('template')).toBe(template);
  });

  it("an entry's reportRepo overrides the source (data, not code)", () => {
    expect(buildGithubReport(makeFinding({ source: 'ts-sdk', entry: 'ts.routed-to-server' }), testCatalog).repo).toBe('resonatehq/resonate');
    const r = buildGithubReport(makeFinding({ source: 'server', entry: 'server.routed-to-ts' }), testCatalog);
    expect(r.repo).toBe('resonatehq/resonate-sdk-ts');
    expect(r.template).toBe('bug_report.md');
  });

  it('reads the repos from the catalog', () => {
    const catalog = { ...testCatalog, repos: { ...testCatalog.repos, 'python-sdk': 'resonatehq/resonate-sdk-python' } };
    expect(buildGithubReport(makeFinding({ source: 'python-sdk', entry: null }), catalog).repo).toBe('resonatehq/resonate-sdk-python');
  });

  it('knows which repositories have their own templates', () => {
    expect(templateFor('resonatehq/resonate')).toBe('report-bug.yml');
    expect(templateFor('resonatehq/resonate-sdk-py')).toBe('report-bug.yml');
    expect(templateFor('resonatehq/resonate-sdk-ts')).toBe('bug_report.md');
    expect(templateFor('someone/else')).toBeNull();
  });
});

describe('the organisation issue form (report-bug.yml)', () => {
  const r = buildGithubReport(makeFinding(), testCatalog, { appUrl: 'https://inspector.example/app/' });
  const p = params(r.url);

  it('prefills the form by field id, and nothing else', () => {
    expect([...p.keys()].sort()).toEqual([...FORM_KEYS].sort());
    for (const key of FORBIDDEN) expect(p.has(key)).toBe(false);
  });

  it('titles the issue with the form prefix, the operation, code and message', () => {
    expect(r.title).toBe('[Bug] promise.get → 404 Promise not found');
    expect(p.get('title')).toBe(r.title);
  });

  it('puts what happened and the diagnosis in the summary, with the catalog entry link', () => {
    const summary = p.get('summary') ?? '';
    expect(summary).toContain('**What happened:** `promise.get → 404 Promise not found`');
    expect(summary).toContain('**Promise not found**');
    expect(summary).toContain('The id is wrong, or the request went to another server.');
    expect(summary).toContain('Not until you fix it (`after-fix`) — The same request fails until a promise with this id exists.');
    expect(summary).toContain('[`server.404.promise-not-found`](https://inspector.example/app/#/e/server.404.promise-not-found)');
  });

  it('gives a reproducer without code fences: a curl replay and the observed response', () => {
    const repro = p.get('reproducer') ?? '';
    expect(repro).not.toContain('```');
    expect(repro).toContain(`curl -sS -X POST "\${RESONATE_URL:-http://localhost:8001}/"`);
    expect(repro).toContain(`--data-raw '{"kind":"promise.get","head":{"corrId":"c-17","version":"2026-04-01"},"data":{"id":"order-42"}}'`);
    expect(repro).toContain('# Observed response:');
    expect(repro).toContain('"data": "Promise not found"');
  });

  it('strips fences the paste itself carried out of the reproducer', () => {
    const f = makeFinding({ request: null, response: null, excerpt: '```\nTraceback (most recent call last):\nValueError: x\n```' });
    expect(params(buildGithubReport(f, testCatalog).url).get('reproducer')).not.toContain('```');
  });

  it('sends the token as $RESONATE_TOKEN when the request had one, and never the token', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjoxfQ.c2lnbmF0dXJlX3NlY3JldA';
    const f = makeFinding({ request: { kind: 'promise.get', head: { corrId: 'c', version: '2026-04-01', auth: jwt }, data: { id: 'x' } } });
    const report = buildGithubReport(f, testCatalog);
    const repro = params(report.url).get('reproducer') ?? '';
    expect(repro).toContain('-H "Authorization: Bearer $RESONATE_TOKEN"');
    expect(repro).toContain('"auth":"<redacted JWT>"');
    expect(report.url).not.toContain('c2lnbmF0dXJlX3NlY3JldA');
    expect(report.redactions).toContainEqual({ kind: 'jwt', label: '<redacted JWT>', count: 1 });
  });

  it('lists the affected surfaces and the environment the paste reveals', () => {
    expect(p.get('affected')).toContain('- resonate (server) @ Rust server (envelope protocol)');
    const env = p.get('env') ?? '';
    expect(env).toContain('- Protocol version: 2026-04-01');
    expect(env).toContain('- Runtime: not in the paste');
    const py = buildGithubReport(
      makeFinding({ source: 'python-sdk', entry: 'py.100-40400.promise-not-found', request: null, response: null, excerpt: pythonTrace(2), versions: { sdk: 'resonate-sdk 0.6.x', runtime: 'Python 3.12' } }),
      testCatalog,
      { pastedText: pythonTrace(2) },
    );
    expect(params(py.url).get('affected')).toContain('- resonate-sdk (Python) @ resonate-sdk 0.6.x');
    expect(params(py.url).get('env')).toContain('- OS: Linux (from the paths in the paste)');
  });

  it('renders the body as GitHub shows a submitted form', () => {
    expect(r.body).toContain("### What's the bug?");
    expect(r.body).toContain('### Reproducer\n\n```bash\n');
    expect(r.body).toBe(r.fullBody);
    expect(r.truncated).toBe(false);
  });
});

describe("the TypeScript SDK's own template (bug_report.md)", () => {
  const f = makeFinding({
    source: 'ts-sdk',
    code: '1103',
    status: null,
    kind: null,
    name: 'ResonateError',
    message: "Function 'sendWelcomeEmail' is not registered",
    entry: 'ts.1103.function-not-registered',
    title: 'Function not registered',
    request: null,
    response: null,
    excerpt: jsTrace(4),
    ids: {},
    versions: { sdk: '@resonatehq/sdk 0.10+', runtime: 'Node.js v20.20.2' },
    userFrame: { file: '/home/dev/orders-app/main.mjs', line: 11, func: 'main' },
  });
  const r = buildGithubReport(f, testCatalog);
  const p = params(r.url);

  it('sends template, title and body only', () => {
    expect([...p.keys()].sort()).toEqual(['body', 'template', 'title']);
    expect(p.get('template')).toBe('bug_report.md');
    expect(r.title).toBe("ResonateError 1103: Function 'sendWelcomeEmail' is not registered");
  });

  it('repeats the headings of the template exactly, in order', () => {
    const body = p.get('body') ?? '';
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(TS_HEADINGS);
  });

  it('holds the diagnosis, the trace in a fence, the steps and the specifications', () => {
    const body = p.get('body') ?? '';
    expect(body).toContain('**Function not registered**');
    expect(body).toContain('(`after-fix`)');
    expect(body).toContain('```text\nResonateError: Function');
    expect(body).toContain('1. The failing call is made at `/home/dev/orders-app/main.mjs:11 (in main)`.');
    expect(body).toContain('- Version: @resonatehq/sdk 0.10+');
    expect(body).toContain('- Platform: Node.js v20.20.2, Linux (from the paths in the paste)');
  });
});

describe('the URL budget', () => {
  const bigPy = makeFinding({
    source: 'python-sdk',
    entry: 'py.100-40400.promise-not-found',
    code: '100.40400',
    kind: null,
    name: 'ResonateStoreError',
    message: 'The specified promise was not found',
    request: null,
    response: null,
    excerpt: pythonTrace(300),
  });

  it('stays within 6,000 encoded characters by trimming the middle of a long trace', () => {
    const r = buildGithubReport(bigPy, testCatalog);
    expect(r.url.length).toBeLessThanOrEqual(6000);
    expect(r.truncated).toBe(true);
    const repro = params(r.url).get('reproducer') ?? '';
    expect(repro).toContain(TRIM_NOTE);
    expect(repro).toContain('Traceback (most recent call last):');
    // A Python traceback ends with what failed: the last line stays.
    expect(repro).toContain('resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found');
    expect(params(r.url).get('summary')).toContain('(`after-fix`)');
    expect(params(r.url).get('summary')).toContain(TRIM_NOTE);
  });

  it('keeps the whole report for the clipboard', () => {
    const r = buildGithubReport(bigPy, testCatalog);
    expect(r.fullBody).toContain('module_150.py');
    expect(r.fullBody).not.toContain(TRIM_NOTE);
    expect(r.body).not.toBe(r.fullBody);
    expect(r.body).toContain(TRIM_NOTE);
  });

  it('keeps the head of a JavaScript stack and the diagnosis in the TypeScript template', () => {
    const f = makeFinding({ source: 'ts-sdk', entry: 'ts.1103.function-not-registered', code: '1103', kind: null, name: 'ResonateError', message: 'x', request: null, response: null, excerpt: jsTrace(400) });
    const r = buildGithubReport(f, testCatalog);
    expect(r.url.length).toBeLessThanOrEqual(6000);
    const body = params(r.url).get('body') ?? '';
    expect(body).toContain("ResonateError: Function 'sendWelcomeEmail' is not registered");
    expect(body).toContain(TRIM_NOTE);
    expect(body).toContain('(`after-fix`)');
    expect(body.split('\n').filter((l) => l.startsWith('## '))).toEqual(TS_HEADINGS);
  });

  it('cuts one enormous line (a one-line envelope) too', () => {
    const huge = { kind: 'promise.search', head: { corrId: 'c', status: 200, version: '2026-04-01' }, data: { promises: Array.from({ length: 400 }, (_, i) => ({ id: `order-${i}`, state: 'pending' })) } };
    const r = buildGithubReport(makeFinding({ response: huge, request: null }), testCatalog);
    expect(r.url.length).toBeLessThanOrEqual(6000);
    expect(r.truncated).toBe(true);
  });

  it('measures the encoded length: non-ASCII text costs more', () => {
    const cjk = makeFinding({ request: null, response: null, excerpt: Array.from({ length: 200 }, (_, i) => `エラー ${i}: 約束が見つかりません`).join('\n') });
    const r = buildGithubReport(cjk, testCatalog);
    expect(r.url.length).toBeLessThanOrEqual(6000);
    expect(r.truncated).toBe(true);
  });

  it('honours a smaller budget, down to the title and template alone', () => {
    const small = buildGithubReport(bigPy, testCatalog, { budget: 2500 });
    expect(small.url.length).toBeLessThanOrEqual(2500);
    expect(params(small.url).get('summary')).toContain('(`after-fix`)');
    const tiny = buildGithubReport(bigPy, testCatalog, { budget: 10 });
    expect(tiny.truncated).toBe(true);
    expect(params(tiny.url).get('title')).toBe(tiny.title);
    expect(params(tiny.url).get('summary')).toContain(TRIM_NOTE);
    expect(params(tiny.url).get('summary')).toContain('(`after-fix`)');
  });

  it('keeps the title under 256 characters whatever the message', () => {
    const r = buildGithubReport(makeFinding({ message: 'x'.repeat(5000), title: 'y'.repeat(5000) }), testCatalog);
    expect(r.title.length).toBeLessThan(256);
    expect(r.title.startsWith('[Bug] promise.get → 404 ')).toBe(true);
  });
});

describe('search existing issues', () => {
  it('normalizes the message: no ids, numbers, quoted values or paths', () => {
    expect(normalizeMessage("Function 'provisionAccount' is not registered")).toBe('Function is not registered');
    expect(normalizeMessage('Invalid request envelope: missing field `version` at line 1 column 46')).toBe('Invalid request envelope missing field at line column');
    expect(normalizeMessage('Networking. Cannot connect to http://localhost:8002. Retrying in 5 sec.')).toBe('Networking Cannot connect to Retrying in sec');
    expect(normalizeMessage('Task 7f1e2d3c-0000-4000-8000-1234567890ab not found')).toBe('Task not found');
  });

  it('builds /issues?q= on the same repository', () => {
    expect(githubSearchUrl('resonatehq/resonate', makeFinding())).toBe('https://github.com/resonatehq/resonate/issues?q=is%3Aissue+Promise+not+found');
    expect(buildGithubReport(makeFinding(), testCatalog).searchUrl).toBe('https://github.com/resonatehq/resonate/issues?q=is%3Aissue+Promise+not+found');
  });
});
