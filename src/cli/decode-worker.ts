/**
 * One worker of the CLI's decode pool (decode-pool.ts): decodes chunks of normalized lines against the catalog it
 * was started with, and posts their findings back. The same diagnoseLines() as a single-threaded run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseCatalog } from '../core/catalog/parse-catalog';
import { diagnoseLines } from '../core/decode/decode';
import type { Line } from '../core/decode/raw';

type Job = { id: number; lines: Line[] };

const parsed = parseCatalog((workerData as { catalog: unknown }).catalog);
parentPort?.on('message', (job: Job) => {
  if (!parsed.ok) {
    parentPort?.postMessage({ id: job.id, error: `bad catalog: ${parsed.error}` });
    return;
  }
  try {
    parentPort?.postMessage({ id: job.id, findings: diagnoseLines(job.lines, parsed.catalog) });
  } catch (e) {
    // A reader bug: this chunk gives no findings, as decode() would give none.
    parentPort?.postMessage({ id: job.id, findings: [], error: e instanceof Error ? e.message : String(e) });
  }
});
