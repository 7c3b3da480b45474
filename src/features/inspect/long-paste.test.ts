import { describe, expect, it } from 'vitest';
import { countNewlines, pieceText } from '../../core/text/paste-text';
import { longPasteFacts, sizeText } from './long-paste';

describe('longPasteFacts', () => {
  it('counts lines and takes the first ones', () => {
    expect(longPasteFacts('a\nb\r\nc', 2)).toEqual({ chars: 6, lines: 3, preview: ['a', 'b'] });
    expect(longPasteFacts('one line')).toEqual({ chars: 8, lines: 1, preview: ['one line'] });
    expect(longPasteFacts('a\n')).toEqual({ chars: 2, lines: 2, preview: ['a', ''] });
  });

  it('cuts long lines, without reading past the preview', () => {
    const facts = longPasteFacts(`${'x'.repeat(500)}\n${'y'.repeat(3_000_000)}`, 2, 10);
    expect(facts.preview).toEqual(['xxxxxxxxx…', 'yyyyyyyyy…']);
    expect(facts.lines).toBe(2);
  });
});

describe('longPasteFacts of a file read in pieces', () => {
  it('are the facts of the whole text, lines cut across pieces included', () => {
    const text = `first\r\n${'x'.repeat(300)}\nthird\n\nfifth`;
    const pieces = pieceText([text.slice(0, 6), text.slice(6, 100), text.slice(100, 310), text.slice(310)], countNewlines(text));
    expect(longPasteFacts(pieces, 8, 20)).toEqual(longPasteFacts(text, 8, 20));
    expect(longPasteFacts(pieces, 8, 20).lines).toBe(5);
  });
});

describe('sizeText', () => {
  it('writes megabytes and kilobytes', () => {
    expect(sizeText(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(sizeText(1500)).toBe('1 KB');
  });
});
