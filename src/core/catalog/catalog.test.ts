import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import schema from '../../../public/catalog.schema.json';
import { matchEntry } from '../decode/classify';
import { sharedDir } from '../../testing/shared-fixtures';
import { parseCatalog } from './parse-catalog';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;
const shared = sharedDir();

describe('the shared catalog', () => {
  it('validates against its JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(catalogJson);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has unique ids, patterns that compile and related ids that exist', () => {
    const ids = new Set(catalog.entries.map((e) => e.id));
    expect(ids.size).toBe(catalog.entries.length);
    for (const e of catalog.entries) {
      if (e.match.pattern) expect(() => new RegExp(e.match.pattern!), e.id).not.toThrow();
      for (const r of e.related ?? []) expect(ids.has(r), `${e.id} → ${r}`).toBe(true);
    }
  });

  it('is versioned and says what it covers', () => {
    expect(catalog.version).toMatch(/^\d{4}\.\d{1,2}\.\d{1,2}/);
    expect(catalog.covers.protocol).toContain('2026-04-01');
    expect(catalog.repos['python-sdk']).toBe('resonatehq/resonate-sdk-py');
    expect(catalog.repos['ts-sdk']).toBe('resonatehq/resonate-sdk-ts');
    expect(catalog.repos.server).toBe('resonatehq/resonate');
  });

  it('has an entry for every code on the public errors page', () => {
    const seed = readFileSync(resolve(shared, 'seed/errors-page.txt'), 'utf8');
    const tsCodes = [...seed.matchAll(/^(11\d\d)#$/gm)].map((m) => m[1]);
    expect(tsCodes.length).toBeGreaterThanOrEqual(12);
    for (const code of tsCodes) expect(catalog.entries.some((e) => e.source === 'ts-sdk' && e.code === code), code).toBe(true);
    const pyCodes = [...seed.matchAll(/^(100\.\d{5})/gm)].map((m) => m[1]);
    for (const code of [...pyCodes, '200', '201', '300']) {
      expect(catalog.entries.some((e) => e.source === 'python-sdk' && e.code === code), code).toBe(true);
    }
    for (const status of [400, 401, 403, 404, 409, 422, 500]) {
      expect(catalog.entries.some((e) => e.source === 'server' && e.status === status), String(status)).toBe(true);
    }
  });

  it("matches every validation message of the server (server-protocol.md §6) to its own entry", () => {
    const ref = readFileSync(resolve(shared, 'reference/server-protocol.md'), 'utf8');
    const section = ref.slice(ref.indexOf('All messages (v0.9.5):'), ref.indexOf('## 7.'));
    const messages = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').filter((m) => /^[A-Z]/.test(m));
    expect(messages.length).toBeGreaterThanOrEqual(20);
    for (const message of messages) {
      const m = matchEntry(catalog, { source: 'server', code: '400', status: 400, kind: null, message, name: null });
      expect(m?.entry.match.message ?? m?.entry.match.pattern, message).toBeDefined();
      expect(m?.score ?? 0, message).toBeGreaterThanOrEqual(100);
    }
  });

  it('matches every code of the legacy v0.7.19 table', () => {
    const ref = readFileSync(resolve(shared, 'reference/legacy-server.md'), 'utf8');
    const table = ref.slice(ref.indexOf('## 3. Code table'), ref.indexOf('Legacy idempotency semantics'));
    const rows = [...table.matchAll(/^\| (\d{5}) \| \d{3} \| ([^|]+?) \|/gm)];
    expect(rows.length).toBeGreaterThan(20);
    for (const [, code, message] of rows) {
      if (!code || !message || message.startsWith('*')) continue;
      const m = matchEntry(catalog, { source: 'legacy-server', code, status: null, kind: null, message: message.trim(), name: null });
      expect(m?.entry.code, `${code} ${message}`).toBe(code);
    }
  });
});
