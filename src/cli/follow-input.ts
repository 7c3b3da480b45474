import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long the input must be quiet before what was read counts as complete. */
export const QUIET_MS = 300;
/** How often a followed file is checked for growth. */
const POLL_MS = 200;

export type FollowHandlers = {
  onText: (text: string) => void;
  onQuiet: () => void;
  /** The input holds a NUL byte: not a text log. */
  onBinary: () => void;
};

/**
 * Feeds an input that stays open to the handlers: text as it arrives (UTF-8 decoded across chunk boundaries) and a
 * call after each quiet pause of QUIET_MS. Resolves when the input ends (standard input closed), or on a binary chunk.
 */
export async function followChunks(chunks: AsyncIterable<Buffer | string>, handlers: FollowHandlers): Promise<'end' | 'binary'> {
  const decoder = new StringDecoder('utf8');
  let timer: NodeJS.Timeout | null = null;
  const quietLater = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      handlers.onQuiet();
    }, QUIET_MS);
  };
  try {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (bytes.includes(0)) {
        handlers.onBinary();
        return 'binary';
      }
      const text = decoder.write(bytes);
      if (text !== '') handlers.onText(text);
      quietLater();
    }
    const rest = decoder.end();
    if (rest !== '') handlers.onText(rest);
    return 'end';
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * A file's bytes from its start, then as it grows, like `tail -f` (a file cut shorter, as log rotation does, is read
 * again from its start). Never ends by itself: the process stops it (Ctrl+C).
 */
export async function* growingFile(path: string, signal: AbortSignal): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    let offset = 0;
    const buffer = Buffer.alloc(64 * 1024);
    while (!signal.aborted) {
      const { size } = await handle.stat();
      if (size < offset) offset = 0;
      if (size === offset) {
        await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - offset), offset);
      offset += bytesRead;
      if (bytesRead > 0) yield Buffer.from(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}
