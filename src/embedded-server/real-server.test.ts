// Starting the real server: a stand-in `resonate` (a small Node script this test writes) that answers `--version`,
// then `dev --server-port N` with GET /health and one envelope. The app finds it through RESONATE_BIN or the PATH,
// starts it on a free loopback port, sends /resonate there, names it, and stops it.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chooseRealServer, describeRealServer, startResonateDev } from './real-server';
import { resonateEndpoint } from './resonate-endpoint';

let dir: string;
let bin: string;

const STAND_IN = `#!${process.execPath}
const http = require('node:http');
const fs = require('node:fs');
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log('resonate 0.9.5'); process.exit(0); }
if (args[0] !== 'dev') { console.error('usage: resonate dev'); process.exit(2); }
const port = Number(args[args.indexOf('--server-port') + 1]);
const bind = args[args.indexOf('--server-bind') + 1];
fs.writeFileSync(process.env.STAND_IN_PID_FILE, String(process.pid));
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') { res.writeHead(200); return res.end(); }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const env = JSON.parse(body || '{}');
    const out = JSON.stringify({ kind: env.kind, head: { corrId: env.head && env.head.corrId, status: 404, version: '2026-04-01' }, data: 'Promise not found (stand-in on ' + req.url + ')' });
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(out);
  });
});
server.listen(port, bind);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'resonate-stand-in-'));
  bin = join(dir, 'resonate');
  writeFileSync(bin, STAND_IN);
  chmodSync(bin, 0o755);
  process.env.STAND_IN_PID_FILE = join(dir, 'pid');
});
afterAll(() => {
  delete process.env.STAND_IN_PID_FILE;
  rmSync(dir, { recursive: true, force: true });
});

describe('choosing the real server', () => {
  it('takes RESONATE_BIN, or `resonate` on the PATH when RESONATE_EMBEDDED=real, else the embedded model', () => {
    expect(chooseRealServer({ RESONATE_BIN: bin })).toEqual({ binary: bin, reason: 'RESONATE_BIN' });
    expect(chooseRealServer({ RESONATE_EMBEDDED: 'real', PATH: ['/nonexistent', dir].join(delimiter) })).toEqual({ binary: bin, reason: 'PATH' });
    // On the PATH but not asked for: the embedded model.
    expect(chooseRealServer({ PATH: dir })).toBeNull();
    expect(chooseRealServer({ RESONATE_BIN: bin, RESONATE_EMBEDDED: 'model' })).toBeNull();
  });

  it('says what is wrong when the ask cannot be met', () => {
    expect(() => chooseRealServer({ RESONATE_BIN: join(dir, 'missing') })).toThrow(/is not an executable file/);
    expect(() => chooseRealServer({ RESONATE_EMBEDDED: 'real', PATH: '/nonexistent' })).toThrow(/no `resonate` on the PATH/);
    expect(() => chooseRealServer({ RESONATE_EMBEDDED: 'yes' })).toThrow(/must be "real" or "model"/);
  });
});

describe('resonate dev, started by the app', { timeout: 30_000 }, () => {
  it('starts on a free loopback port, reads its version, answers, and stops', async () => {
    const real = await startResonateDev(bin);
    expect(real.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(real.version).toBe('0.9.5');
    expect(describeRealServer(real)).toBe('resonate dev 0.9.5 on this machine');
    expect((await fetch(`${real.url}/health`)).status).toBe(200);
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    expect(alive(pid)).toBe(true);
    await real.stop();
    expect(alive(pid)).toBe(false);
  });

  it('says so when the binary stops before it answers', async () => {
    const broken = join(dir, 'broken');
    writeFileSync(broken, `#!${process.execPath}\nprocess.exit(3);\n`);
    chmodSync(broken, 0o755);
    await expect(startResonateDev(broken)).rejects.toThrow(/stopped before it answered \(exit code 3\)/);
  });

  it('behind /resonate of the app: the envelope goes to resonate dev, /info names it, and it stops with the app', async () => {
    const server = await createViteServer({
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      plugins: [resonateEndpoint({ env: { RESONATE_BIN: bin } })],
    });
    await server.listen();
    const address = server.httpServer?.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const info = (await (await fetch(`${base}/resonate/info`)).json()) as Record<string, unknown>;
      expect(info).toMatchObject({ server: 'real', version: '0.9.5', binary: bin, description: 'resonate dev 0.9.5 on this machine' });
      const res = await fetch(`${base}/resonate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'promise.get', head: { corrId: 'c1', version: '2026-04-01' }, data: { id: 'x' } }),
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-resonate-inspector-server')).toBe('real');
      expect(await res.json()).toEqual({ kind: 'promise.get', head: { corrId: 'c1', status: 404, version: '2026-04-01' }, data: 'Promise not found (stand-in on /)' });
    } finally {
      await server.close();
    }
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000, interval: 50 });
  });
});
