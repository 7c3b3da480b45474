import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExpectedDiagnosis } from './expect-diagnosis';

/** One line of ../shared/fixtures/*.jsonl. */
export type SharedFixture = {
  id: string;
  input: string;
  expect: ExpectedDiagnosis;
};

function readJsonl(file: string): SharedFixture[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SharedFixture);
}

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
    .flatMap((f) => readJsonl(resolve(dir, f)));
}

/** Every real SDK capture of ../shared/captures/sdk-releases.jsonl, in the fixtures' format (Node only). */
export function readSharedCaptures(): SharedFixture[] {
  return readJsonl(resolve(sharedDir(), 'captures', 'sdk-releases.jsonl'));
}
