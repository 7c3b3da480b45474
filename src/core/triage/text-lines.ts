import { piecesOf, sliceText, type PasteText } from '../text/paste-text';
import { createLineStarts } from './line-starts';
import type { LogLines } from './timestamps';

/**
 * The lines of a text as splitLogLines gives them (ANSI codes stripped; `\r\n`, `\r` and `\n` end a line), from an
 * index of where each line starts, built in steps: the page indexes a 100 MB log a few megabytes a task (about 50
 * ms in all) instead of splitting it into a million strings in one (half a second). A line is cut out of the text
 * (a string, or a long file's pieces) when it is asked for. As in byte-lines.ts, a `\r` and a `\n` with an ANSI
 * code between them end two lines here.
 */
export type TextLines = {
  /** Indexes about `chars` more characters; true once the whole text is indexed. */
  step: (chars?: number) => boolean;
  /** The lines; complete once step() has said true. */
  readonly lines: LogLines;
};

export function createTextLines(text: PasteText): TextLines {
  const starts = createLineStarts();
  const push = starts.push;
  const { pieces, starts: pieceStarts } = piecesOf(text);
  const length = text.length;
  // Whether each piece has a `\r`, asked when the piece is reached (a search of all of it would be one long task).
  const crs: (boolean | undefined)[] = [];
  let at = 0;
  let piece = 0;
  const lines = starts.lines((from, to) => sliceText(text, from, to), () => length);
  return {
    step: (chars = Infinity) => {
      const until = Math.min(length, at + chars);
      while (at < until && piece < pieces.length) {
        const p = pieces[piece] ?? '';
        const base = pieceStarts[piece] ?? 0;
        if (at >= base + p.length) {
          piece++;
          continue;
        }
        const end = Math.min(p.length, until - base);
        let i = at - base;
        if (!(crs[piece] ??= p.includes('\r'))) {
          let nl = p.indexOf('\n', i);
          while (nl >= 0 && nl < end) {
            push(base + nl + 1);
            nl = p.indexOf('\n', nl + 1);
          }
          at = base + (nl < 0 ? p.length : end);
          continue;
        }
        for (; i < end; i++) {
          const c = p.charCodeAt(i);
          if (c === 10) push(base + i + 1);
          else if (c === 13) {
            // A `\r\n` is one line break, even when the `\n` begins the next piece.
            const next = i + 1 < p.length ? p.charCodeAt(i + 1) : (pieces[piece + 1]?.charCodeAt(0) ?? -1);
            if (next === 10) i++;
            push(base + i + 1);
          }
        }
        at = base + i;
      }
      return at >= length;
    },
    lines,
  };
}
