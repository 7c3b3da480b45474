import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { parseCatalog } from '../catalog/parse-catalog';
import { readSharedFixtures } from '../../testing/shared-fixtures';
import { readFindings as decode } from './decode';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

const samples: string[] = readSharedFixtures().map((f) => f.input);

/** Cuts, duplicates, splices and corrupts real pastes the way people mangle them. */
const mutated = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.nat(),
    fc.nat(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('cut', 'insert', 'dup', 'crlf', 'prefix', 'ansi', 'unbalance', 'escape'),
  )
  .map(([s, a, b, junk, op]) => {
    const i = a % (s.length + 1);
    const j = b % (s.length + 1);
    switch (op) {
      case 'cut':
        return s.slice(Math.min(i, j), Math.max(i, j));
      case 'insert':
        return s.slice(0, i) + junk + s.slice(i);
      case 'dup':
        return s + '\n' + s.slice(0, j);
      case 'crlf':
        return s.replace(/\n/g, '\r\n');
      case 'prefix':
        return s
          .split('\n')
          .map((l) => `${junk.slice(0, 8)} | ${l}`)
          .join('\n');
      case 'ansi':
        return s.replace(/ /g, '\u001b[31m \u001b[0m');
      case 'unbalance':
        return s.replace(/[}\]]/g, '');
      case 'escape':
        return JSON.stringify(s);
      default:
        return s;
    }
  });

// readFindings is decode() without its last safety net, so these properties test the readers themselves.
describe('the decoder never throws and never hangs', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        expect(Array.isArray(decode(s, catalog))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('on strings made of the characters that drive the readers', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '"', "'", '\\', '\n', ' ', ':', ',', 'Traceback (most recent call last):\n', '  File "x.py", line 1, in f\n', '    at f (x.js:1:1)\n', 'ResonateError: ', '[100.40400] ', 'HTTP/1.1 500\n', '"kind":"promise.get"', '"head":{"status":404}', 'E   ', '_____ t _____\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }), (parts) => {
        expect(Array.isArray(decode(parts.join(''), catalog))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated real pastes, and every finding stays well-formed', () => {
    fc.assert(
      fc.property(mutated, (s) => {
        const findings = decode(s, catalog);
        for (const f of findings) {
          expect(['server', 'legacy-server', 'python-sdk', 'ts-sdk', 'unknown']).toContain(f.source);
          expect(['safe', 'with-backoff', 'after-fix', 'never', 'n/a']).toContain(f.retry);
          expect(f.count).toBeGreaterThanOrEqual(1);
          expect(f.span.startLine).toBeLessThanOrEqual(f.span.endLine);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on deep nesting and very long lines', () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const open = '{'.repeat(20000);
    const long = 'x'.repeat(200000) + 'ResonateError: boom';
    for (const s of [deep, open, long, '\u0000\u0000', '\uD800']) expect(Array.isArray(decode(s, catalog))).toBe(true);
  });
});
