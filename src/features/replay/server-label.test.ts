import { describe, expect, it } from 'vitest';
import { describeServer } from './server-label';

const app = { choice: 'app', url: '' } as const;

describe('describeServer', () => {
  it('names the embedded model, says it is a model, and how to get the real server', () => {
    const label = describeServer(app, { status: 'known', info: { server: 'embedded', model: 'model of the Resonate server 0.9.5 state machine, in memory' } });
    expect(label.short).toBe('Embedded model');
    expect(label.detail).toBe("The embedded model (model of the Resonate server 0.9.5 state machine, in memory) at this app's /resonate.");
    expect(label.caveat).toMatch(/a model of the Resonate server, not the server itself/);
    expect(label.caveat).toContain('`RESONATE_BIN=<path to resonate>`');
  });

  it('names resonate dev started by the app, with its version', () => {
    const label = describeServer(app, { status: 'known', info: { server: 'real', target: 'http://127.0.0.1:40123', version: '0.9.5', description: 'resonate dev 0.9.5 on this machine' } });
    expect(label.short).toBe('resonate dev 0.9.5');
    expect(label.detail).toBe('The real server: resonate dev 0.9.5 on this machine (http://127.0.0.1:40123), started by this app and reached through its /resonate.');
    const unversioned = describeServer(app, { status: 'known', info: { server: 'real', target: 'http://127.0.0.1:1', version: null, description: 'resonate dev on this machine' } });
    expect(unversioned.short).toBe('resonate dev');
  });

  it('names the proxy’s target', () => {
    const label = describeServer(app, { status: 'known', info: { server: 'proxy', target: 'http://10.0.0.5:8001' } });
    expect(label.short).toBe('Proxy → 10.0.0.5:8001');
    expect(label.detail).toMatch(/real server at http:\/\/10\.0\.0\.5:8001, through this app's proxy at \/resonate/);
    expect(label.caveat).toBeNull();
  });

  it('says when it is still asking, and when the endpoint did not answer', () => {
    expect(describeServer(app, { status: 'loading' }).detail).toMatch(/asking it/);
    expect(describeServer(app, { status: 'unknown' }).caveat).toMatch(/type your server URL/);
  });

  it('names a typed URL and explains CORS with this page’s origin', () => {
    const label = describeServer({ choice: 'url', url: 'http://localhost:8001' }, { status: 'loading' }, 'http://127.0.0.1:4173');
    expect(label.short).toBe('localhost:8001');
    expect(label.detail).toBe('The server at http://localhost:8001, called directly by your browser.');
    expect(label.caveat).toContain('`--server-cors-allow-origin http://127.0.0.1:4173`');
    expect(label.caveat).toContain('`RESONATE_URL=http://localhost:8001`');
  });
});
