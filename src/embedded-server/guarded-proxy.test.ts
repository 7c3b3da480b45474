// The proxy gives up on a RESONATE_URL that never answers, with a readable 504 the replay client can show, and
// guards itself against other origins whatever server mounts it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedProxy } from './guarded-proxy';

const servers: Server[] = [];
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let proxyUrl: string;

beforeAll(async () => {
  const silent = await listen(createServer(() => undefined)); // accepts, never answers
  const proxy = createGuardedProxy({ target: silent, mount: '/resonate', bodyLimit: 1024, timeoutMs: 300, serverHeader: 'x-s', errorHeader: 'x-e' });
  proxyUrl = await listen(createServer((req, res) => proxy(req, res, () => res.end('next'))));
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe('createGuardedProxy', { timeout: 10_000 }, () => {
  it('answers 504 when the target does not answer in time', async () => {
    const res = await fetch(`${proxyUrl}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(504);
    expect(res.headers.get('x-e')).toBe('ETIMEDOUT');
    expect(await res.text()).toMatch(/cannot reach RESONATE_URL .* \(ETIMEDOUT: no answer within 0\.3 s\)/);
  });
  it('refuses another origin itself, before reading or forwarding anything', async () => {
    const res = await fetch(`${proxyUrl}/resonate`, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-s')).toBe('proxy');
  });
  it('passes other paths on', async () => {
    expect(await (await fetch(`${proxyUrl}/index.html`)).text()).toBe('next');
  });
});
