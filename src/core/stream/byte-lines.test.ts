import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLogLines } from '../triage/timestamps';
import { createByteLines } from './byte-lines';

/** The lines of the text's bytes given in pieces cut at the given offsets. */
function linesOf(text: string, cuts: number[]): Array<string | undefined> {
  const bytes = new TextEncoder().encode(text);
  const index = createByteLines();
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  for (let k = 0; k + 1 < at.length; k++) index.add(bytes.subarray(at[k], at[k + 1]));
  return Array.from({ length: index.lines.length }, (_, k) => index.lines.at(k));
}

describe('byte lines', () => {
  it('are the lines splitLogLines gives, wherever the bytes are cut (property)', () => {
    const part = fc.constantFrom('a', 'é', '🚀', ' ', '\n', '\r', '\r\n', '\u001b[31m', '\u001b[0m', '2026-11-25 02:00:00,323 INFO ', '{"kind":"promise.get"}');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        // The one difference, by design: an ANSI code between a `\r` and a `\n` (the index does not decode to find it).
        fc.pre(!new RegExp(`\r(?:${String.fromCharCode(27)}\\[\\d*m)+\n`).test(text));
        expect(linesOf(text, cuts)).toEqual(splitLogLines(text));
      }),
      { numRuns: 400 },
    );
  });

  it('counts lines from the end with a negative index, and has none past the last', () => {
    const index = createByteLines();
    index.add(new TextEncoder().encode('one\ntwo\r\nthree'));
    expect([index.lines.at(-1), index.lines.at(3), index.lines.length]).toEqual(['three', undefined, 3]);
  });
});
