import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { decode } from './decode';

describe('Ctrl+C and shutdown noise never hide the failure printed before them', () => {
  const keyboardInterrupt = [
    'Traceback (most recent call last):',
    '  File "/home/dev/app/main.py", line 25, in <module>',
    '    print(handle.result())',
    '  File "/usr/lib/python3.11/threading.py", line 327, in wait',
    '    waiter.acquire()',
    'KeyboardInterrupt',
  ].join('\n');

  it('a Resonate error before the interrupt comes first; the interrupt is still listed', () => {
    const text = `{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}\n${keyboardInterrupt}`;
    const findings = decode(text, testCatalog);
    expect(findings[0]?.entry).toBe('server.404.promise-not-found');
    expect(findings.map((f) => f.name)).toContain('KeyboardInterrupt');
  });

  it('an interrupt alone is still diagnosed, as nothing to retry by itself', () => {
    const [f] = decode(keyboardInterrupt, testCatalog);
    expect(f?.name).toBe('KeyboardInterrupt');
    expect(f?.incidental).toBe(true);
    expect(f?.retry).toBe('safe');
  });

  it("Python's shutdown noise ranks after the interrupt's cause too", () => {
    const noise = ['--- Logging error ---', 'Traceback (most recent call last):', '  File "/usr/lib/python3.11/logging/__init__.py", line 1110, in emit', 'ImportError: sys.meta_path is None, Python is likely shutting down'].join('\n');
    const text = `{"error":{"code":40400,"message":"The specified promise was not found","details":[]}}\n${noise}`;
    expect(decode(text, testCatalog)[0]?.entry).toBe('legacy.40400.promise-not-found');
  });
});

describe('a log record that only repeats a message counts when the catalog knows the message', () => {
  it('a TS 0.10 warn about reconnecting is not diagnosed as a server error by a fallback entry', () => {
    const text = '{"timestamp":"2026-12-02T06:07:43.704Z","level":"warn","msg":"adapter reconnecting","component":"network","adapter_type":"HttpPoll","error":"SSE connection error","attempt":1}';
    expect(decode(text, testCatalog).filter((f) => f.entry === 'ts.1199.server-error')).toEqual([]);
  });
});

describe('the error that ended the process comes before errors only logged on the way', () => {
  it('a Node crash (its Node.js footer) outranks an SDK log line printed before it', () => {
    const text = [
      '{"timestamp":"2026-12-02T12:25:44.227Z","level":"error","msg":"Encoding. Argument(s) for function \'unknown\' cannot be encoded. Will drop. (See https://rn8.io/e/1106 for more information)","component":"error","code":"06","type":"Encoding","next":"Will drop","href":"https://rn8.io/e/1106"}',
      'file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/resonate.js:464',
      '',
      'TypeError: Promise.withResolvers is not a function',
      '    at Resonate.subscribe (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/resonate.js:464:84)',
      '',
      'Node.js v20.20.2',
    ].join('\n');
    const findings = decode(text, testCatalog);
    expect(findings.map((f) => f.code ?? f.name)).toEqual(['TypeError', '1106']);
  });
});

describe('a bare {"error": "…"} is Resonate only when its text is the server’s', () => {
  it('the Rust server’s 410 body is read; another product’s one-word error is not claimed', () => {
    const [gone] = decode('{"error":"This endpoint is no longer supported. Please update to the latest SDK."}', testCatalog);
    expect(gone?.status).toBe(410);
    expect(decode('event: error\ndata: {"error":"Unauthorized"}', testCatalog).filter((f) => f.source !== 'unknown')).toEqual([]);
  });
});
