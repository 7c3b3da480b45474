import type { Catalog } from '../catalog/catalog-types';
import { diagnoseLines, type DiagnoseOptions } from '../decode/decode';
import { READERS } from '../decode/readers';
import { markerGate } from '../decode/readers/marker-gate';
import type { Finding, Span } from '../decode/finding';
import { breaksOf, normalizeLinesSafely } from '../decode/normalize';
import type { Line } from '../decode/raw';
import { DEFAULT_CHUNK_CHARS, firstBoundary } from '../triage/chunks';
import { retryNote } from '../decode/retry-series';

/**
 * A long text read as bytes (a file, standard input), cut into windows that can be decoded each on its own, on
 * any thread, in any order, and merged in text order into what decode() gives on the whole text.
 *
 * The cutting needs no decoding: window k covers the bytes from B_k to B_{k+1}, both line starts (a window ends
 * after a `\n` byte, which is never inside a UTF-8 character). It also carries some lines before B_k (the
 * lookback) and some bytes after B_{k+1} (the lookahead). Its decoder normalizes all of that and reads the lines
 * from S_k, the first safe chunk boundary (triage/chunks.ts) at or after B_k, to E_k, the first one at or after
 * B_{k+1}. Both ends are judged from the same lines (the lookback of window k+1 starts where window k's judgement
 * of its end starts), so E_k = S_{k+1} and no line is read twice or lost. Should they ever differ (a log whose
 * collector prefix changes, so that two windows normalize a line differently), the merge reads window k+1 again
 * from E_k (`fromLine`), so the result never depends on how the work was shared out.
 */
export type ByteWindow = {
  /** 0, 1, 2… in text order. */
  index: number;
  /**
   * The lookback, the window and the lookahead: a copy, so that posting it to a thread sends only these bytes (a
   * posted view sends its whole buffer); a view of the bytes held when the windower is told they stay on its thread.
   */
  bytes: Uint8Array;
  /** Offset of B_k in `bytes` (0 for the first window). */
  start: number;
  /** Offset of B_{k+1} in `bytes` (`bytes.length` for the last window). */
  end: number;
  /** Offset in `bytes` of the first line window k+1 has as lookback: where the judgement of E_k starts. */
  endFloor: number;
  /** The stream ends with these bytes. */
  final: boolean;
  /** Read from this line (counted from B_k) instead of S_k: set when the window before ended elsewhere. */
  fromLine?: number;
};

/** What a window gave: its findings, with spans counted from B_k (its line 1), and where its reading started and ended. */
export type WindowResult = {
  index: number;
  findings: Finding[];
  /** S_k, counted in lines from B_k. */
  startLine: number;
  /** E_k, counted in lines from B_{k+1}. */
  endLine: number;
  /** Lines from B_k to B_{k+1}. */
  lines: number;
};

export type WindowOptions = {
  /** Bytes from one window start to the next (about; cut at a line start): 1 MiB by default. */
  windowBytes?: number;
  /** Bytes after the window in which its end boundary is looked for: 1 MiB (the chunker's forced-cut size) by default. */
  lookaheadBytes?: number;
  /** Lines before a window start that judge its boundary: 500 (the shutdown banner's reach is 400). */
  lookbackLines?: number;
  /** At most this many bytes of lookback (very long lines): 256 KiB. */
  lookbackBytes?: number;
  /**
   * The windows are decoded on this thread: their bytes are views, not copies (default false: views only where the
   * buffer is at most twice the window, since another thread is sent a copy of the whole buffer).
   */
  sameThread?: boolean;
};

export type ByteWindower = {
  /** Adds a piece of the stream; returns the windows it completed (possibly none). */
  push: (piece: Uint8Array) => ByteWindow[];
  /** The end of the stream: the windows that remain. */
  end: () => ByteWindow[];
  /** Bytes held and not yet given out (about a window, its lookahead and the next lookback). */
  readonly held: number;
};

const NL = 10;
const CR = 13;

/** The offset after the last line break in bytes[from, to), or -1. */
function lastBreakIn(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from) return -1;
  const nl = bytes.lastIndexOf(NL, to - 1);
  if (nl >= from) return nl + 1;
  return -1;
}

/** Where to cut a line that has no `\n` for far too long: after its last `\r`, or at a character start. */
function forcedCut(bytes: Uint8Array, from: number, at: number): number {
  const cr = bytes.lastIndexOf(CR, at - 1);
  if (cr >= from) return cr + 1;
  let cut = at;
  // Not inside a UTF-8 character: continuation bytes are 10xxxxxx.
  while (cut > from + 1 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}

export function createByteWindower(options: WindowOptions = {}): ByteWindower {
  const windowBytes = Math.max(1024, options.windowBytes ?? 1024 * 1024);
  const lookahead = Math.max(0, options.lookaheadBytes ?? 4 * DEFAULT_CHUNK_CHARS);
  const lookbackLines = Math.max(0, options.lookbackLines ?? 500);
  const lookbackBytes = Math.max(0, options.lookbackBytes ?? 256 * 1024);
  const sameThread = options.sameThread ?? false;
  let pieces: Uint8Array[] = [];
  let pieceBytes = 0;
  // The bytes held, from the next window's lookback; `start` is B_k inside them.
  let held = new Uint8Array(0);
  let start = 0;
  let index = 0;

  const gather = (): void => {
    if (pieces.length === 0) return;
    const all = new Uint8Array(held.length + pieceBytes);
    all.set(held, 0);
    let at = held.length;
    for (const p of pieces) {
      all.set(p, at);
      at += p.length;
    }
    held = all;
    pieces = [];
    pieceBytes = 0;
  };

  /** Where window k+1's lookback starts: `lookbackLines` lines before `next`, within `lookbackBytes`. */
  const lookbackOf = (next: number): number => {
    const limit = Math.max(0, next - lookbackBytes);
    let at = next;
    for (let n = 0; n < lookbackLines && at > 0; n++) {
      // The start of the line before the one at `at` (0: the held bytes' start, itself a line start).
      const prev = at >= 2 ? held.lastIndexOf(NL, at - 2) + 1 : 0;
      if (prev < limit) return at;
      at = prev;
    }
    return at;
  };

  const cut = (final: boolean): ByteWindow[] => {
    const out: ByteWindow[] = [];
    for (;;) {
      const size = held.length + pieceBytes;
      if (final) {
        gather();
        if (held.length > start || index === 0) {
          out.push({ index: index++, bytes: held, start, end: held.length, endFloor: held.length, final: true });
        }
        held = new Uint8Array(0);
        start = 0;
        return out;
      }
      if (size - start < windowBytes + lookahead) return out;
      gather();
      // B_{k+1}: after the last line break within the window, or else the first after it, or else a forced cut.
      let next = lastBreakIn(held, start, start + windowBytes);
      if (next < 0) {
        const nl = held.indexOf(NL, start + windowBytes);
        if (nl >= 0) next = nl + 1;
        else if (held.length - start < 16 * windowBytes) return out; // one line without an end yet: wait for it
        else next = forcedCut(held, start + 1, start + windowBytes);
      }
      if (held.length - next < lookahead) return out; // the lookahead is not all here yet
      let ahead = lastBreakIn(held, next, next + lookahead);
      if (ahead < 0) ahead = next;
      const floor = lookbackOf(next);
      // A view where the buffer is about the window (a copy to another thread copies the view's whole buffer), else
      // a copy: a pool's windows are copied once, by postMessage, not twice.
      const view = sameThread || held.buffer.byteLength <= 2 * ahead;
      out.push({ index: index++, bytes: view ? held.subarray(0, ahead) : held.slice(0, ahead), start, end: next, endFloor: floor, final: false });
      // What is left is copied when it is about a window (the old buffer can go), else viewed: a piece of many
      // windows (a Blob's stream may hand over a whole file at once) would be copied again for each of them.
      held = held.length - floor > 4 * (windowBytes + lookahead) ? held.subarray(floor) : held.slice(floor);
      start = next - floor;
    }
  };

  return {
    push: (piece) => {
      if (piece.length === 0) return [];
      pieces.push(piece);
      pieceBytes += piece.length;
      return cut(false);
    },
    end: () => cut(true),
    get held() {
      return held.length + pieceBytes;
    },
  };
}

/**
 * Line breaks in bytes [from, to), as normalizeLines counts them in their text: each `\n`, and each `\r` not
 * followed by a `\n` before `end` (so that counts of ranges side by side add up). A loop over bytes: only for the
 * short ranges around a window's body (its lookback and lookahead).
 */
function breaksBetween(bytes: Uint8Array, from: number, to: number, end: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === NL || (b === CR && (i + 1 >= end || bytes[i + 1] !== NL))) n++;
  }
  return n;
}

/** The lookahead first tried for the end boundary (most logs have one within a few lines). */
const NEAR_AHEAD = 64 * 1024;

type Cuts = { lines: Line[]; joined: string | null; raw: boolean; aheadTo: number; atStart: number; atEnd: number; atFloor: number; complete: number };

function linesOf(w: ByteWindow, aheadTo: number): Cuts {
  // The bytes decoded at once. The lines before each point: all of the text's (counted in the text, `\r` and `\n`
  // are bytes of their own in UTF-8), less those of the bytes after the point (the lookahead), or those of the
  // bytes before it (the lookback).
  const text = new TextDecoder('utf-8').decode(w.bytes.subarray(0, aheadTo));
  const { lines, joined, raw } = normalizeLinesSafely(text);
  const all = breaksOf(text);
  const end = Math.min(w.end, aheadTo);
  const atEnd = all - breaksBetween(w.bytes, end, aheadTo, aheadTo);
  const floor = Math.min(w.endFloor, end);
  const atFloor = atEnd - breaksBetween(w.bytes, floor, end, aheadTo);
  const atStart = breaksBetween(w.bytes, 0, Math.min(w.start, aheadTo), aheadTo);
  const at = (n: number) => Math.min(lines.length, n);
  // The lines that end with a line break (the last, after a final break, is not one).
  return { lines, joined, raw, aheadTo, atStart: at(atStart), atEnd: at(atEnd), atFloor: at(atFloor), complete: at(all) };
}

const shifted = (s: Span, by: number): Span => ({ startLine: s.startLine + by, endLine: s.endLine + by });

/**
 * `maxChunkChars`: the chunker's forced-cut size for the window's boundaries. `gateBytes`: the gate reads the
 * lines' masks off the window's bytes (MarkerGate.masksOf), for a browser, where TextEncoder.encodeInto (which
 * the gate calls on every line otherwise) costs several times what it costs in Node. The same findings either way.
 */
export type DecodeWindowOptions = { maxChunkChars?: number; gateBytes?: boolean };

/**
 * Decodes one window (see ByteWindow): the same on any thread. Never throws: a reader bug gives the window no
 * findings, as decode() would give none.
 */
export function decodeWindow(w: ByteWindow, catalog: Catalog, options: DecodeWindowOptions = {}): WindowResult {
  const maxChars = options.maxChunkChars ?? 4 * DEFAULT_CHUNK_CHARS;
  const full = w.bytes.length;
  // First with a short lookahead; the whole of it only when no boundary comes within the short one.
  let cuts = linesOf(w, w.final ? full : Math.min(full, w.end + NEAR_AHEAD));
  let endAt: number | null = w.final ? cuts.lines.length : firstBoundary(cuts.lines, cuts.atEnd, cuts.atFloor, maxChars);
  if (endAt === null && !w.final && full > w.end + NEAR_AHEAD) {
    cuts = linesOf(w, full);
    endAt = firstBoundary(cuts.lines, cuts.atEnd, cuts.atFloor, maxChars);
  }
  const { lines, joined, raw, aheadTo, atStart, atEnd, complete } = cuts;
  // No boundary within the lookahead: cut where it ends (the window after reads on from there).
  const end = endAt ?? complete;
  const from =
    w.fromLine !== undefined ? Math.min(lines.length, atStart + w.fromLine) : w.index === 0 ? 0 : (firstBoundary(lines, atStart, 0, maxChars) ?? atEnd);
  const begin = Math.min(from, end);
  const region = lines.slice(begin, end);
  const given: DiagnoseOptions = {};
  // The region's text, a slice of the window's when normalizing changed nothing (the JSON reader may need it whole).
  if (joined !== null && region.length > 0) {
    let from = 0;
    for (let k = 0; k < begin; k++) from += (lines[k]?.text.length ?? 0) + 1;
    let to = from - 1;
    for (const l of region) to += l.text.length + 1;
    given.joined = joined.slice(from, to);
  }
  // The lines' masks off their bytes, where the lines are the window's own, split at `\n` (see NormalizedText.raw).
  if (options.gateBytes === true && raw && region.length > 0) {
    // Where line `begin` starts: `begin - atStart` line breaks after B_k.
    let at = w.start;
    for (let k = atStart; k < begin && at >= 0; k++) {
      const nl = w.bytes.indexOf(NL, at);
      at = nl >= 0 && nl < aheadTo ? nl + 1 : -1;
    }
    if (at >= 0) {
      given.masks = { masks: new Int32Array(region.length), lengths: new Int32Array(region.length) };
      markerGate(READERS, catalog).masksOf(w.bytes, at, aheadTo, given.masks.masks, given.masks.lengths);
    }
  }
  // Spans count from B_k, its line 1.
  for (const l of region) l.no -= atStart;
  let findings: Finding[];
  try {
    findings = diagnoseLines(region, catalog, given);
  } catch {
    findings = [];
  }
  return { index: w.index, findings, startLine: begin - atStart, endLine: Math.max(0, end - atEnd), lines: atEnd - atStart };
}

/**
 * Merges window results given in text order into findings with the whole stream's line numbers. `again` reads a
 * window once more from a given line, when the one before it ended elsewhere than where it started.
 */
export function createWindowMerger(add: (f: Finding) => void) {
  let base = 1;
  let endLine: number | null = null;
  return {
    /** Whether this result can be merged as is (else: read its window again with `fromLine`). */
    fits: (r: WindowResult): boolean => endLine === null || r.startLine === endLine,
    /** The line its window must be read from so that it fits. */
    get fromLine(): number {
      return endLine ?? 0;
    },
    merge: (r: WindowResult): void => {
      for (const f of r.findings) {
        f.span = shifted(f.span, base - 1);
        f.spans = f.spans.map((s) => shifted(s, base - 1));
        if (f.retries) {
          // Its note tells its lines too.
          const at = f.notes.indexOf(retryNote(f.retries));
          f.retries = { ...f.retries, first: f.retries.first + base - 1, last: f.retries.last + base - 1 };
          if (at >= 0) f.notes[at] = retryNote(f.retries);
        }
        add(f);
      }
      endLine = r.endLine;
      base += r.lines;
    },
  };
}
