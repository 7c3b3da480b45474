import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, TOKEN_KEY, baseUrlOf, formOf, initialSettings, readSettingsForm, storeToken, type TokenStorage } from './settings';

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const throwing: TokenStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('server settings', () => {
  it('default to this app’s /resonate with a 10 s timeout and no token', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ choice: 'app', token: '', timeoutMs: 10_000 });
    expect(baseUrlOf(DEFAULT_SETTINGS)).toBe('/resonate');
    expect(baseUrlOf({ choice: 'url', url: ' http://localhost:8001 ' })).toBe('http://localhost:8001');
  });

  it('read a valid form into settings, seconds into ms', () => {
    const read = readSettingsForm({ choice: 'url', url: 'http://localhost:8001', token: ' eyJ.a.b ', rememberToken: true, timeoutSeconds: '2.5' });
    expect(read).toEqual({ ok: true, settings: { choice: 'url', url: 'http://localhost:8001', token: 'eyJ.a.b', rememberToken: true, timeoutMs: 2500 } });
  });

  it('round-trip through the form', () => {
    const read = readSettingsForm(formOf(DEFAULT_SETTINGS));
    expect(read).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('refuse a URL without a scheme, with credentials, on a blocked port, or a bare path', () => {
    const errorFor = (url: string): string | undefined => {
      const read = readSettingsForm({ ...formOf(DEFAULT_SETTINGS), choice: 'url', url });
      return read.ok ? undefined : read.errors.url;
    };
    expect(errorFor('localhost:8001')).toMatch(/no scheme: did you mean http:\/\/localhost:8001/);
    expect(errorFor('http://user:pw@localhost:8001')).toMatch(/credentials/);
    expect(errorFor('http://localhost:6000')).toMatch(/refuse to connect to port 6000/);
    expect(errorFor('/resonate')).toMatch(/full URL/);
    expect(errorFor('')).toMatch(/empty/);
  });

  it('ignore the URL field while this app’s endpoint is chosen', () => {
    expect(readSettingsForm({ ...formOf(DEFAULT_SETTINGS), url: 'nonsense' }).ok).toBe(true);
  });

  it('refuse a timeout out of range or not a number, and a token with spaces', () => {
    for (const timeoutSeconds of ['', '0', '-3', 'ten', '301']) {
      const read = readSettingsForm({ ...formOf(DEFAULT_SETTINGS), timeoutSeconds });
      expect(read.ok ? null : read.errors.timeoutSeconds).toMatch(/1 to 300/);
    }
    const read = readSettingsForm({ ...formOf(DEFAULT_SETTINGS), token: 'Bearer eyJ.a.b' });
    expect(read.ok ? null : read.errors.token).toMatch(/without "Bearer"/);
  });

  it('remember the token only when asked (and never an empty one)', () => {
    const storage = memoryStorage();
    storeToken(storage, { token: 'eyJ.a.b', rememberToken: false });
    expect(storage.items.size).toBe(0);
    storeToken(storage, { token: 'eyJ.a.b', rememberToken: true });
    expect(storage.items.get(TOKEN_KEY)).toBe('eyJ.a.b');
    expect(initialSettings(storage)).toMatchObject({ token: 'eyJ.a.b', rememberToken: true, choice: 'app' });
    storeToken(storage, { token: 'eyJ.a.b', rememberToken: false });
    expect(storage.items.size).toBe(0);
    expect(readSettingsForm({ ...formOf(DEFAULT_SETTINGS), token: '', rememberToken: true })).toMatchObject({ settings: { rememberToken: false } });
  });

  it('work without storage, or with a storage that throws', () => {
    expect(initialSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(initialSettings(throwing)).toEqual(DEFAULT_SETTINGS);
    expect(() => storeToken(throwing, { token: 't', rememberToken: true })).not.toThrow();
  });
});
