import { describe, expect, it } from 'vitest';
import { joinText } from '../../core/text/paste-text';
import { MAX_FILE_BYTES, readTextFile } from './read-file';

describe('readTextFile', () => {
  it('reads a text file', async () => {
    const file = new File(['Error: "Promise not found"\n'], 'cli.log', { type: 'text/plain' });
    expect(await readTextFile(file)).toEqual({ ok: true, name: 'cli.log', text: 'Error: "Promise not found"\n' });
  });

  it('refuses a file that is too big, without reading it', async () => {
    const file = new File(['x'], 'huge.log');
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES + 1 });
    file.text = () => Promise.reject(new Error('a file this size must not be read'));
    file.stream = () => {
      throw new Error('a file this size must not be read');
    };
    const result = await readTextFile(file);
    expect(result).toEqual({ ok: false, error: 'huge.log is 100.0 MB; the inspector reads files up to 100 MB. Open the relevant part instead.' });
  });

  it('reads a log of many megabytes into pieces, its line breaks counted', async () => {
    const text = '2026-11-25 02:00:00,000 INFO ok\n'.repeat(200_000);
    const file = new File([text], 'worker.log');
    expect(file.size).toBeGreaterThan(5 * 1024 * 1024);
    const result = await readTextFile(file);
    if (!result.ok || typeof result.text === 'string') throw new Error('a long file is read into pieces');
    expect([result.text.length, result.text.newlines]).toEqual([file.size, 200_000]);
    expect(joinText(result.text) === text).toBe(true);
  });

  it('refuses a binary file whose first NUL comes after megabytes of text', async () => {
    const file = new File(['2026-11-25 02:00:00,000 INFO ok\n'.repeat(200_000), new Uint8Array([0x41, 0]), 'tail'], 'core.dump');
    expect(await readTextFile(file)).toEqual({ ok: false, error: 'core.dump looks like a binary file, not text.' });
  });

  it('keeps a character whose bytes are cut between two pieces of the read', async () => {
    const text = `${'x'.repeat(65_535)}🚀é${'y'.repeat(70_000)}`;
    const result = await readTextFile(new File([text], 'emoji.log'));
    expect(result.ok && result.text === text).toBe(true);
  });

  it('refuses a binary file', async () => {
    const file = new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])], 'a.out');
    expect(await readTextFile(file)).toEqual({ ok: false, error: 'a.out looks like a binary file, not text.' });
  });
});
