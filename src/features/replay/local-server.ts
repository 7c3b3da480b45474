import type { FetchLike } from '../../core/replay/replay-client';

/** Where `resonate dev` and `resonate serve` listen by default. */
export const LOCAL_SERVER_URL = 'http://localhost:8001';

/**
 * Does a server answer at `url`? One `GET <url>/health` with mode `no-cors`: the browser then gives an opaque
 * answer whatever the server's CORS, and fails only when nothing answers. Never throws.
 */
export async function probeLocalServer(fetchFn: FetchLike, url = LOCAL_SERVER_URL, timeoutMs = 1500): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetchFn(`${url}/health`, { method: 'GET', mode: 'no-cors', cache: 'no-store', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
