import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExpectedDiagnosis } from './expect-diagnosis';

/** One line of a corpus file: a real paste, its expected diagnosis, and where it came from. */
export type CorpusItem = { id: string; input: string; expect: ExpectedDiagnosis; how?: string; file: string };

/** The project's own corpus (src/testing/corpus/*.jsonl): real pastes and captures of SDK releases and servers (Node only). */
export function readCorpus(dir = resolve(import.meta.dirname, 'corpus')): CorpusItem[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    readFileSync(resolve(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => ({ ...(JSON.parse(l) as Omit<CorpusItem, 'file'>), file })),
  );
}
