import { startAtOrBefore } from '../text/starts';
import { createLineStarts } from '../triage/line-starts';
import type { LogLines } from '../triage/timestamps';

/**
 * The lines of a text given as bytes, piece by piece, as splitLogLines gives them from the whole text (ANSI
 * codes stripped; `\r\n`, `\r` and `\n` end a line), read on demand from an index of where each line starts: a
 * streamed log's times are read off the few lines its findings name, with no whole-text string and no array of
 * a million lines. One difference, by design: a `\r` and a `\n` with an ANSI code between them end two lines here
 * (the index looks at bytes, and does not decode them to find the code), one there.
 */
export type ByteLines = {
  add: (piece: Uint8Array) => void;
  readonly lines: LogLines;
};

const NL = 10;
const CR = 13;

export function createByteLines(): ByteLines {
  const pieces: Uint8Array[] = [];
  const pieceStarts: number[] = [];
  let size = 0;
  // Where each line starts, in bytes from the text's start.
  const starts = createLineStarts();
  // The offset of the last `\r` seen: a `\n` right after it ends the same line (`\r\n`).
  let lastCr = -2;
  const utf8 = new TextDecoder('utf-8');
  const newline = (at: number) => {
    if (lastCr === at - 1) starts.moveLast(at + 1);
    else starts.push(at + 1);
  };

  /** The bytes [from, to) of the text, across pieces. */
  const bytesOf = (from: number, to: number): Uint8Array => {
    const lo = startAtOrBefore(pieceStarts, from);
    const first = pieces[lo];
    const base = pieceStarts[lo] ?? 0;
    if (first && to - base <= first.length) return first.subarray(from - base, to - base);
    const out = new Uint8Array(to - from);
    for (let p = lo, at = 0; p < pieces.length && at < out.length; p++) {
      const piece = pieces[p] ?? new Uint8Array(0);
      const start = Math.max(0, from - (pieceStarts[p] ?? 0));
      const part = piece.subarray(start, Math.min(piece.length, start + out.length - at));
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  const lines = starts.lines((from, to) => utf8.decode(bytesOf(from, to)), () => size);

  return {
    add: (piece) => {
      if (piece.length === 0) return;
      const base = size;
      pieces.push(piece);
      pieceStarts.push(base);
      size += piece.length;
      if (piece.indexOf(CR) < 0) {
        for (let at = piece.indexOf(NL); at >= 0; at = piece.indexOf(NL, at + 1)) newline(base + at);
        return;
      }
      for (let i = 0; i < piece.length; i++) {
        const b = piece[i];
        if (b === NL) newline(base + i);
        else if (b === CR) {
          starts.push(base + i + 1);
          lastCr = base + i;
        }
      }
    },
    lines,
  };
}
