import type { Catalog } from '../catalog/catalog-types';
import { createFindingMerger, diagnoseLines, rankFindings } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { normalizeLinesSafely } from '../decode/normalize';
import type { Line } from '../decode/raw';
import { splitIntoChunks } from './chunks';
import type { Chunk, ChunkOptions } from './chunks';

/** Where a chunked decode stands after a chunk. */
export type DecodeProgress = {
  /** Chunks decoded so far. */
  done: number;
  /** Chunks in all. */
  total: number;
  /**
   * The findings of the text so far, merged and ranked as decode() ranks them. The array is new at each step;
   * the finding objects are the merger's own and later chunks update them in place (count, spans), so copy
   * them, or post them (structured clone), before decoding the next chunk if you keep them.
   */
  findings: Finding[];
  /** The 1-based lines of the whole text this step read. */
  chunk: { startLine: number; endLine: number };
  /** Occurrences found in this chunk (before merging): the sum over chunks equals the sum of the counts. */
  occurrences: number;
  /** Chunks whose decoding failed (a reader bug): they add no findings, as decode() would return none. */
  failed: number;
};

export type ChunkedDecoder = {
  /** Number of chunks. */
  readonly total: number;
  /** The chunks, as line ranges of the normalized text. */
  readonly chunks: readonly Chunk[];
  /** Decodes the next chunk; null once every chunk is done. */
  next: () => DecodeProgress | null;
  /** The findings so far, merged and ranked. */
  findings: () => Finding[];
  [Symbol.iterator]: () => Iterator<DecodeProgress>;
};

/**
 * Decodes a long text chunk by chunk, so a worker can report progress and stop between chunks.
 * The text is normalized once as a whole (ANSI, collector prefixes: the same decisions decode() makes), split
 * at safe boundaries (see splitIntoChunks), and each chunk's findings are merged into one list exactly as
 * decode() merges them; spans are line numbers of the whole text. For a text where no multi-line block
 * crosses a boundary the result equals decode(text). Never throws on any text.
 */
export function createChunkedDecoder(text: string, catalog: Catalog, options: ChunkOptions = {}): ChunkedDecoder {
  const lines: Line[] = normalizeLinesSafely(typeof text === 'string' ? text : '');
  const chunks = splitIntoChunks(lines, options);
  const merger = createFindingMerger();
  let done = 0;
  let failed = 0;

  const next = (): DecodeProgress | null => {
    const chunk = chunks[done];
    if (!chunk) return null;
    const slice = lines.slice(chunk.start, chunk.end);
    let found: Finding[];
    try {
      found = diagnoseLines(slice, catalog);
    } catch {
      found = [];
      failed++;
    }
    for (const f of found) merger.add(f);
    done++;
    return {
      done,
      total: chunks.length,
      findings: rankFindings(merger.findings),
      chunk: { startLine: slice[0]?.no ?? 0, endLine: slice[slice.length - 1]?.no ?? 0 },
      occurrences: found.length,
      failed,
    };
  };

  return {
    total: chunks.length,
    chunks,
    next,
    findings: () => rankFindings(merger.findings),
    *[Symbol.iterator]() {
      for (let p = next(); p; p = next()) yield p;
    },
  };
}

/** Runs a chunked decode to the end: decode() for texts of many megabytes. */
export function decodeChunked(text: string, catalog: Catalog, options: ChunkOptions = {}): Finding[] {
  const decoder = createChunkedDecoder(text, catalog, options);
  while (decoder.next());
  return decoder.findings();
}

