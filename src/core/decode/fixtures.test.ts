import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { readSharedFixtures, type SharedFixture } from '../../testing/shared-fixtures';
import { decode } from './decode';

type Fixture = SharedFixture & { expect: { name?: string } };
const fixtures: Fixture[] = readSharedFixtures();

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

describe('every shared fixture is diagnosed as expected', () => {
  it('reads the fixture files', () => {
    expect(fixtures.length).toBeGreaterThan(80);
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
    const findings = decode(fixture.input, catalog);
    const f = findings[0];
    expect(f, 'a finding').toBeDefined();
    if (!f) return;
    const e = fixture.expect;
    // An SDK error that wraps a server error answers for both sources (a Python 100.40400 is a legacy 40400).
    if (e.source === 'unknown') expect(f.source).toBe('unknown');
    else expect([f.source, f.wraps?.source]).toContain(e.source);
    if (e.code !== undefined) expect(f.code).toBe(e.code);
    if (e.status !== undefined) expect(f.status).toBe(e.status);
    if (e.kind !== undefined) expect(f.kind).toBe(e.kind === 'promises.get' ? 'promise.get' : e.kind);
    if (e.message !== undefined) expect(f.message).toBe(e.message);
    if (e.name !== undefined) expect(f.name).toBe(e.name);
    const success = e.message === null && (e.status ?? 0) < 400;
    if (success) {
      expect(f.error).toBe(false);
      // The fixtures say "safe" for a plain success; the product's contract says there is nothing to retry.
      expect(f.retry).toBe(e.retry === 'safe' ? 'n/a' : e.retry);
    } else {
      expect(f.error).toBe(true);
      expect(f.retry).toBe(e.retry);
    }
    expect(f.entry).not.toBeNull();
  });
});
