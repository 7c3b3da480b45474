import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPieces } from '../../testing/cut-pieces';
import { countNewlines, indexOfChar, isBlank, joinText, newlinesOf, pieceText, sliceText } from './paste-text';

describe('paste text', () => {
  it('in pieces reads as the string it was cut from: slices, searches, length, line breaks (property)', () => {
    const part = fc.constantFrom('a', 'é', ' ', '\n', '\r\n', 'ERROR ', '{"kind":"promise.get"}');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), fc.nat(), (parts, cuts, a, b) => {
        const text = parts.join('');
        const pieces = pieceText(cutPieces(text, cuts), countNewlines(text));
        const [from, to] = [a % (text.length + 2), b % (text.length + 2)];
        expect(sliceText(pieces, from, to)).toBe(text.slice(from, Math.max(from, to)));
        expect(sliceText(pieces, from)).toBe(text.slice(from));
        expect(indexOfChar(pieces, '\n', from)).toBe(text.indexOf('\n', from));
        expect([pieces.length, newlinesOf(pieces), isBlank(pieces), joinText(pieces)]).toEqual([
          text.length,
          newlinesOf(text),
          text.trim() === '',
          text,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('drops empty pieces; blank is blank in every piece', () => {
    const text = pieceText(['', 'a\n', '', 'b'], 1);
    expect([text.pieces, text.starts]).toEqual([['a\n', 'b'], [0, 2]]);
    expect(joinText(text)).toBe('a\nb');
    expect(isBlank(pieceText([' ', '\n\t'], 1))).toBe(true);
  });
});
