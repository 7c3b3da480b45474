import type { Catalog } from '../catalog/catalog-types';
import { createFindingMerger, rankFindings } from '../decode/decode';
import type { Finding } from '../decode/finding';
import { createByteWindower, createWindowMerger, decodeWindow, type ByteWindow, type DecodeWindowOptions, type WindowOptions } from './byte-windows';

export type StreamDecoderOptions = WindowOptions & {
  /** The chunker's forced-cut size for a window's boundaries (see decodeWindow). */
  maxChunkChars?: number;
  /** Spans kept per finding (its count stays exact). */
  maxSpans?: number;
  /** The gate reads masks off the bytes (see decodeWindow): in a browser. */
  gateBytes?: boolean;
};

export type StreamDecoder = {
  /** Adds bytes of the text; they are decoded by step(), window by window. */
  push: (piece: Uint8Array) => void;
  /** The text ends: what is held becomes the last window. */
  end: () => void;
  /** Decodes the next complete window; false when none is ready (push more, or end). */
  step: () => boolean;
  /** Windows cut and not yet decoded. */
  readonly ready: number;
  /** The findings so far, merged and ranked as decode() ranks them (the same objects later windows update). */
  findings: () => Finding[];
};

/**
 * A text given as bytes, piece by piece, decoded on this thread window by window (byte-windows.ts) and merged in
 * text order: what decode() gives on the whole text, with memory bounded by a window whatever the text's size.
 * The page's log worker uses it; the CLI runs the same windows on a pool of threads (src/cli/decode-stream.ts).
 */
export function createStreamDecoder(catalog: Catalog, options: StreamDecoderOptions = {}): StreamDecoder {
  const limits: DecodeWindowOptions = { ...(options.maxChunkChars !== undefined ? { maxChunkChars: options.maxChunkChars } : {}), ...(options.gateBytes ? { gateBytes: true } : {}) };
  // Decoded here, on the thread that cuts them: a window's bytes need not be copied out of what is held.
  const windower = createByteWindower({ ...options, sameThread: true });
  const merger = createFindingMerger(options.maxSpans !== undefined ? { maxSpans: options.maxSpans } : {});
  const windows = createWindowMerger((f) => merger.add(f));
  const queue: ByteWindow[] = [];
  return {
    push: (piece) => {
      queue.push(...windower.push(piece));
    },
    end: () => {
      queue.push(...windower.end());
    },
    step: () => {
      const window = queue.shift();
      if (!window) return false;
      let result = decodeWindow(window, catalog, limits);
      // The window before ended elsewhere than where this one started: read it again from there.
      if (!windows.fits(result)) result = decodeWindow({ ...window, fromLine: windows.fromLine }, catalog, limits);
      windows.merge(result);
      return true;
    },
    get ready() {
      return queue.length;
    },
    findings: () => rankFindings(merger.findings),
  };
}
