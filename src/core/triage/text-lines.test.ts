import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPieces } from '../../testing/cut-pieces';
import { countNewlines, pieceText, type PasteText } from '../text/paste-text';
import { createTextLines } from './text-lines';
import { splitLogLines } from './timestamps';

const ESC = String.fromCharCode(27);

function linesOf(text: PasteText, step: number): Array<string | undefined> {
  const index = createTextLines(text);
  let steps = 0;
  while (!index.step(step)) steps++;
  expect(steps).toBeLessThanOrEqual(Math.ceil(text.length / step) + 1);
  return Array.from({ length: index.lines.length }, (_, k) => index.lines.at(k));
}

describe('text lines', () => {
  it('are the lines splitLogLines gives, whatever the step (property)', () => {
    const part = fc.constantFrom('a', 'é', '🚀', ' ', '\n', '\r', '\r\n', `${ESC}[31m`, `${ESC}[0m`, '2026-11-25 02:00:00,323 INFO ');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), (parts, step) => {
        const text = parts.join('');
        // The one difference, by design: an ANSI code between a `\r` and a `\n`.
        fc.pre(!new RegExp(`\r(?:${ESC}\\[\\d*m)+\n`).test(text));
        expect(linesOf(text, step)).toEqual(splitLogLines(text));
      }),
      { numRuns: 400 },
    );
  });

  it('are the same lines for the text held in pieces, cut anywhere, even between a \\r and its \\n (property)', () => {
    const part = fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', `${ESC}[31m`, '2026-11-25 02:00:00,323 INFO ');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 50 }), (parts, cuts, step) => {
        const text = parts.join('');
        fc.pre(!new RegExp(`\r(?:${ESC}\\[\\d*m)+\n`).test(text));
        expect(linesOf(pieceText(cutPieces(text, cuts), countNewlines(text)), step)).toEqual(splitLogLines(text));
      }),
      { numRuns: 400 },
    );
  });

  it('indexes a long log in steps, and gives none past the last line', () => {
    const text = '2026-11-25 02:00:00,323 INFO ok\n'.repeat(100_000);
    const index = createTextLines(text);
    expect(index.step(1_000_000)).toBe(false);
    while (!index.step(1_000_000));
    expect([index.lines.length, index.lines.at(99_999), index.lines.at(100_000), index.lines.at(100_001)]).toEqual([
      100_001,
      '2026-11-25 02:00:00,323 INFO ok',
      '',
      undefined,
    ]);
  });
});
