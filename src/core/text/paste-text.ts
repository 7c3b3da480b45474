import { startAtOrBefore } from './starts';

/**
 * The text of a paste: a string, or a long file's text held as the pieces it was read in. A page never builds
 * one string of a 100 MB file unless something needs all of it at once (the text box, a short file's report):
 * that copy alone is a task of 60–100 ms, and the page's main thread is not to be blocked for more than 50 ms.
 * The log's worker reads the file itself; the long-paste summary, the original-text viewer, the share link and
 * a report (report-context.ts) read the pieces.
 */
export type PieceText = {
  readonly kind: 'pieces';
  /** The pieces, none empty, in order. */
  readonly pieces: readonly string[];
  /** Where each piece starts in the text. */
  readonly starts: readonly number[];
  readonly length: number;
  /** How many `\n` the text has (counted as it was read, a piece at a time). */
  readonly newlines: number;
};

export type PasteText = string | PieceText;

/** How many `\n` a string has. */
export function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** A text of these pieces; `newlines` is their count of `\n` (the reader counts it piece by piece). */
export function pieceText(pieces: readonly string[], newlines: number): PieceText {
  const kept: string[] = [];
  const starts: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (piece === '') continue;
    kept.push(piece);
    starts.push(length);
    length += piece.length;
  }
  return { kind: 'pieces', pieces: kept, starts, length, newlines };
}

/** The text's pieces and where each starts: a string is one piece. */
export function piecesOf(text: PasteText): { pieces: readonly string[]; starts: readonly number[] } {
  return typeof text === 'string' ? { pieces: [text], starts: [0] } : text;
}

/** The index of the piece that holds character `at` (the last piece for the text's end). */
const pieceAt = (text: PieceText, at: number): number => startAtOrBefore(text.starts, at);

/** The characters from `from` to `to` (as String.prototype.slice with two non-negative offsets). */
export function sliceText(text: PasteText, from: number, to: number = text.length): string {
  if (typeof text === 'string') return text.slice(from, to);
  const start = Math.max(0, Math.min(from, text.length));
  const end = Math.max(start, Math.min(to, text.length));
  if (start === end) return '';
  const parts: string[] = [];
  for (let i = pieceAt(text, start); i < text.pieces.length; i++) {
    const base = text.starts[i] ?? 0;
    if (base >= end) break;
    const piece = text.pieces[i] ?? '';
    parts.push(piece.slice(Math.max(0, start - base), end - base));
  }
  return parts.length === 1 ? (parts[0] ?? '') : parts.join('');
}

/** How many `\n` the text has. */
export function newlinesOf(text: PasteText): number {
  return typeof text === 'string' ? countNewlines(text) : text.newlines;
}

/** The index of the first `char` at or after `from`, or -1 (one character: none can straddle two pieces). */
export function indexOfChar(text: PasteText, char: string, from = 0): number {
  if (typeof text === 'string') return text.indexOf(char, from);
  for (let i = pieceAt(text, Math.max(0, from)); i < text.pieces.length; i++) {
    const base = text.starts[i] ?? 0;
    const found = (text.pieces[i] ?? '').indexOf(char, Math.max(0, from - base));
    if (found !== -1) return base + found;
  }
  return -1;
}

/** True when the text is empty or only white space (stops at the first piece with anything else). */
export function isBlank(text: PasteText): boolean {
  if (typeof text === 'string') return text.trim() === '';
  return text.pieces.every((piece) => piece.trim() === '');
}

const joined = new WeakMap<PieceText, string>();

/**
 * The whole text as one string, built once per text: for what needs all of it at once (the text box, a share link
 * or a report of a file of a few megabytes). For a long file this is one long task; nothing on the way from a
 * file to its summary calls it.
 */
export function joinText(text: PasteText): string {
  if (typeof text === 'string') return text;
  let whole = joined.get(text);
  if (whole === undefined) {
    whole = text.pieces.join('');
    joined.set(text, whole);
  }
  return whole;
}
