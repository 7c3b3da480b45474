import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../core/replay/replay-client';
import { LOCAL_SERVER_URL, probeLocalServer } from './local-server';

describe('probeLocalServer', () => {
  it('says a server answers at localhost:8001 when its /health answers, even opaquely (no CORS)', async () => {
    const asked: Array<[string, RequestInit]> = [];
    const opaque: FetchLike = (input, init) => {
      asked.push([input, init]);
      return Promise.resolve(new Response(null, { status: 200 }));
    };
    expect(await probeLocalServer(opaque)).toBe(true);
    expect(asked).toEqual([[`${LOCAL_SERVER_URL}/health`, expect.objectContaining({ method: 'GET', mode: 'no-cors' })]]);
  });

  it('says none answers when the request fails', async () => {
    const refused: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await probeLocalServer(refused)).toBe(false);
  });
});
