import { describe, expect, it } from 'vitest';
import { DISCORD_LIMIT, buildDiscordMessage, discordSafe, keyLines } from './discord';
import { jsTrace, makeFinding, pythonTrace, testCatalog } from './test-finding';

/** Every ``` opens or closes a block: an even count means no block is left open. */
const fencesBalanced = (text: string): boolean => (text.match(/```/g) ?? []).length % 2 === 0;

describe('the Discord message', () => {
  it('has the diagnosis in one line, the envelopes in code blocks and the catalog link', () => {
    const m = buildDiscordMessage(makeFinding(), testCatalog, { appUrl: 'https://inspector.example/' });
    const lines = m.text.split('\n');
    expect(lines[0]).toBe('**Promise not found** · `promise.get → 404` · Retry: Not until you fix it (after-fix)');
    expect(lines[1]).toBe('Likely cause: The id is wrong, or the request went to another server.');
    expect(m.text).toContain('```json\n{"kind":"promise.get","head":{"corrId":"c-17","version":"2026-04-01"},"data":{"id":"order-42"}}\n```');
    expect(m.text).toContain('```json\n{"kind":"promise.get","head":{"corrId":"c-17","status":404,"version":"2026-04-01"},"data":"Promise not found"}\n```');
    expect(m.text).toContain('Catalog: <https://inspector.example/#/e/server.404.promise-not-found>');
    expect(m.truncated).toBe(false);
  });

  it('links to the docs, or names the entry, without an app URL', () => {
    expect(buildDiscordMessage(makeFinding(), testCatalog).text).toContain('Catalog: <https://docs.resonatehq.io/debug/errors>');
    const noDocs = { ...testCatalog, entries: testCatalog.entries.map((e) => ({ ...e, docs: undefined })) };
    expect(buildDiscordMessage(makeFinding(), noDocs).text).toContain('Catalog: `server.404.promise-not-found`');
  });

  it('shows a trace whole when it fits', () => {
    const m = buildDiscordMessage(makeFinding({ source: 'ts-sdk', request: null, response: null, excerpt: jsTrace(5) }), testCatalog);
    expect(m.text).toContain('```\nResonateError: Function');
    expect(m.text).toContain('at fn4 (');
    expect(m.truncated).toBe(false);
  });

  it('cuts a long JavaScript stack from the end, with a visible marker, never mid-fence', () => {
    const m = buildDiscordMessage(makeFinding({ source: 'ts-sdk', request: null, response: null, excerpt: jsTrace(200) }), testCatalog);
    expect(m.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect(m.truncated).toBe(true);
    expect(m.text).toContain("ResonateError: Function 'sendWelcomeEmail' is not registered");
    expect(m.text).toMatch(/… \(\d+ (?:more )?lines\)/);
    expect(fencesBalanced(m.text)).toBe(true);
    expect(m.text.trimEnd().endsWith('>') || m.text.trimEnd().endsWith('`')).toBe(true);
  });

  it('keeps the end of a long Python traceback, where the exception is', () => {
    const m = buildDiscordMessage(makeFinding({ source: 'python-sdk', request: null, response: null, excerpt: pythonTrace(200) }), testCatalog);
    expect(m.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect(m.text).toContain('resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found');
    expect(m.text).toContain('Traceback (most recent call last):');
    expect(fencesBalanced(m.text)).toBe(true);
  });

  it('drops the request before the response when both do not fit', () => {
    const big = { kind: 'promise.create', head: { corrId: 'c', version: '2026-04-01' }, data: { id: 'x', tags: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`tag-${i}`, 'v'.repeat(20)])) } };
    const m = buildDiscordMessage(makeFinding({ request: big }), testCatalog);
    expect(m.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect(m.text).toContain('"data":"Promise not found"');
    expect(fencesBalanced(m.text)).toBe(true);
  });

  it('never exceeds 2,000 characters, even with enormous titles, causes and lines', () => {
    const m = buildDiscordMessage(
      makeFinding({
        title: 'T'.repeat(5000),
        cause: 'C'.repeat(5000),
        mismatch: 'M'.repeat(5000),
        versions: { server: 'S'.repeat(3000), sdk: 'K'.repeat(3000), runtime: 'R'.repeat(3000) },
        request: null,
        response: null,
        excerpt: 'x'.repeat(50_000),
      }),
      testCatalog,
      { appUrl: `https://inspector.example/${'p'.repeat(3000)}/` },
    );
    expect(m.text.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    expect(fencesBalanced(m.text)).toBe(true);
  });

  it('honours a smaller limit', () => {
    const m = buildDiscordMessage(makeFinding({ request: null, response: null, excerpt: jsTrace(50) }), testCatalog, { limit: 500 });
    expect(m.text.length).toBeLessThanOrEqual(500);
    expect(fencesBalanced(m.text)).toBe(true);
  });

  it('keeps pasted backticks from closing the block, and mass mentions from pinging', () => {
    const m = buildDiscordMessage(makeFinding({ title: 'Ping @everyone and @here', request: null, response: null, excerpt: 'Error: boom\n```\n@everyone```' }), testCatalog);
    expect(fencesBalanced(m.text)).toBe(true);
    expect(m.text).not.toMatch(/@everyone|@here/);
  });

  it('escapes markdown in text, not in code spans', () => {
    expect(discordSafe('a *b* _c_ `d_e*`')).toBe('a \\*b\\* \\_c\\_ `d_e*`');
  });

  it('redacts what it shows', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjoxfQ.c2lnbmF0dXJlX3NlY3JldA';
    const m = buildDiscordMessage(makeFinding({ request: { kind: 'promise.get', head: { corrId: 'c', version: '2026-04-01', auth: jwt }, data: { id: 'x' } } }), testCatalog);
    expect(m.text).not.toContain(jwt.split('.')[2]);
    expect(m.text).toContain('"auth":"<redacted JWT>"');
    expect(m.redactions).toEqual([{ kind: 'jwt', label: '<redacted JWT>', count: 1 }]);
  });
});

describe('keyLines', () => {
  it('keeps headers, exception lines and the user frame, and marks the gaps', () => {
    const trace = pythonTrace(6).replace('module_3.py', 'app/main.py');
    const lines = keyLines(trace, '/home/dev/app/.venv/lib/python3.12/site-packages/resonate/app/main.py');
    expect(lines[0]).toBe('Traceback (most recent call last):');
    expect(lines).toContain('    result = self._next_3(request, timeout=self._timeout)');
    expect(lines.at(-1)).toBe('resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found');
    expect(lines.some((l) => /… \(\d+ lines\)/.test(l))).toBe(true);
  });
});
