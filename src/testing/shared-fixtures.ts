import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** One line of ../shared/fixtures/*.jsonl. */
export type SharedFixture = {
  id: string;
  input: string;
  expect: { source: string; status?: number | null; code?: string | null; kind?: string | null; message?: string | null; retry: string };
};

/** The shared directory: $SHARED_DIR, or ../shared next to the repository. */
export function sharedDir(): string {
  return process.env.SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared');
}

/** Every fixture of ../shared/fixtures/*.jsonl (Node only). */
export function readSharedFixtures(): SharedFixture[] {
  const dir = resolve(sharedDir(), 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(resolve(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as SharedFixture),
    );
}
