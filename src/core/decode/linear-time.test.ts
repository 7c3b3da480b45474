// Decoding does work linear in the paste's size on every input, hostile or not: counted (characters the bracket
// scanner reads, parse attempts, characters handed to JSON.parse), never timed. Speed is in `npm run bench`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../public/catalog.json';
import { ADVERSARIAL_SHAPES } from '../../testing/adversarial';
import { parseCatalog } from '../catalog/parse-catalog';
import { readFindings as decode } from './decode';
import { MAX_FAILED_NESTING, balancedEnd, jsonScanWork, resetJsonScanWork } from './json-scan';

const parsed = parseCatalog(catalogJson);
if (!parsed.ok) throw new Error(parsed.error);
const catalog = parsed.catalog;

function workOf(text: string): { scanned: number; parseAttempts: number; parsedChars: number } {
  resetJsonScanWork();
  decode(text, catalog);
  return { ...jsonScanWork };
}

describe('decoding work grows linearly with the paste', () => {
  for (const shape of ADVERSARIAL_SHAPES) {
    it(shape.name, () => {
      const small = shape.make(20_000);
      const large = shape.make(80_000);
      const a = workOf(small);
      const b = workOf(large);
      // Each character is scanned a bounded number of times (a few string-state classes), whatever the shape.
      expect(b.scanned, 'characters scanned').toBeLessThanOrEqual(4 * large.length + 1000);
      expect(b.parsedChars, 'characters parsed').toBeLessThanOrEqual((MAX_FAILED_NESTING + 2) * large.length + 1000);
      expect(b.parseAttempts, 'parse attempts').toBeLessThanOrEqual(large.length / 2 + 100);
      // Four times the text, at most about four times the work.
      expect(b.scanned).toBeLessThanOrEqual(4.5 * a.scanned + 1000);
      expect(b.parsedChars).toBeLessThanOrEqual(4.5 * a.parsedChars + 1000);
    });
  }
});

describe('the shared memo changes no answer', () => {
  it('balancedEnd with one memo for every start gives what a fresh scan gives', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '"', "'", '\\', ':', ',', 'a', ' ', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const memo = new Map<number, number>();
        for (let i = 0; i < text.length; i++) {
          if (text[i] !== '{') continue;
          expect(balancedEnd(text, i, memo), `${JSON.stringify(text)} at ${i}`).toBe(balancedEnd(text, i));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds an envelope inside a wrapper that is not JSON, and after unclosed openers', () => {
    const envelope = '{"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}';
    for (const text of [`{level: 'error', body: ${envelope}}`, `{"kind":"{"kind":"{"kind":" ${envelope}`, `${'{"a":'.repeat(3)}x,"e":${envelope}${'}'.repeat(3)}`]) {
      const findings = decode(text, catalog);
      expect(findings.map((f) => f.entry), text).toContain('server.404.promise-not-found');
    }
  });
});
