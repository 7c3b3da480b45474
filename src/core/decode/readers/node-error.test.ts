import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../../testing/read-with';
import { decode } from '../decode';

// @resonatehq/sdk 0.10+ logs the failing operation as a JSON line, then throws (src/network/http.ts@v0.10.2).
const logged = '{"timestamp":"2026-12-02T14:30:06.546Z","level":"warn","msg":"Legacy server detected. Please upgrade to the latest server: https://github.com/resonatehq/resonate","component":"network","kind":"promise.get","corr_id":"c87d9e1b","error_type":"outdated_server"}';
const thrown = [
  'file:///home/dev/app/node_modules/@resonatehq/sdk/dist/network/http.js:117',
  '            throw new ResonateTimeoutException("legacy server detected");',
  '                  ^',
  '',
  'ResonateTimeoutException: platform failure: legacy server detected',
  '    at Resonate.send (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/network/http.js:117:19)',
  '    at async Resonate.promiseGet (file:///home/dev/app/node_modules/@resonatehq/sdk/dist/resonate.js:391:21)',
  '',
  'Node.js v22.12.0',
].join('\n');

describe('node-error: the operation logged just before the error', () => {
  it('gives the thrown error its kind and corrId', () => {
    const [f] = decode(`${logged}\n${thrown}`, testCatalog);
    expect(f).toMatchObject({ source: 'ts-sdk', name: 'ResonateTimeoutException', kind: 'promise.get', corrId: 'c87d9e1b' });
  });

  it('not from a line far before it, and not without one', () => {
    const far = `${logged}\n${'INFO step\n'.repeat(20)}${thrown}`;
    expect(decode(far, testCatalog).find((f) => f.name === 'ResonateTimeoutException')?.kind).toBeNull();
    expect(decode(thrown, testCatalog)[0]?.kind).toBeNull();
  });
});
