import { describe, expect, it } from 'vitest';
import { testCatalog } from '../../../testing/read-with';
import { decode } from '../decode';
import { longestLiteral } from './fragments';

const first = (text: string) => decode(text, testCatalog)[0];

describe('fragments: a known message anywhere in a line', () => {
  it('quoted in a sentence', () => {
    const f = first('I keep getting "Promise not found" when I call resonate.get on an id I just created, any idea?');
    expect(f).toMatchObject({ source: 'server', entry: 'server.404.promise-not-found', status: 404, retry: 'after-fix', fragment: true });
    expect(f?.notes.join(' ')).toMatch(/quoted inside other text/);
  });

  it('after a log prefix the other readers do not know', () => {
    const f = first('[worker-7] 12:01:33 | got error: The specified task was not found (attempt 3)');
    expect(f).toMatchObject({ source: 'legacy-server', code: '40403', entry: 'legacy.40403.task-not-found', retry: 'after-fix' });
  });

  it('a pattern entry is matched with its whole pattern, its groups filled', () => {
    const f = first('after the deploy our resonate worker logs: function charge_card not found in registry, then exits');
    expect(f).toMatchObject({ source: 'python-sdk', entry: 'py.valueerror.not-in-registry', message: 'function charge_card not found in registry' });
  });

  it('its tail cut off', () => {
    const f = first('the log ends with {"error":{"code":40400,"message":"The specified promise was not fou');
    expect(f).toMatchObject({ source: 'legacy-server', entry: 'legacy.40400.promise-not-found', retry: 'after-fix' });
  });

  it('ranks after a whole error of the same paste', () => {
    const text = ['someone said "Promise not found" too', 'ResonateError: Function \'x\' is not registered', "    at Object.registry (/app/node_modules/@resonatehq/sdk/dist/src/registry.js:10:11)"].join('\n');
    const fs = decode(text, testCatalog);
    expect(fs.length).toBeGreaterThanOrEqual(2);
    expect(fs[0]?.fragment).toBeUndefined();
    expect(fs.at(-1)?.fragment).toBe(true);
  });
});

describe('fragments: codes and docs links', () => {
  it.each([
    ['https://rn8.io/e/1106', 'ts-sdk', '1106'],
    ['see https://docs.resonatehq.io/operate/errors#40403 for what that means', 'legacy-server', '40403'],
    ['"url": "https://docs.resonatehq.io/reference/error-codes#40400"', 'legacy-server', '40400'],
    ['https://docs.resonatehq.io/resonate/error-codes#4000', 'legacy-server', '4000'],
    ['https://docs.resonatehq.io/debug/errors#40900', 'legacy-server', '40900'],
  ])('%s names code %s', (text, source, code) => {
    const f = first(text);
    expect(f).toMatchObject({ source, code, fragment: true });
    expect(f?.entry).not.toBeNull();
    expect(f?.notes.join(' ')).toMatch(/docs link/);
  });

  it('a line with only a code, or "error code N"', () => {
    expect(first('40403')).toMatchObject({ source: 'legacy-server', code: '40403', entry: 'legacy.40403.task-not-found' });
    expect(first('Error code: 40900')).toMatchObject({ source: 'legacy-server', code: '40900', retry: 'never' });
    expect(first('STORE_NOT_FOUND')).toMatchObject({ source: 'python-sdk', code: 'STORE_NOT_FOUND' });
  });

  it('a code of two meanings takes the more careful verdict and says what tells them apart', () => {
    const f = first('40300');
    expect(f?.retry).toBe('never');
    expect(f?.notes.join(' ')).toMatch(/Code 40300 has 2 meanings/);
  });

  it('a docs link for a code the catalog does not know is still a Resonate finding, without an entry', () => {
    const f = first('https://rn8.io/e/1177');
    expect(f).toMatchObject({ source: 'ts-sdk', code: '1177', entry: null });
  });
});

describe('fragments: look-alikes stay out', () => {
  it.each([
    'Our payment service returned: Promise already exists for this customer',
    'failed to bind to 0.0.0.0:8080:Address already in use at /usr/local/share/h2o/start_server line 8',
    'TypeError: Object of type int64 is not JSON serializable',
    'HTTP/1.1 404 Not Found',
    'Error: connect ECONNREFUSED 127.0.0.1:5432',
    'listening on port 40403',
    'order 12345 shipped',
    'Unauthorized',
  ])('%s', (text) => {
    expect(decode(text, testCatalog).filter((f) => f.fragment)).toEqual([]);
  });
});

describe('longestLiteral', () => {
  it.each([
    ["^Function '(?<func>.*?)'(?: \\(version (?<version>\\d+)\\))? is not registered$", ' is not registered', false],
    ['^Failed to bind to (?<addr>\\S+): (?<err>[\\s\\S]+)$', 'Failed to bind to ', true],
    ['^Invalid request envelope: missing field `kind` at line (?<line>\\d+)', 'Invalid request envelope: missing field `kind` at line ', true],
    ['^timeouts? exceeded$', ' exceeded', false],
    ['^[a-z]+ not found\\.$', ' not found.', false],
  ])('%s → %j', (pattern, text, atStart) => {
    expect(longestLiteral(pattern)).toEqual({ text, atStart });
  });
});
