/**
 * Pastes for the end-to-end tests, copied from ../shared/fixtures/*.jsonl (ids noted) or from issue 2.
 */

/** Issue 2: a one-line server envelope, 404 on promise.get. */
export const ENVELOPE_404 =
  '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';

/** server.jsonl#task-suspend-200: a success envelope (not an error). */
export const ENVELOPE_SUCCESS = '{"kind":"task.suspend","head":{"corrId":"5f0c1f4e-7a43-4b8e-9d6c-0c2b7f1e9a21","status":200,"version":"2026-04-01"},"data":{}}';

/** sdk.jsonl#py-remote-get-404-with-details, from its first traceback down to the ResonateStoreError line. */
export const PYTHON_TRACEBACK = [
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
].join('\n');

/** sdk.jsonl#ts0115-register-duplicate-uncaught: an uncaught ResonateError 1102 under Node. */
export const TS_STACK = [
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
].join('\n');

/** sdk.jsonl#ts-unknown-plain-typeerror: a TypeError with application frames only. */
export const NOT_RESONATE = [
  'file:///home/dev/orders-app/plain_typeerror.mjs:6',
  '  return `${order.id} / ${order.total}`;',
  '                  ^',
  '',
  'TypeError: Cannot read properties of undefined (reading \'id\')',
  '    at shippingLabel (file:///home/dev/orders-app/plain_typeerror.mjs:6:19)',
  '    at file:///home/dev/orders-app/plain_typeerror.mjs:9:13',
  '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
  '    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
  '    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)',
  '',
  'Node.js v20.20.2',
].join('\n');

/** server.jsonl#py-sdk-067-vs-rust-410: a legacy Python SDK talking to the new server (a version mismatch). */
export const VERSION_MISMATCH = [
  'Traceback (most recent call last):',
  '  File "/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 82, in call',
  '    res.raise_for_status()',
  '  File "/app/.venv/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status',
  '    raise HTTPError(http_error_msg, response=self)',
  'requests.exceptions.HTTPError: 410 Client Error: Gone for url: http://localhost:8001/promises/task',
  '',
  'During handling of the above exception, another exception occurred:',
  '',
  'Traceback (most recent call last):',
  '  File "/app/main.py", line 31, in <module>',
  '    handle = foo.run("order-42", 42)',
  '  File "/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py", line 92, in call',
  '    mesg = error.get("message", "Unknown exception")',
  '           ^^^^^^^^^',
  'AttributeError: \'str\' object has no attribute \'get\'',
].join('\n');
