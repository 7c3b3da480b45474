/**
 * Sample pastes for the "Try an example" buttons: real inputs copied from ../shared/fixtures/*.jsonl
 * (the fixture id is noted on each). Sample data, not logic.
 */

export type Example = {
  id: string;
  /** Button text. */
  label: string;
  /** One line saying what the example shows. */
  description: string;
  /** Where the text comes from. */
  fixture: string;
  text: string;
};

export const EXAMPLES: readonly Example[] = [
  {
    id: 'server-envelope',
    label: 'Server envelope',
    description: 'A 409 on task.fulfill, with the request that caused it',
    fixture: 'server.jsonl#task-fulfill-409-retry-after-success',
    text: [
      '# first attempt timed out after 10s, SDK retried:',
      '{"kind":"task.fulfill","head":{"corrId":"c3a1e7d4-58b2-4e9f-a6c0-7d2b1f8e4a93","version":"2026-04-01"},"data":{"id":"order-42","version":1,"action":{"kind":"promise.settle","head":{"corrId":"9e4b2a71-3f6d-4c08-b5e1-2a7c9d0f6b84","version":"2026-04-01"},"data":{"id":"order-42","state":"resolved","value":{"headers":{},"data":"eyJjaGFyZ2VkIjp0cnVlfQ=="}}}}}',
      '{"kind":"task.fulfill","head":{"corrId":"c3a1e7d4-58b2-4e9f-a6c0-7d2b1f8e4a93","status":409,"version":"2026-04-01"},"data":"Task version mismatch or invalid state"}',
    ].join('\n'),
  },
  {
    id: 'python-traceback',
    label: 'Python traceback',
    description: 'ResonateStoreError [100.40400] from resonate-sdk',
    fixture: 'sdk.jsonl#py-remote-get-404-with-details',
    text: [
      'Networking. Cannot connect to http://127.0.0.1:8002. Retrying in 5 sec.',
      'Traceback (most recent call last):',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 82, in call',
      '    res.raise_for_status()',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/requests/models.py", line 1167, in raise_for_status',
      '    raise HTTPError(http_error_msg, response=self)',
      'requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http://127.0.0.1:18002/promises/order-42',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/home/dev/resonate-demo/app/remote_404.py", line 9, in <module>',
      '    handle = resonate.get("order-42")',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/resonate/resonate.py", line 754, in get',
      '    self._bridge.get(id, self._opts, future)',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/resonate/bridge.py", line 153, in get',
      '    promise = self._store.promises.get(id=id)',
      '              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 133, in get',
      '    res = self._store.call(req.prepare())',
      '          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/home/dev/resonate-demo/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 95, in call',
      '    raise ResonateStoreError(mesg=mesg, code=code, details=details) from e',
      'resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
      '[',
      '  {',
      '    "@type": "RequestError",',
      '    "message": "Request errors are not retryable since they are caused by invalid client requests",',
      '    "domain": "request",',
      '    "metadata": {',
      '      "url": "https://docs.resonatehq.io/operate/errors#40400"',
      '    }',
      '  }',
      ']',
    ].join('\n'),
  },
  {
    id: 'ts-stack',
    label: 'TypeScript stack',
    description: 'ResonateError 1102 from @resonatehq/sdk',
    fixture: 'sdk.jsonl#ts0115-register-duplicate-uncaught',
    text: [
      'file:///home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:38',
      '        return new ResonateError("02", "Registry", `Function \'${f}\' (version ${v}) is already registered${under}`);',
      '               ^',
      '',
      'ResonateError: Function \'chargeCard\' (version 1) is already registered',
      '    at Object.REGISTRY_FUNCTION_ALREADY_REGISTERED (file:///home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/exceptions.js:38:16)',
      '    at Registry.add (file:///home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/registry.js:17:30)',
      '    at Resonate.register (file:///home/dev/orders-app/node_modules/@resonatehq/sdk/dist/src/resonate.js:153:23)',
      '    at file:///home/dev/orders-app/register_duplicate.mjs:11:10',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
      '    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
      '    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5) {',
      '  code: \'02\',',
      '  type: \'Registry\',',
      '  next: \'n/a\',',
      '  href: \'https://rn8.io/e/1102\',',
      '  retriable: false,',
      '  serverError: undefined,',
      '  [cause]: undefined',
      '}',
      '',
      'Node.js v20.20.2',
    ].join('\n'),
  },
];
