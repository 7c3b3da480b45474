/** Biggest file the paste area reads: a whole log is fine (long ones are decoded in a worker); a core dump is not. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export type ReadFileResult = { ok: true; name: string; text: string } | { ok: false; error: string };

/** Reads a dropped or chosen file as text, in the browser. Never throws. */
export async function readTextFile(file: File): Promise<ReadFileResult> {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return { ok: false, error: `${file.name} is ${mb} MB; the inspector reads files up to 100 MB. Open the relevant part instead.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
  if (text.includes('\u0000')) return { ok: false, error: `${file.name} looks like a binary file, not text.` };
  return { ok: true, name: file.name, text };
}
