import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../testing/read-with';
import { decode } from './decode';

const node = (path: string, header: string) => [header, `    at main (${path}:10:5)`, '', 'Node.js v22.11.0'].join('\n');

describe('the finding names the release the paste shows', () => {
  it('reads the TS era off the frame layout, narrowed by the releases that print the error, and says when it was fixed', () => {
    const [f] = decode(node('/home/dev/app/node_modules/@resonatehq/sdk/dist/src/resonate.js', "Error: Promise 'order-42' not found"), testCatalog);
    expect(f?.versions.sdk).toBe('@resonatehq/sdk 0.7.0–0.8.2 (read from the frame layout (CommonJS dist/src/))');
    expect(f?.notes).toContain('Fixed in @resonatehq/sdk 0.8.3: upgrade.');
  });

  it('tells the ESM builds apart: dist/ is 0.10.x, dist/src/ is 0.11+', () => {
    const header = 'ResonateTimeoutException: platform failure: fetch failed';
    expect(decode(node('file:///home/dev/app/node_modules/@resonatehq/sdk/dist/network/http.js', header), testCatalog)[0]?.versions.sdk).toMatch(/^@resonatehq\/sdk 0\.10\.x /);
    expect(decode(node('file:///home/dev/app/node_modules/@resonatehq/sdk/dist/src/network/http.js', header), testCatalog)[0]?.versions.sdk).toMatch(/^@resonatehq\/sdk 0\.11\+ /);
  });

  it('an exact release printed in the paste wins, and the fix is named when that release is older', () => {
    const banner = [
      'Resonate encountered an unexpected exception and had to shut down.',
      '📦 Version:     0.6.7',
      'Traceback (most recent call last):',
      '  File "/srv/app/.venv/lib/python3.12/site-packages/resonate/resonate.py", line 410, in promise',
      '    raise TypeError(msg)',
      'TypeError: timeout must be `float`, got float',
    ].join('\n');
    const [f] = decode(banner, testCatalog);
    expect(f?.versions.sdk).toBe('resonate-sdk 0.6.7');
    expect(f?.notes).toContain('Fixed in resonate-sdk 0.7.0: upgrade.');
  });

  it('reads Python eras off the error classes', () => {
    const py = (line: string) => ['Traceback (most recent call last):', '  File "/srv/app/main.py", line 3, in <module>', '    main()', line].join('\n');
    expect(decode(py('resonate.errors.errors.ResonateStoreError: [100.40400] The specified promise was not found'), testCatalog)[0]?.versions.sdk).toMatch(/^resonate-sdk 0\.5–0\.6\.x /);
    expect(decode(py('resonate.error.ServerError: server error (code=404): Promise not found'), testCatalog)[0]?.versions.sdk).toMatch(/^resonate-sdk 0\.7/);
  });
});
