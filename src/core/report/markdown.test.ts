import { describe, expect, it } from 'vitest';
import { buildMarkdownReport, buildMarkdownReportAll } from './markdown';
import { makeFinding, pythonTrace, testCatalog } from './test-finding';

describe('Copy as Markdown', () => {
  it('reports one finding: diagnosis, facts, input, environment, catalog entry', () => {
    const r = buildMarkdownReport(makeFinding(), testCatalog, { appUrl: 'https://inspector.example/' });
    expect(r.text.startsWith('## Promise not found\n')).toBe(true);
    for (const part of [
      '`promise.get → 404 Promise not found` · Resonate server',
      '**Is a retry safe?** Not until you fix it (`after-fix`) — The same request fails until a promise with this id exists.',
      '**Likely cause:** The id is wrong, or the request went to another server.',
      '- The promise was not created yet.',
      '1. Check the id and the server URL.',
      '- corrId: `c-17`',
      'Request:\n\n```json\n{\n  "kind": "promise.get"',
      'Response:\n\n```json\n',
      'Replay (redacted):\n\n```bash\ncurl -sS -X POST',
      '- Protocol version: 2026-04-01',
      '**Catalog entry:** [`server.404.promise-not-found`](https://inspector.example/#/e/server.404.promise-not-found) · [docs](https://docs.resonatehq.io/debug/errors)',
    ])
      expect(r.text).toContain(part);
  });

  it('fences a trace with more backticks than it holds', () => {
    const r = buildMarkdownReport(makeFinding({ source: 'python-sdk', request: null, response: null, excerpt: `${pythonTrace(1)}\n\`\`\`\`` }), testCatalog);
    expect(r.text).toContain('`````pytb\nTraceback');
  });

  it('keeps markers visible on GitHub (no raw HTML tags outside code)', () => {
    const r = buildMarkdownReport(makeFinding({ summary: 'Runs in <module> with <redacted JWT>', mismatch: 'sdk `<1.0>`' }), testCatalog);
    expect(r.text).toContain('Runs in &lt;module> with &lt;redacted JWT>');
    expect(r.text).toContain('sdk `<1.0>`');
  });

  it('reports every finding at once, with a summary list', () => {
    const findings = [makeFinding(), makeFinding({ source: 'python-sdk', entry: 'py.100-40400.promise-not-found', title: 'Python not found', retry: 'never', request: null, response: null, excerpt: pythonTrace(2) })];
    const r = buildMarkdownReportAll(findings, testCatalog);
    expect(r.text).toContain('# Resonate Inspector report\n\n2 findings, diagnosed with catalog 2026.11.25-test:');
    expect(r.text).toContain('1. **Promise not found** — `promise.get → 404 Promise not found` — Not until you fix it (`after-fix`)');
    expect(r.text).toContain('2. **Python not found**');
    expect(r.text).toContain('## 1. Promise not found');
    expect(r.text).toContain('## 2. Python not found');
    expect(buildMarkdownReportAll([], testCatalog).text).toContain('No Resonate error, envelope or trace found');
  });

  it('redacts, and keeps payloads only on purpose', () => {
    const request = { kind: 'promise.create', head: { corrId: 'c', version: '2026-04-01', auth: 'opaque-token-123' }, data: { id: 'x', param: { headers: {}, data: 'eyJhIjoxfQ==' } } };
    const r = buildMarkdownReport(makeFinding({ request }), testCatalog);
    expect(r.text).not.toContain('opaque-token-123');
    expect(r.text).not.toContain('eyJhIjoxfQ==');
    expect(r.redactions).toHaveLength(2);
    expect(r.redactions).toEqual(
      expect.arrayContaining([
        { kind: 'payload', label: '<payload: 7 bytes>', count: 2 },
        { kind: 'token', label: '<redacted token>', count: 2 },
      ]),
    );
    const kept = buildMarkdownReport(makeFinding({ request }), testCatalog, { includePayloads: true });
    expect(kept.text).toContain('eyJhIjoxfQ==');
    expect(kept.text).not.toContain('opaque-token-123');
  });
});
