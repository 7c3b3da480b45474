import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readTextFile } from './read-file';

describe('readTextFile', () => {
  it('reads a text file', async () => {
    const file = new File(['Error: "Promise not found"\n'], 'cli.log', { type: 'text/plain' });
    expect(await readTextFile(file)).toEqual({ ok: true, name: 'cli.log', text: 'Error: "Promise not found"\n' });
  });

  it('refuses a file that is too big, without reading it', async () => {
    const file = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.log');
    const result = await readTextFile(file);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.error).toMatch(/up to 5 MB/);
  });

  it('refuses a binary file', async () => {
    const file = new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])], 'a.out');
    expect(await readTextFile(file)).toEqual({ ok: false, error: 'a.out looks like a binary file, not text.' });
  });
});
