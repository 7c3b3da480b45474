import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLines, normalizeText, stripAnsi } from './normalize';

const texts = (s: string) => normalizeLines(s).map((l) => l.text);

describe('normalizeLines', () => {
  it('strips ANSI colours and keeps line numbers', () => {
    const lines = normalizeLines('\u001b[31mE   boom\u001b[0m\r\nnext');
    expect(lines).toEqual([
      { text: 'E   boom', no: 1 },
      { text: 'next', no: 2 },
    ]);
    expect(stripAnsi('\u001b[1m\u001b[31mx\u001b[0m')).toBe('x');
  });

  it('drops docker compose prefixes when most lines have them', () => {
    expect(texts('worker-1  | Traceback (most recent call last):\nworker-1  |   File "a.py", line 1, in f\nworker-1  | KeyError: 1')).toEqual([
      'Traceback (most recent call last):',
      '  File "a.py", line 1, in f',
      'KeyError: 1',
    ]);
  });

  it('drops GitHub Actions timestamps', () => {
    expect(texts('2025-11-25T10:15:02.1234567Z line one\n2025-11-25T10:15:02.2234567Z line two')).toEqual(['line one', 'line two']);
  });

  it('drops kubectl pod/container prefixes', () => {
    expect(texts('orders-worker-7c9f8d6b5-x2lqp worker {"a":1}\norders-worker-7c9f8d6b5-x2lqp worker {"b":2}')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('keeps repeated SDK log lines intact (their first words are content, not a prefix)', () => {
    const log = "Registry. Function 'x' is not registered. Will drop. (See https://rn8.io/e/1103 for more information)";
    expect(texts(`${log}\n${log}`)).toEqual([log, log]);
  });

  it('keeps a lone CR-separated paste', () => {
    expect(texts('a\rb')).toEqual(['a', 'b']);
  });

  it('gives the text itself as the lines joined only when that is what they are', () => {
    const piece = fc.constantFrom('worker-1  | ', 'api-7f9c-x2 app ', '2025-11-25T10:15:02.1234567Z ', '> ', '\u001b[31m', '\u001b]8;;\n', '\u0007', '\r\n', '\r', '\n', 'Traceback', '{"kind":1}', ' ', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const { lines, joined, raw } = normalizeText(text);
        expect(lines).toEqual(normalizeLines(text));
        if (joined !== null) expect(joined).toBe(lines.map((l) => l.text).join('\n'));
        // Raw lines: each the text's own, or that line without its escape codes, its quote or both.
        if (raw) {
          expect(text).not.toContain('\r');
          const own = text.split('\n');
          expect(lines.length).toBe(own.length);
          lines.forEach((l, k) => {
            const line = own[k] ?? '';
            expect([line, stripAnsi(line), line.replace(/^> ?/, ''), stripAnsi(line).replace(/^> ?/, '')]).toContain(l.text);
          });
        }
      }),
      { numRuns: 2000 },
    );
    expect(normalizeText('a\nb').joined).toBe('a\nb');
    expect(normalizeText('> a\n> b').joined).toBeNull();
  });
});
