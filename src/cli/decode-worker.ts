/**
 * One worker of the CLI's decode pool (decode-stream.ts): decodes windows of a streamed text from their bytes
 * against the catalog it was started with, and posts what they gave back. The same decodeWindow() as a
 * single-threaded run, its runs of the same error merged ahead (compactFindings).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseCatalog } from '../core/catalog/parse-catalog';
import { compactFindings } from '../core/decode/decode';
import { decodeWindow, type ByteWindow } from '../core/stream/byte-windows';

type Job = { id: number; window: ByteWindow };
const data = workerData as { catalog: unknown; limits?: { maxChunkChars?: number }; maxSpans?: number };

const parsed = parseCatalog(data.catalog);
parentPort?.on('message', (job: Job) => {
  if (!parsed.ok) {
    parentPort?.postMessage({ id: job.id, error: `bad catalog: ${parsed.error}` });
    return;
  }
  // decodeWindow never throws: a reader bug gives the window no findings, as decode() would give none.
  const result = decodeWindow(job.window, parsed.catalog, data.limits ?? {});
  // Runs of the same error go as one finding with a count (merged as they would have been one by one): the copy to
  // the main thread, and its merge, are then a few findings, not one per occurrence.
  result.findings = compactFindings(result.findings, data.maxSpans);
  parentPort?.postMessage({ id: job.id, result });
});
