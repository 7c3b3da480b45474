import { describe, expect, it } from 'vitest';
import { readWith, testCatalog } from '../../../testing/read-with';
import { decode } from '../decode';
import { sdkCrashReportReader } from './sdk-crash-report';

/** What resonate-sdk 0.4.12 prints when a return value cannot be encoded (utils.py:24-37@v0.4.12), shortened. */
const traceback = [
  'Traceback (most recent call last):',
  '  File "/home/dev/orders-app/.venv/lib/python3.11/site-packages/resonate/utils.py", line 28, in wrapper',
  '    return func(*args, **kwargs)',
  '  File "/home/dev/orders-app/.venv/lib/python3.11/site-packages/resonate/encoders.py", line 48, in encode',
  '    return json.dumps(data)',
  '  File "/root/.pyenv/versions/3.11.7/lib/python3.11/json/encoder.py", line 180, in default',
  "    raise TypeError(f'Object of type {o.__class__.__name__} '",
  'TypeError: Object of type set is not JSON serializable',
];
const body = `Resonate (version 0.4.12) process exited with error:\n\`\`\`bash\n${traceback.join('\n')}\n\`\`\``;
const link = `https://github.com/resonatehq/resonate-sdk-py/issues/new?body=${encodeURIComponent(body)}`;
const report04 = ['An unexpected error happened.', '', 'Please report this issue so we can fix it as fast a possible:', ` - ${link}`, '', ...traceback].join('\n');

describe('sdk-crash-report', () => {
  it('reads the Python SDK 0.4.x crash report with its traceback, as the SDK’s, with the release from the link', () => {
    const { raws, results } = readWith(sdkCrashReportReader, report04);
    expect(raws).toHaveLength(1);
    expect(raws[0]?.source).toBe('python-sdk');
    expect(raws[0]?.versions?.sdk).toBe('resonate-sdk 0.4.12');
    expect(results[0]?.end).toBe(report04.split('\n').length - 1);
    const [f] = decode(report04, testCatalog);
    expect(f?.entry).toBe('py.v04.not-json-serializable');
    expect(f?.retry).toBe('after-fix');
  });

  it('reads a prefilled issue link pasted on its own: the report inside its body', () => {
    const [f] = decode(`the worker died, it printed ${link}`, testCatalog);
    expect(f?.source).toBe('python-sdk');
    expect(f?.name).toBe('TypeError');
    expect(f?.versions.sdk).toBe('resonate-sdk 0.4.12');
  });

  it('an SDK crash the catalog has no entry for is still the SDK’s: a likely bug in that release, never “not Resonate”', () => {
    const odd = [...traceback.slice(0, -1), 'AttributeError: NoneType object has no attribute _step'];
    const text = ['An unexpected error happened.', '', ...odd].join('\n');
    const [f] = decode(text, testCatalog);
    expect(f?.source).toBe('python-sdk');
    expect(f?.entry).toBe('py.sdk-crash-report');
    expect(f?.retry).toBe('after-fix');
  });

  it('leaves other issue links, broken escapes and look-alike lines alone', () => {
    expect(readWith(sdkCrashReportReader, 'https://github.com/other/repo/issues/new?body=Traceback').raws).toEqual([]);
    expect(readWith(sdkCrashReportReader, 'https://github.com/resonatehq/resonate-sdk-py/issues/new?body=%E0%A4%A').raws).toEqual([]);
    expect(readWith(sdkCrashReportReader, 'An unexpected error happened. '.repeat(5000)).raws).toEqual([]);
  });
});
