import { createLineStarts } from './line-starts';
import type { LogLines } from './timestamps';

/**
 * The lines of a text as splitLogLines gives them (ANSI codes stripped; `\r\n`, `\r` and `\n` end a line), from an
 * index of where each line starts, built in steps: the page indexes a 100 MB log a few megabytes a task (about 50
 * ms in all) instead of splitting it into a million strings in one (half a second). A line is cut out of the text
 * when it is asked for. As in byte-lines.ts, a `\r` and a `\n` with an ANSI code between them end two lines here.
 */
export type TextLines = {
  /** Indexes about `chars` more characters; true once the whole text is indexed. */
  step: (chars?: number) => boolean;
  /** The lines; complete once step() has said true. */
  readonly lines: LogLines;
};

export function createTextLines(text: string): TextLines {
  const starts = createLineStarts();
  const push = starts.push;
  let at = 0;
  const crs = text.includes('\r');
  const lines = starts.lines((from, to) => text.slice(from, to), () => text.length);
  return {
    step: (chars = Infinity) => {
      const until = Math.min(text.length, at + chars);
      if (!crs) {
        let nl = text.indexOf('\n', at);
        while (nl >= 0 && nl < until) {
          push(nl + 1);
          nl = text.indexOf('\n', nl + 1);
        }
        at = nl < 0 ? text.length : Math.max(until, at);
        return at >= text.length;
      }
      for (; at < until; at++) {
        const c = text.charCodeAt(at);
        if (c === 10) push(at + 1);
        else if (c === 13) {
          if (text.charCodeAt(at + 1) === 10) at++;
          push(at + 1);
        }
      }
      return at >= text.length;
    },
    lines,
  };
}
