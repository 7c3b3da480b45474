import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code';

describe('splitInlineCode', () => {
  it('turns backtick spans into code parts and keeps the rest as text', () => {
    expect(splitInlineCode('start with `--debug` or `RESONATE_DEBUG=true`.')).toEqual([
      { code: false, text: 'start with ' },
      { code: true, text: '--debug' },
      { code: false, text: ' or ' },
      { code: true, text: 'RESONATE_DEBUG=true' },
      { code: false, text: '.' },
    ]);
  });
  it('leaves an unmatched backtick and markup-looking text as plain text', () => {
    expect(splitInlineCode('a ` b <b>x</b>')).toEqual([{ code: false, text: 'a ` b <b>x</b>' }]);
  });
});
