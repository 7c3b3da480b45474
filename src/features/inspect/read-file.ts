import { countNewlines, pieceText, type PasteText } from '../../core/text/paste-text';
import { yieldToEventLoop } from '../../lib/yield-to-event-loop';
import { LONG_PASTE_CHARS } from './long-paste';

/** Biggest file the paste area reads: a whole log is fine (long ones are decoded in a worker); a core dump is not. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The file's text: a string, or for a long file the pieces it was read in (never joined into one string here). */
export type ReadFileResult = { ok: true; name: string; text: PasteText } | { ok: false; error: string };

/** Reads a dropped or chosen file as text, in the browser. Never throws. */
export async function readTextFile(file: File): Promise<ReadFileResult> {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return { ok: false, error: `${file.name} is ${mb} MB; the inspector reads files up to 100 MB. Open the relevant part instead.` };
  }
  let text: PasteText | null;
  try {
    text = await readPieces(file);
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
  if (text === null) return { ok: false, error: `${file.name} looks like a binary file, not text.` };
  return { ok: true, name: file.name, text };
}

/**
 * The file's text, decoded piece by piece as it is read (file.text() decodes all of it in one task: a second of
 * frozen page for 100 MB), its line breaks counted a piece at a time; null at the first NUL character (a binary
 * file), without reading on. A long text stays in its pieces: joining 100 MB is itself a task of 60–100 ms.
 * Each piece is read in a task of its own: the reads of a file whose bytes are at hand all resolve as
 * microtasks, and would otherwise decode the whole file in one task (half a second for 100 MB).
 */
async function readPieces(file: File): Promise<PasteText | null> {
  if (typeof file.stream !== 'function' || typeof TextDecoderStream === 'undefined') {
    const text = await file.text();
    return text.includes('\u0000') ? null : text;
  }
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const pieces: string[] = [];
  let chars = 0;
  let newlines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chars < LONG_PASTE_CHARS ? pieces.join('') : pieceText(pieces, newlines);
    if (value.includes('\u0000')) {
      await reader.cancel();
      return null;
    }
    pieces.push(value);
    chars += value.length;
    newlines += countNewlines(value);
    await yieldToEventLoop();
  }
}
