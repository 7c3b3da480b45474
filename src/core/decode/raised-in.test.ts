import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { raisedIn } from './classify';
import { decode } from './decode';

const pyFrames = (...files: string[]) =>
  ['Traceback (most recent call last):', ...files.flatMap((f, i) => [`  File "${f}", line ${10 + i}, in fn${i}`, '    call()'])];

describe('an exception under the SDK is the SDK’s to report, never “not Resonate”', () => {
  it('raised in the application’s function that the SDK ran: fix the function', () => {
    const text = [...pyFrames('/srv/app/.venv/lib/python3.11/site-packages/resonate/processor/processor.py', '/srv/app/app/workflow.py'), "KeyError: 'customer_id'"].join('\n');
    const [f] = decode(text, testCatalog);
    expect(f?.source).toBe('python-sdk');
    expect(f?.entry).toBe('py.raised-in-application');
    expect(f?.retry).toBe('after-fix');
  });

  it('raised in the SDK’s own code (the standard library skipped): a likely SDK bug, upgrade and report', () => {
    const text = [
      ...pyFrames('/srv/app/app/main.py', '/srv/app/.venv/lib/python3.11/site-packages/resonate/scheduler.py', '/usr/lib/python3.11/json/encoder.py'),
      "AttributeError: 'NoneType' object has no attribute 'id'",
    ].join('\n');
    const [f] = decode(text, testCatalog);
    expect(f?.entry).toBe('py.raised-in-sdk');
  });

  it('a Node error whose innermost frame is the SDK’s is the SDK’s', () => {
    const text = [
      "TypeError: Cannot read properties of undefined (reading 'id')",
      '    at Computation.next (/home/dev/app/node_modules/@resonatehq/sdk/dist/src/computation.js:88:19)',
      '    at main (/home/dev/app/index.js:4:3)',
    ].join('\n');
    expect(decode(text, testCatalog)[0]?.entry).toBe('ts.raised-in-sdk');
  });

  it('without SDK frames it stays not Resonate; without frames nothing is decided', () => {
    const text = ["TypeError: Cannot read properties of undefined (reading 'id')", '    at main (/home/dev/app/index.js:4:3)'].join('\n');
    expect(decode(text, testCatalog)[0]?.source).toBe('unknown');
    expect(raisedIn({ source: 'python-sdk', frames: [] })).toBeNull();
  });
});

describe('an in-process store answers without HTTP', () => {
  it('a Python LocalStore error keeps its code but has no HTTP status', () => {
    const text = [
      ...pyFrames('/srv/app/main.py', '/srv/app/.venv/lib/python3.12/site-packages/resonate/stores/local.py'),
      'resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
    ].join('\n');
    const [f] = decode(text, testCatalog);
    expect(f?.code).toBe('100.40400');
    expect(f?.status).toBeNull();
  });

  it('the same error from the remote store has its status', () => {
    const text = [
      ...pyFrames('/srv/app/main.py', '/srv/app/.venv/lib/python3.12/site-packages/resonate/stores/remote.py'),
      'resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found',
    ].join('\n');
    expect(decode(text, testCatalog)[0]?.status).toBe(404);
  });
});
