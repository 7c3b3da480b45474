import { indexOfChar, joinText, sliceText, type PasteText } from '../text/paste-text';

/**
 * What of a paste a report reads beside the finding (report-parts.ts: the versions of its environment;
 * redact.ts: secrets found anywhere, scrubbed from every field even in pieces). A paste is read whole; of a long
 * log, its first lines (where a service prints its versions as it starts) and the lines around the finding, about
 * CONTEXT_CHARS in all: redacting a 100 MB log on the page's main thread takes seconds, twice per report.
 */
export const CONTEXT_CHARS = 2 * 1024 * 1024;

/** The offset where line `line` (1-based) starts, or -1 past the text's end. */
function lineStart(text: PasteText, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const nl = indexOfChar(text, '\n', at);
    if (nl === -1) return -1;
    at = nl + 1;
  }
  return at;
}

/** The whole lines between two offsets: from the first line that starts at or after `from`, up to `to`. */
function wholeLines(text: PasteText, from: number, to: number): string {
  const start = from === 0 ? 0 : indexOfChar(text, '\n', from - 1) + 1;
  if (start === 0 && from !== 0) return '';
  const part = sliceText(text, start, Math.max(start, to));
  if (to >= text.length) return part;
  return part.slice(0, part.lastIndexOf('\n') + 1);
}

/** The text a report reads for a finding that starts on `startLine`: all of a paste, a part of a long log. */
export function reportContext(text: PasteText, startLine: number | null = null): string {
  if (text.length <= CONTEXT_CHARS) return joinText(text);
  const quarter = CONTEXT_CHARS / 4;
  const head = wholeLines(text, 0, quarter);
  const at = startLine === null ? -1 : lineStart(text, startLine);
  if (at < 0) return head;
  // A quarter before the finding's first line, two after it (its trace, the lines that follow).
  const from = Math.max(head.length, at - quarter);
  return head + wholeLines(text, from, Math.min(text.length, at + 2 * quarter));
}
