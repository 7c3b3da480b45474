import { describe, expect, it } from 'vitest';
import { readWith } from '../../../testing/read-with';
import { httpClientReader } from './http-client';

describe('http-client', () => {
  it('reads requests’ HTTPError for a Resonate URL: the SDK, the status and the operation from the path', () => {
    const [raw] = readWith(httpClientReader, '403 Client Error: Forbidden for url: http://localhost:8001/promises/order-42').raws;
    expect(raw).toMatchObject({ source: 'python-sdk', status: 403 });
    expect(raw?.ids?.promise).toBe('order-42');
  });

  it('leaves the same text for another service, and huge lines, alone', () => {
    expect(readWith(httpClientReader, '404 Client Error: Not Found for url: https://github.com/octo/repo/issues/1').raws).toEqual([]);
    expect(readWith(httpClientReader, `500 Server Error: ${'x'.repeat(500_000)} for url: http://example.org/`).raws).toEqual([]);
  });
});
