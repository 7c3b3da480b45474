// Who may use /resonate: the app's own pages and non-browser clients; every way a page on another origin can
// send a write (no-cors, text/plain, a form, preflighted JSON, a sandboxed frame) is refused before the body is read.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequest, isJsonContentType } from './request-guard';

function req(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers: { host: '127.0.0.1:4173', ...headers }, socket: {} } as unknown as IncomingMessage;
}
const json = { 'content-type': 'application/json' };

describe('checkRequest', () => {
  it('allows the app itself and clients that send neither Origin nor Sec-Fetch-Site (curl, the CLI)', () => {
    expect(checkRequest(req('POST', { ...json, origin: 'http://127.0.0.1:4173', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(checkRequest(req('POST', json))).toBeNull();
    expect(checkRequest(req('GET', { 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(checkRequest(req('GET', { 'sec-fetch-site': 'none' }))).toBeNull(); // typed in the address bar
  });

  it('refuses another origin with 403 and a plain reason, whatever the body type', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json']) {
      const r = checkRequest(req('POST', { 'content-type': type, origin: 'http://localhost:5000', 'sec-fetch-site': 'same-site' }));
      expect(r, type).toEqual({ status: 403, message: expect.stringContaining('refused a request from another origin (http://localhost:5000)') as unknown });
    }
    expect(checkRequest(req('POST', { ...json, origin: 'null' }))?.status).toBe(403); // sandboxed frame, file: page
    expect(checkRequest(req('POST', { ...json, origin: 'http://127.0.0.1:4174' }))?.status).toBe(403); // another port
    expect(checkRequest(req('POST', { ...json, origin: 'https://127.0.0.1:4173' }))?.status).toBe(403); // another scheme
    expect(checkRequest(req('OPTIONS', { origin: 'http://evil.test', 'access-control-request-method': 'POST' }))?.status).toBe(403); // a preflight
  });

  it('refuses cross-site and same-site fetches even without an Origin header', () => {
    expect(checkRequest(req('GET', { 'sec-fetch-site': 'cross-site' }))).toMatchObject({ status: 403, message: expect.stringContaining('cross-site') as unknown });
    expect(checkRequest(req('POST', { ...json, 'sec-fetch-site': 'same-site' }))?.status).toBe(403);
  });

  it('wants application/json on a POST', () => {
    expect(checkRequest(req('POST', {}))).toEqual({ status: 415, message: 'Expected request with `Content-Type: application/json`' });
    expect(checkRequest(req('POST', { 'content-type': 'text/plain;charset=UTF-8' }))?.status).toBe(415);
    expect(checkRequest(req('POST', { 'content-type': 'application/json; charset=utf-8' }))).toBeNull();
  });
});

describe('isJsonContentType', () => {
  it('reads the media type, not a substring', () => {
    expect(isJsonContentType('Application/JSON')).toBe(true);
    expect(isJsonContentType('text/plain; application/json')).toBe(false);
    expect(isJsonContentType('application/jsonx')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});
