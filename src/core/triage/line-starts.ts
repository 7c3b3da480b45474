import { stripAnsi } from '../decode/normalize';
import type { LogLines } from './timestamps';

/** Where each line of a text starts (in its characters, or its bytes), as it is indexed; line 0 starts at 0. */
export type LineStarts = {
  push: (start: number) => void;
  /** The last line found starts here instead (a `\r` whose `\n` came after it). */
  moveLast: (start: number) => void;
  /**
   * The lines, as splitLogLines gives them: `cut(from, to)` is the text between two offsets, `size()` the
   * text's length so far; each line loses its line break and its ANSI codes.
   */
  lines: (cut: (from: number, to: number) => string, size: () => number) => LogLines;
};

export function createLineStarts(): LineStarts {
  let starts = new Float64Array(1024);
  let count = 1;
  return {
    push: (start) => {
      if (count === starts.length) {
        const grown = new Float64Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = start;
    },
    moveLast: (start) => {
      if (count > 1) starts[count - 1] = start;
    },
    lines: (cut, size) => ({
      get length() {
        return count;
      },
      at: (index: number): string | undefined => {
        const k = index < 0 ? count + index : index;
        if (k < 0 || k >= count) return undefined;
        const from = starts[k] ?? 0;
        const to = k + 1 < count ? (starts[k + 1] ?? size()) : size();
        return stripAnsi(cut(from, to).replace(/\r?\n$|\r$/, ''));
      },
    }),
  };
}
