import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRedactions, payloadBytes, redact, redactFinding, redactJson } from './redact';
import { makeFinding } from './test-finding';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ3b3JrZXIiLCJwcmVmaXgiOiJvcmRlci0iLCJleHAiOjE3Nzc0MjAwMDB9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc';
const UNSIGNED = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';

describe('redact: secrets in every spelling', () => {
  it.each([
    ['head.auth in one-line JSON', `{"kind":"promise.get","head":{"corrId":"c","version":"2026-04-01","auth":"${JWT}"},"data":{"id":"x"}}`, '"auth":"<redacted JWT>"'],
    ['head.auth in pretty JSON', `{\n  "head": {\n    "auth": "${JWT}"\n  }\n}`, '"auth": "<redacted JWT>"'],
    ['head.auth, an opaque token', '{"head":{"auth":"opaque-token-123"}}', '"auth":"<redacted token>"'],
    ['head.auth in a Python repr', `{'head': {'auth': '${JWT}'}}`, "'auth': '<redacted JWT>'"],
    ['head.auth escaped inside a log line', `{"msg":"{\\"head\\":{\\"auth\\":\\"opaque-escaped-99\\"}}"}`, '\\"auth\\":\\"<redacted token>\\"'],
    ['an unsigned JWT anywhere', `token was ${UNSIGNED} here`, 'token was <redacted JWT> here'],
    ['a JWT in a URL', `GET /poll/default/1?access=${JWT}`, '?access=<redacted JWT>'],
    ['curl -H Bearer', `curl -H 'Authorization: Bearer abcdef123456' http://x`, "'Authorization: Bearer <redacted token>'"],
    ['curl -H Bearer JWT', `curl -H "Authorization: Bearer ${JWT}"`, '"Authorization: Bearer <redacted JWT>"'],
    ['HTTP dump', `> POST / HTTP/1.1\n> authorization: Bearer tok_9f8e7d6c5b4a\n> Content-Type: application/json`, '> authorization: Bearer <redacted token>\n'],
    ['Basic auth', 'Authorization: Basic dXNlcjpodW50ZXIy', 'Authorization: Basic <redacted credentials>'],
    ['an Authorization header in JSON', '{"headers":{"Authorization":"Bearer tok_9f8e7d6c5b4a"}}', '"Authorization":"Bearer <redacted token>"'],
    ['an Authorization header in util.inspect', "headers: { Authorization: 'Bearer tok_9f8e7d6c5b4a' }", "Authorization: 'Bearer <redacted token>'"],
    ['a bare Bearer credential', 'sent Bearer abcDEF123456ghi to the server', 'sent Bearer <redacted token> to'],
    ['RESONATE_TOKEN=', 'RESONATE_TOKEN=abc123xyz npm start', 'RESONATE_TOKEN=<redacted token> npm'],
    ['export with quotes', 'export RESONATE_TOKEN="abc123xyz"', 'RESONATE_TOKEN="<redacted token>"'],
    ['apiKey field', '{"apiKey": "k-123456789"}', '"apiKey": "<redacted API key>"'],
    ['api_key in a query string', 'GET /x?api_key=zzz999&limit=10', 'api_key=<redacted API key>&limit=10'],
    ['secret field', '{"client_secret":"s3cr3t-v4lue"}', '"client_secret":"<redacted secret>"'],
    ['password field with a space', '{"password": "p@ss w0rd"}', '"password": "<redacted password>"'],
    ['password kwarg', "Store(user='admin', password='hunter22')", "password='<redacted password>'"],
    ['Stripe key', 'key sk_live_4eC39HqLyjWDarjtT1zdp7dc here', 'key <redacted API key> here'],
    ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '<redacted API key>'],
    ['Slack token', 'xoxb-1234-5678-abcdefghijkl', '<redacted API key>'],
    ['AWS key', 'AKIAIOSFODNN7EXAMPLE', '<redacted API key>'],
    ['URL password', 'postgres://resonate:Sup3r!Secret@db.internal:5432/resonate', 'postgres://resonate:<redacted password>@db.internal'],
    ['URL password without a user', 'redis://:hunter22@cache:6379', 'redis://:<redacted password>@cache'],
    ['curl -u', 'curl -u admin:hunter22 http://x', 'curl -u admin:<redacted password> http://x'],
    ['resonate CLI --token', 'resonate promises get foo --token abcdef123', '--token <redacted token>'],
    ['resonate CLI -T', 'resonate promises get foo -T abcdef123', '-T <redacted token>'],
    ['cookie header', 'Cookie: session=abc; other=def', 'Cookie: <redacted cookie>'],
    ['private key', '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBg\n-----END PRIVATE KEY-----', '<redacted private key>'],
  ])('%s', (_name, input, expected) => {
    const r = redact(input);
    expect(r.text).toContain(expected);
    expect(r.redactions.length).toBeGreaterThan(0);
  });

  it('says what it replaced, with counts', () => {
    const r = redact(`{"head":{"auth":"${JWT}"}} Authorization: Bearer ${JWT} RESONATE_TOKEN=abc123xyz`);
    expect(r.redactions).toContainEqual({ kind: 'jwt', label: '<redacted JWT>', count: 2 });
    expect(r.redactions).toContainEqual({ kind: 'token', label: '<redacted token>', count: 1 });
  });

  it('leaves ordinary text and Resonate envelopes alone', () => {
    for (const text of [
      '{"kind":"promise.get","head":{"corrId":"c","status":404,"version":"2026-04-01"},"data":"Promise not found"}',
      `{'kind': 'task.get', 'head': {'corrId': '71d2', 'status': 401, 'version': '2026-04-01'}, 'data': 'Unauthorized'}`,
      "SyntaxError: Unexpected token 'j', \"j\" is not valid JSON",
      '-H "Authorization: Bearer $RESONATE_TOKEN"',
      'Set RESONATE_TOKEN=<your token> first; Bearer authentication is required.',
      '  File "/app/auth.py", line 3, in check\n    at verify (/app/token.js:12:5)',
      'http://localhost:8001/promises?id=order-42',
      'the "token": null field; "auth": false',
    ])
      expect(redact(text)).toEqual({ text, redactions: [] });
  });

  it('is idempotent: a redacted text has nothing more to redact', () => {
    const once = redact(`{"head":{"auth":"${JWT}"},"param":{"headers":{},"data":"eyJhIjoxfQ=="}} password=hunter22 Bearer abcDEF123456`);
    expect(redact(once.text)).toEqual({ text: once.text, redactions: [] });
  });
});

describe('redact: promise payloads', () => {
  const record = `{"id":"order-40","param":{"headers":{},"data":"eyJmdW5jIjoicHJvY2Vzc09yZGVyIiwiYXJncyI6WzQwXX0="},"value":{"headers":{},"data":"eyJvayI6dHJ1ZX0="},"tags":{}}`;

  it('replaces param.data and value.data with their size', () => {
    const r = redact(record);
    expect(r.text).toContain('"param":{"headers":{},"data":"<payload: 35 bytes>"}');
    expect(r.text).toContain('"value":{"headers":{},"data":"<payload: 11 bytes>"}');
    expect(r.redactions.map((x) => x.kind)).toEqual(['payload', 'payload']);
  });

  it('finds them pretty-printed, escaped in a log line, or in a Python repr', () => {
    expect(redact('"param": {\n  "headers": {},\n  "data": "eyJhIjoxfQ=="\n}').text).toContain('"data": "<payload: 7 bytes>"');
    expect(redact('{"msg":"{\\"value\\":{\\"data\\":\\"eyJhIjoxfQ==\\"}}"}').text).toContain('\\"data\\":\\"<payload: 7 bytes>\\"');
    expect(redact("{'param': {'headers': {}, 'data': 'eyJhIjoxfQ=='}}").text).toContain("'data': '<payload: 7 bytes>'");
    expect(redact("param=Value(data='eyJhIjoxfQ==', headers={})").text).toContain("data='<payload: 7 bytes>'");
  });

  it('leaves the envelope data (the error message) alone', () => {
    const text = '{"kind":"promise.get","head":{"status":404},"data":"Unauthorized"}';
    expect(redact(text).text).toBe(text);
  });

  it('keeps payloads on purpose with includePayloads, and still redacts secrets', () => {
    const r = redact(`${record} {"head":{"auth":"${JWT}"}}`, { includePayloads: true });
    expect(r.text).toContain('eyJmdW5jIjoicHJvY2Vzc09yZGVyIiwiYXJncyI6WzQwXX0=');
    expect(r.text).toContain('<redacted JWT>');
  });

  it('counts decoded bytes for base64 and UTF-8 bytes otherwise', () => {
    expect(payloadBytes('eyJvayI6dHJ1ZX0=')).toBe(11);
    expect(payloadBytes('aGk')).toBe(2);
    expect(payloadBytes('not base64!')).toBe(11);
    expect(payloadBytes('é')).toBe(2);
  });
});

describe('redact never throws and never hangs', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const r = redact(s);
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('on long runs of the characters its patterns look for', () => {
    const inputs = [
      'x'.repeat(200_000),
      'a.'.repeat(100_000) + 'token',
      'eyJ'.repeat(100_000),
      'sk-'.repeat(100_000),
      'http://a:'.repeat(40_000),
      'data:"a" '.repeat(20_000),
      '{'.repeat(100_000) + 'data:"a"',
      '-----BEGIN RSA PRIVATE KEY-----'.repeat(2_000),
    ];
    const start = Date.now();
    for (const s of inputs) expect(typeof redact(s).text).toBe('string');
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('redactJson and redactFinding', () => {
  it('redacts envelopes by structure: head.auth, payloads, secret keys, numbers too', () => {
    const r = redactJson({
      kind: 'promise.create',
      head: { corrId: 'c', version: '2026-04-01', auth: JWT },
      data: { id: 'x', param: { headers: { Authorization: 'Bearer tok_9f8e7d6c5b4a' }, data: 'eyJhIjoxfQ==' }, tags: { password: 12345678 } },
    });
    expect(r.value).toEqual({
      kind: 'promise.create',
      head: { corrId: 'c', version: '2026-04-01', auth: '<redacted JWT>' },
      data: { id: 'x', param: { headers: { Authorization: 'Bearer <redacted token>' }, data: '<payload: 7 bytes>' }, tags: { password: '<redacted password>' } },
    });
  });

  it('redacts every field a report uses', () => {
    const secret = 'RESONATE_TOKEN=abc123xyz';
    const f = makeFinding({
      message: `Promise not found ${secret}`,
      title: `Promise not found ${secret}`,
      notes: [secret],
      excerpt: `{"head":{"auth":"${JWT}"}} ${secret}`,
      request: { kind: 'promise.get', head: { corrId: 'c', version: '2026-04-01', auth: JWT }, data: { id: 'x' } },
      chain: [{ name: 'Error', message: secret }],
      userFrame: { file: `/app/${secret}`, line: 1, func: null },
    });
    const { finding, redactions } = redactFinding(f);
    const text = JSON.stringify(finding);
    expect(text).not.toContain('abc123xyz');
    expect(text).not.toContain(JWT);
    expect(redactions.map((r) => r.label).sort()).toEqual(['<redacted JWT>', '<redacted token>']);
    expect(f.message).toContain('abc123xyz');
  });

  it('scrubs pieces of a secret that the decoder read into a field of their own', () => {
    const [, claims, signature] = JWT.split('.');
    const f = makeFinding({ name: signature ?? '', ids: { promise: claims ?? '' }, excerpt: `Traceback:\n${JWT}\nError: x` });
    const { finding } = redactFinding(f, { pastedText: `line 1\nAuthorization: Bearer ${JWT}\n` });
    expect(finding.name).toBe('<redacted JWT>');
    expect(finding.ids.promise).toBe('<redacted JWT>');
    expect(JSON.stringify(finding)).not.toContain(signature);
    // Words are not scrubbed just because a weak password was one.
    const weak = redactFinding(makeFinding({ message: 'postgres is down' }), { pastedText: 'postgres://postgres:postgres@db/x' });
    expect(weak.finding.message).toBe('postgres is down');
  });

  it('countRedactions counts the markers a finished text holds', () => {
    const known = [
      { kind: 'jwt' as const, label: '<redacted JWT>', count: 9 },
      { kind: 'payload' as const, label: '<payload: 7 bytes>', count: 1 },
    ];
    expect(countRedactions(['a <redacted JWT> b <redacted JWT>', '<redacted JWT>'], known)).toEqual([{ kind: 'jwt', label: '<redacted JWT>', count: 3 }]);
  });
});
