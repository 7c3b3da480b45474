import { normalizeLinesSafely } from '../decode/normalize';
import type { Line } from '../decode/raw';
import { splitIntoChunks, type ChunkOptions } from '../triage/chunks';

/**
 * Cuts a text that arrives piece by piece (a file or standard input read as a stream) into chunks of normalized
 * lines at the same safe boundaries the page's chunked decoder uses, holding no more than a window of text at a
 * time. Each window is normalized as decode() normalizes a text (ANSI, collectors' line prefixes), then split; the
 * last chunk of a window is not final (a trace may go on) and is read again with the next window. Line numbers
 * are the whole stream's. Decoding the chunks in order and merging their findings gives what decode() gives on
 * the whole text, wherever the pieces were cut, for a log whose lines look alike throughout (the same collector
 * prefix or none). Never throws.
 */
export type StreamChunker = {
  /** Adds a piece of text; returns the chunks it completed (possibly none). */
  push: (piece: string) => Line[][];
  /** The end of the text: returns the chunks that remain. */
  end: () => Line[][];
  /** Characters held and not yet given out (bounded by about two windows, or by the longest line). */
  readonly held: number;
};

export type StreamOptions = ChunkOptions & {
  /** Characters normalized and split at a time; 2 Mi by default. */
  windowChars?: number;
};

const DEFAULT_WINDOW = 2 * 1024 * 1024;

/**
 * The raw text of lines `from`… of `text`, their line breaks as `\n`: what
 * `text.split(/\r\n|\r|\n/).slice(from).join('\n')` gives, without splitting the window when it has no `\r`.
 */
function rawLinesFrom(text: string, from: number): string {
  if (text.includes('\r')) return text.split(/\r\n|\r|\n/).slice(from).join('\n');
  let at = 0;
  for (let n = 0; n < from; n++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return '';
    at = nl + 1;
  }
  return text.slice(at);
}

export function createStreamChunker(options: StreamOptions = {}): StreamChunker {
  const windowChars = Math.max(1024, options.windowChars ?? DEFAULT_WINDOW);
  const chunkOptions: ChunkOptions = { ...(options.chunkChars ? { chunkChars: options.chunkChars } : {}), ...(options.maxChunkChars ? { maxChunkChars: options.maxChunkChars } : {}) };
  let pending = '';
  // Lines of the stream before `pending` starts.
  let base = 0;

  const take = (final: boolean): Line[][] => {
    const out: Line[][] = [];
    while (final ? pending.length > 0 : pending.length >= windowChars) {
      // A window ends after a line break (the last line may still be growing), unless the text has ended.
      let cut = pending.length;
      if (!final) {
        // The last line break inside the window; a first line longer than the window ends at its own line break.
        let nl = pending.lastIndexOf('\n', windowChars);
        if (nl < 0) nl = pending.indexOf('\n');
        // One line without an end yet: wait for it, unless it has become absurd (16 windows).
        if (nl < 0 && pending.length < windowChars * 16) break;
        cut = nl < 0 ? pending.length : nl + 1;
      }
      const text = pending.slice(0, cut);
      const rest = pending.slice(cut);
      const lines = normalizeLinesSafely(text);
      for (const l of lines) l.no += base;
      const chunks = splitIntoChunks(lines, chunkOptions);
      // Not the end: the last chunk waits for what follows, unless the window is one block grown absurd (4 windows).
      const forced = !final && chunks.length === 1 && pending.length >= windowChars * 4;
      const keep = final || forced ? chunks.length : chunks.length - 1;
      for (let c = 0; c < keep; c++) {
        const chunk = chunks[c];
        if (chunk) out.push(lines.slice(chunk.start, chunk.end));
      }
      if (final) {
        pending = '';
        break;
      }
      const last = chunks[keep];
      if (!last) {
        // All of the window was given out (forced): the rest starts on the line after it.
        pending = rest;
        base += lines.length - (text.endsWith('\n') ? 1 : 0);
        continue;
      }
      // The last chunk is read again with what follows: its raw lines go back in front of the rest.
      pending = rawLinesFrom(text, last.start) + rest;
      base += last.start;
      if (keep === 0) break; // nothing could be given out yet: wait for more text
    }
    return out;
  };

  return {
    push: (piece) => {
      pending += piece;
      return take(false);
    },
    end: () => take(true),
    get held() {
      return pending.length;
    },
  };
}

