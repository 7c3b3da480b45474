import { readFileSync, statSync } from 'node:fs';

export type Input = { file: string; text: string } | { file: string; error: string };

/** Text with NUL bytes (an image, an archive, a core dump) is not a log. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** The text of a file, or why it cannot be read (missing, a directory, not text). Never throws. */
export function readInput(file: string): Input {
  try {
    if (statSync(file).isDirectory()) return { file, error: 'is a directory, not a file' };
    const bytes = readFileSync(file);
    if (looksBinary(bytes)) return { file, error: 'is a binary file, not a text log' };
    return { file, text: bytes.toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file, error: 'no such file' };
    if (code === 'EACCES') return { file, error: 'permission denied' };
    return { file, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Standard input, whole, with the same binary check. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<Input> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const bytes = Buffer.concat(chunks);
  if (looksBinary(bytes)) return { file: '<stdin>', error: 'is binary, not a text log' };
  return { file: '<stdin>', text: bytes.toString('utf8') };
}
