import { indexOfChar, newlinesOf, sliceText, type PasteText } from '../../core/text/paste-text';

/**
 * A paste of megabytes is not shown in the editable box: a browser lays out the whole of a textarea's text,
 * which takes seconds for 10 MB and makes the page stutter. The paste area shows its size and first lines instead.
 */

/** From this size on, the paste area shows a long paste as a summary rather than in the text box. */
export const LONG_PASTE_CHARS = 1_000_000;

export type LongPasteFacts = {
  chars: number;
  lines: number;
  /** The first lines, each cut to a readable width. */
  preview: string[];
};

/** Size, line count and the first lines of a long text, without splitting all of it. */
export function longPasteFacts(text: PasteText, previewLines = 8, width = 160): LongPasteFacts {
  // A file's text in pieces had its line breaks counted as it was read.
  const lines = newlinesOf(text) + 1;
  const preview: string[] = [];
  let start = 0;
  while (preview.length < previewLines && start <= text.length) {
    const end = indexOfChar(text, '\n', start);
    const line = sliceText(text, start, end === -1 ? Math.min(text.length, start + width + 1) : Math.min(end, start + width + 1)).replace(/\r$/, '');
    preview.push(line.length > width ? `${line.slice(0, width - 1)}…` : line);
    if (end === -1) break;
    start = end + 1;
  }
  return { chars: text.length, lines, preview };
}

/** "10.0 MB", "812 KB". */
export function sizeText(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1024))} KB`;
}
