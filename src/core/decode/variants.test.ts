import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { decode } from './decode';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

/** Real-world shapes from the references (sdk-errors.md §0, §1.4–§1.6, §2.4–§2.6; server-protocol.md §5–§7, §13) that the shared fixtures do not hold. */
const CASES: Array<{ name: string; text: string; source: string; code: string | null; retry: string }> = [
  {
    "name": "the SDK's CRITICAL shutdown banner around a 502 from a proxy",
    "text": "Resonate encountered an unexpected exception and had to shut down.\n\n📦 Version:     0.6.7\n🧵 Thread:      heartbeat\n❌ Exception:   ResonateStoreError('<html>\\r\\n<head><title>502 Bad Gateway</title></head>')\n📄 Stacktrace:\n─────────────────────────────────────────────────────────────────────\nTraceback (most recent call last):\n  File \"/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py\", line 82, in call\n    res.raise_for_status()\n  File \"/app/.venv/lib/python3.12/site-packages/requests/models.py\", line 1167, in raise_for_status\n    raise HTTPError(http_error_msg, response=self)\nrequests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: http://proxy:8001/tasks/heartbeat\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/app/.venv/lib/python3.12/site-packages/resonate/utils.py\", line 22, in wrapper\n    return func(*args, **kwargs)\n  File \"/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py\", line 95, in call\n    raise ResonateStoreError(mesg=mesg, code=code, details=details) from e\nresonate.errors.errors.ResonateStoreError: [100.00000] <html>\n<head><title>502 Bad Gateway</title></head>\n</html>\n─────────────────────────────────────────────────────────────────────\n\n🔗 Please help us make resonate better by reporting this issue:\nhttps://github.com/resonatehq/resonate-sdk-py/issues/new?body=%0AAn%20exception\n",
    "source": "python-sdk",
    "code": "100.00000",
    "retry": "with-backoff"
  },
  {
    "name": "a traceback with docker compose prefixes, and another service's log line",
    "text": "worker-1  | Traceback (most recent call last):\nworker-1  |   File \"/app/worker.py\", line 58, in on_message\nworker-1  |     p = resonate.promises.get(\"order-42\")\nworker-1  |   File \"/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py\", line 95, in call\nworker-1  |     raise ResonateStoreError(mesg=mesg, code=code, details=details) from e\nworker-1  | resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found\nserver-1  | 2026-04-29T10:00:03.551Z INFO resonate: listening on 0.0.0.0:8001\n",
    "source": "python-sdk",
    "code": "100.40400",
    "retry": "after-fix"
  },
  {
    "name": "curl -i output with the request in the command line",
    "text": "$ curl -i -X POST http://localhost:8001/ -H 'Content-Type: application/json' -d '{\"kind\":\"task.acquire\",\"head\":{\"corrId\":\"c9\",\"version\":\"2026-04-01\"},\"data\":{\"id\":\"order-42\",\"version\":1,\"pid\":\"w1\",\"ttl\":60000}}'\nHTTP/1.1 409 Conflict\ncontent-type: application/json\ncontent-length: 105\ndate: Tue, 28 Apr 2026 22:51:07 GMT\n\n{\"kind\":\"task.acquire\",\"head\":{\"corrId\":\"c9\",\"status\":409,\"version\":\"2026-04-01\"},\"data\":\"Task is not pending\"}\n",
    "source": "server",
    "code": "409",
    "retry": "never"
  },
  {
    "name": "the docs page's example, with its wrong kind promises.get",
    "text": "{\n\"kind\": \"promises.get\",\n\"head\": {\n\"corrId\": \"\",\n\"status\": 404,\n\"version\": \"2026-04-01\"\n},\n\"data\": \"Promise not found\"\n}\n",
    "source": "server",
    "code": "404",
    "retry": "after-fix"
  },
  {
    "name": "a 200 task.fence whose inner promise.settle failed",
    "text": "{\"kind\":\"task.fence\",\"head\":{\"corrId\":\"f1\",\"status\":200,\"version\":\"2026-04-01\"},\"data\":{\"action\":{\"kind\":\"promise.settle\",\"head\":{\"corrId\":\"f1\",\"status\":404,\"version\":\"2026-04-01\"},\"data\":\"Promise not found\"},\"preload\":[]}}\n",
    "source": "server",
    "code": "404",
    "retry": "after-fix"
  },
  {
    "name": "a GitHub comment quoting a stack in a fenced block",
    "text": "Hi! Since upgrading I get this on every run:\n\n> ```\n> ResonateTimeoutException: platform failure: legacy server detected\n>     at Resonate.send (file:///app/node_modules/@resonatehq/sdk/dist/src/network/http.js:118:19)\n>     at async Resonate.taskCreate (file:///app/node_modules/@resonatehq/sdk/dist/src/resonate.js:358:21)\n> ```\n\nAny idea?\n",
    "source": "ts-sdk",
    "code": null,
    "retry": "after-fix"
  },
  {
    "name": "jest's Rejected to value: [ResonateError: …]",
    "text": "  ● onboarding › sends the welcome email\n\n    expect(received).resolves.toBe()\n\n    Received promise rejected instead of resolved\n    Rejected to value: [ResonateError: Function 'sendWelcomeEmail' is not registered]\n\n      at expect (node_modules/expect/build/index.js:113:15)\n      at Object.<anonymous> (test/onboarding.test.ts:14:11)\n",
    "source": "ts-sdk",
    "code": "1103",
    "retry": "after-fix"
  },
  {
    "name": "jest output with a code frame",
    "text": " FAIL  test/workflows.test.ts\n  ● workflows › registers chargeCard once per worker\n\n    ResonateError: Function 'chargeCard' (version 1) is already registered\n\n      27 |     resonate.register(\"chargeCard\", chargeCard);\n      28 |     resonate.register(\"chargeCard\", chargeCard);\n    > 29 |   });\n         |   ^\n\n      at Object.REGISTRY_FUNCTION_ALREADY_REGISTERED (node_modules/@resonatehq/sdk/src/exceptions.ts:60:12)\n      at Registry.add (node_modules/@resonatehq/sdk/src/registry.ts:29:24)\n      at Object.<anonymous> (test/workflows.test.ts:28:14)\n",
    "source": "ts-sdk",
    "code": "1102",
    "retry": "after-fix"
  },
  {
    "name": "joined, repeated validation messages",
    "text": "{\"kind\":\"task.acquire\",\"head\":{\"corrId\":\"c9\",\"status\":400,\"version\":\"2026-04-01\"},\"data\":\"Task ID is required; Process ID is required; Task ID is required\"}\n",
    "source": "server",
    "code": "400",
    "retry": "after-fix"
  },
  {
    "name": "a 4-digit legacy Go body (2024 era)",
    "text": "{\"error\":{\"code\":4040,\"message\":\"The specified promise was not found\",\"details\":[{\"@type\":\"RequestError\",\"message\":\"Request errors are not retryable since they are caused by invalid client requests\",\"domain\":\"request\",\"metadata\":{\"url\":\"https://docs.resonatehq.io/reference/error-codes#4040\"}}]}}\n",
    "source": "legacy-server",
    "code": "4040",
    "retry": "after-fix"
  },
  {
    "name": "a minified bundle header",
    "text": "H [ResonateError]: Function 'chargeCard' (version 1) is already registered\n    at Object.REGISTRY_FUNCTION_ALREADY_REGISTERED (file:///srv/worker/dist/worker.min.mjs:2:2938)\n    at Bt.add (file:///srv/worker/dist/worker.min.mjs:2:11021)\n    at qt.register (file:///srv/worker/dist/worker.min.mjs:2:30877)\n",
    "source": "ts-sdk",
    "code": "1102",
    "retry": "after-fix"
  },
  {
    "name": "node:test's Error [ResonateError] with an indented property block",
    "text": "✖ registers twice (4.8ms)\n  Error [ResonateError]: Function 'chargeCard' (version 1) is already registered\n      at Object.REGISTRY_FUNCTION_ALREADY_REGISTERED (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:38:16)\n      at Registry.add (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/registry.js:17:30)\n      at TestContext.<anonymous> (file:///home/dev/app/test/register.test.mjs:9:14) {\n    code: '02',\n    type: 'Registry',\n    next: 'n/a',\n    href: 'https://rn8.io/e/1102',\n    retriable: false,\n    serverError: undefined,\n    [cause]: undefined\n  }\n",
    "source": "ts-sdk",
    "code": "1102",
    "retry": "after-fix"
  },
  {
    "name": "a 0.10+ 'platform failure' warn line on its own",
    "text": "{\"timestamp\":\"2026-11-25T02:57:50.120Z\",\"level\":\"warn\",\"msg\":\"platform failure\",\"component\":\"network\",\"kind\":\"promise.create\",\"corr_id\":\"9ad5\",\"error_type\":\"connection_error\",\"error\":\"fetch failed\"}\n",
    "source": "ts-sdk",
    "code": null,
    "retry": "with-backoff"
  },
  {
    "name": "the SDK imported on Python 3.11",
    "text": "Traceback (most recent call last):\n  File \"/app/main.py\", line 1, in <module>\n    from resonate import Resonate\n  File \"/app/.venv/lib/python3.11/site-packages/resonate/__init__.py\", line 3, in <module>\n    from resonate.coroutine import LFX\n  File \"/app/.venv/lib/python3.11/site-packages/resonate/coroutine.py\", line 18\n    class LFX[T]:\n             ^\nSyntaxError: invalid syntax\n",
    "source": "python-sdk",
    "code": null,
    "retry": "after-fix"
  },
  {
    "name": "a plain requests ConnectionError without the SDK",
    "text": "Traceback (most recent call last):\n  File \"/home/me/scripts/ping.py\", line 4, in <module>\n    requests.get(\"http://localhost:8001/health\")\n  File \"/home/me/.venv/lib/python3.12/site-packages/requests/api.py\", line 73, in get\n    return request(\"get\", url, params=params, **kwargs)\nrequests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8001): Max retries exceeded with url: /health (Caused by NewConnectionError(\"HTTPConnection(host='localhost', port=8001): Failed to establish a new connection: [Errno 111] Connection refused\"))\n",
    "source": "unknown",
    "code": null,
    "retry": "with-backoff"
  },
  {
    "name": "a JSON debug log line with an escaped stack",
    "text": "{\"timestamp\":\"2026-11-25T02:57:46.378Z\",\"level\":\"debug\",\"msg\":\"Registry full error details\",\"component\":\"error\",\"code\":\"03\",\"error\":\"ResonateError: Function 'provisionAccount' is not registered\\n    at Object.REGISTRY_FUNCTION_NOT_REGISTERED (file:///app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:42:16)\\n    at Computation.run (file:///app/node_modules/@resonatehq/sdk/dist/src/computation.js:49:19)\"}\n",
    "source": "ts-sdk",
    "code": "1103",
    "retry": "after-fix"
  },
  {
    "name": "the same 409 three times",
    "text": "{\"kind\":\"task.fulfill\",\"head\":{\"corrId\":\"x1\",\"status\":409,\"version\":\"2026-04-01\"},\"data\":\"Task version mismatch or invalid state\"}\n{\"kind\":\"task.fulfill\",\"head\":{\"corrId\":\"x2\",\"status\":409,\"version\":\"2026-04-01\"},\"data\":\"Task version mismatch or invalid state\"}\n{\"kind\":\"task.fulfill\",\"head\":{\"corrId\":\"x3\",\"status\":409,\"version\":\"2026-04-01\"},\"data\":\"Task version mismatch or invalid state\"}\n",
    "source": "server",
    "code": "409",
    "retry": "never"
  },
  {
    "name": "resonate-sdk 0.7 ServerError",
    "text": "Traceback (most recent call last):\n  File \"/app/main.py\", line 12, in <module>\n    result = resonate.get(\"order-42\").result()\n  File \"/app/.venv/lib/python3.12/site-packages/resonate/resonate.py\", line 301, in get\n    raise ServerError(res.head.status, res.data)\nresonate.error.ServerError: server error (code=404): Promise not found\n",
    "source": "python-sdk",
    "code": null,
    "retry": "after-fix"
  },
  {
    "name": "a request with a wrong protocol version beside its 400",
    "text": "> {\"kind\":\"promise.get\",\"head\":{\"corrId\":\"a1\",\"version\":\"0.9.5\"},\"data\":{\"id\":\"order-42\"}}\n< {\"kind\":\"promise.get\",\"head\":{\"corrId\":\"a1\",\"status\":400,\"version\":\"2026-04-01\"},\"data\":\"Unsupported protocol version '0.9.5', supported versions: [\\\"2026-04-01\\\"]\"}\n",
    "source": "server",
    "code": "400",
    "retry": "after-fix"
  },
  {
    "name": "a traceback with Windows paths",
    "text": "Traceback (most recent call last):\n  File \"C:\\Users\\maria\\src\\worker\\main.py\", line 21, in <module>\n    print(handle.result())\n  File \"C:\\Users\\maria\\src\\worker\\.venv\\Lib\\site-packages\\resonate\\models\\handle.py\", line 32, in result\n    return self._f.result(timeout)\n  File \"C:\\Python312\\Lib\\concurrent\\futures\\_base.py\", line 401, in __get_result\n    raise self._exception\nresonate.errors.errors.ResonateTimedoutError: [201.00000] Promise kyc-check/user-311 timedout at 1795575393.576\n",
    "source": "python-sdk",
    "code": "201",
    "retry": "never"
  }
];

describe('real-world variants', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = decode(c.text, catalog)[0];
    expect(f?.source).toBe(c.source);
    expect(f?.code).toBe(c.code);
    expect(f?.retry).toBe(c.retry);
    expect(f?.entry).toBeTruthy();
  });

  it('says nothing about plain prose', () => {
    expect(decode("Hello team, my workflow is stuck and I don't know why. Any ideas?", catalog)).toEqual([]);
  });

  it('counts one failure pasted several times once', () => {
    const c = CASES.find((x) => x.name === 'the same 409 three times');
    const findings = decode(c?.text ?? '', catalog);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.count).toBe(3);
  });

  it('reads the docs spelling of a kind as the real kind, and says so', () => {
    const c = CASES.find((x) => x.name.startsWith("the docs page's example"));
    const f = decode(c?.text ?? '', catalog)[0];
    expect(f?.kind).toBe('promise.get');
    expect(f?.rawKind).toBe('promises.get');
    expect(f?.notes.join(' ')).toContain('Unknown operation: promises.get');
  });

  it('names a protocol version mismatch, and attaches the request pasted beside the response', () => {
    const c = CASES.find((x) => x.name.startsWith('a request with a wrong protocol version'));
    const f = decode(c?.text ?? '', catalog)[0];
    expect(f?.mismatch).toMatch(/0\.9\.5/);
    expect(f?.request).toMatchObject({ kind: 'promise.get', data: { id: 'order-42' } });
    expect(f?.ids.promise).toBe('order-42');
  });

  it("takes the version and the user's frame from the CRITICAL banner and the traceback", () => {
    const c = CASES.find((x) => x.name.startsWith("the SDK's CRITICAL"));
    const f = decode(c?.text ?? '', catalog)[0];
    expect(f?.versions.sdk).toContain('0.6.7');
    expect(f?.status).toBe(502);
  });
});

describe('pytest sections', () => {
  it('do not swallow what follows the failure', () => {
    const text = [
      '___________________________ test_lookup ___________________________',
      '',
      '>       handle = resonate.get("order-42")',
      'E       resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
      '',
      '../.venv/lib/python3.12/site-packages/resonate/stores/local.py:262: ResonateStoreError',
      'later, in another log:',
      '{"kind":"task.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Task not found"}',
    ].join('\n');
    const codes = decode(text, catalog).map((f) => f.code);
    expect(codes).toEqual(['100.40400', '404']);
  });

  it('without an E line are not a finding, and hide nothing', () => {
    const text = '_____ test_x _____\nsome output\n{"kind":"task.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Task not found"}';
    expect(decode(text, catalog).map((f) => f.code)).toEqual(['404']);
  });
});

describe('interleaved and odd lines', () => {
  it('reads a traceback with another thread’s log line printed among its frames', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/app/worker.py", line 58, in on_message',
      '    p = resonate.promises.get("order-42")',
      '2026-11-25 10:15:02,117 INFO heartbeat sent',
      '  File "/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 95, in call',
      '    raise ResonateStoreError(mesg=mesg, code=code, details=details) from e',
      'resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
    ].join('\n');
    const f = decode(text, catalog)[0];
    expect(f?.code).toBe('100.40400');
    expect(f?.frames).toHaveLength(2);
    expect(f?.userFrame?.file).toBe('/app/worker.py');
  });

  it('takes only real operation kinds from a resonate CLI command line', () => {
    const findings = decode('$ resonate promises eyJhbGciOi\nError: "Promise not found"', catalog);
    expect(findings[0]?.kind).not.toBe('promise.eyJhbGciOi');
  });
});

describe('plain-text bodies', () => {
  it("read gin's 404 page as the legacy Go server's", () => {
    const f = decode('HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\n404 page not found', catalog)[0];
    expect(f?.source).toBe('legacy-server');
    expect(f?.status).toBe(404);
  });
});

describe('log records that carry the error inside', () => {
  it('reads an envelope logged as an escaped JSON string', () => {
    const line = JSON.stringify({
      level: 'error',
      msg: 'resonate call failed',
      response: '{"kind":"task.acquire","head":{"corrId":"c1","status":409,"version":"2026-04-01"},"data":"Task is not pending"}',
    });
    const f = decode(line, catalog)[0];
    expect([f?.source, f?.code, f?.kind, f?.retry]).toEqual(['server', '409', 'task.acquire', 'never']);
  });

  it('reads an exception split into type and value (a Sentry event)', () => {
    const event = JSON.stringify({
      event_id: 'abc',
      exception: { values: [{ type: 'ResonateStoreError', value: '[100.40400] The specified promise was not found', module: 'resonate.errors.errors' }] },
    });
    const f = decode(event, catalog)[0];
    expect([f?.source, f?.code, f?.retry]).toEqual(['python-sdk', '100.40400', 'after-fix']);
  });

  it('reads a pino error record with its stack', () => {
    const record = JSON.stringify({
      level: 50,
      time: 1764057600000,
      err: {
        type: 'ResonateError',
        message: "Function 'sendWelcomeEmail' is not registered",
        stack:
          "ResonateError: Function 'sendWelcomeEmail' is not registered\n    at Object.REGISTRY_FUNCTION_NOT_REGISTERED (/app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:42:16)\n    at Resonate.beginRun (/app/node_modules/@resonatehq/sdk/dist/src/resonate.js:300:40)",
      },
    });
    const f = decode(record, catalog)[0];
    expect([f?.source, f?.code]).toEqual(['ts-sdk', '1103']);
  });
});
