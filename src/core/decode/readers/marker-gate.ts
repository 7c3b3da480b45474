import type { Catalog } from '../../catalog/catalog-types';
import { ALPHABET, compileAutomaton, fold } from './phrase-automaton';
import type { Reader } from './reader';

/**
 * The decoder's prefilter: one pass over a line (an Aho–Corasick automaton over every reader's markers, see
 * Reader.markers) tells which readers can read it or learn from it; the others are not called. On a log that is
 * mostly noise (heartbeats, INFO lines) most lines reach no reader at all. A reader without markers sees every line.
 * The pass sees every character of a log, at a few nanoseconds each: its table is compact (a row per state over
 * the few dozen classes of characters the markers use, not all 128) and a line of ASCII is read from its bytes.
 */
export type MarkerGate = {
  /** Bit k set: READERS[k] may read (or `see`) this line; bit hintBits[k] set: the line holds one of its hints. */
  maskOf: (text: string) => number;
  /**
   * The masks of `out.length` lines read off their UTF-8 bytes, from `from` (a line start) on, each ended by a `\n`
   * (the last also by `to`), into `out`, and their lengths in bytes into `lengths`: a window's lines with no call
   * per line (a browser's TextEncoder.encodeInto, which maskOf calls per line, costs several times Node's). A mask
   * is maskOf of the line's text where the line has as many bytes as its text has code units (its bytes are then
   * its characters, one for one); for any other line (a character past ASCII, an escape code normalizing
   * stripped), look its text up with maskOf.
   */
  masksOf: (bytes: Uint8Array, from: number, to: number, out: Int32Array, lengths: Int32Array) => void;
  /** By reader: the bit of its hints in a mask (past the readers' own bits), 0 for a reader without hints. */
  hintBits: readonly number[];
};

/** Word characters of the fewWordChars rule are counted in a line's first this many characters. */
export const FEW_WORDS_SPAN = 1000;

/**
 * Markers are looked for by their first this many characters: long enough that a phrase's start is seldom a
 * common word (`Connection to po…` cut at 10 is in every `urllib3.connectionpool` line), short enough for a small table.
 */
export const MARKER_CHARS = 16;

const cache = new WeakMap<Catalog, WeakMap<readonly Reader[], MarkerGate>>();

export function markerGate(readers: readonly Reader[], catalog: Catalog): MarkerGate {
  let byReaders = cache.get(catalog);
  if (!byReaders) {
    byReaders = new WeakMap();
    cache.set(catalog, byReaders);
  }
  const cached = byReaders.get(readers);
  if (cached) return cached;
  const gate = buildGate(readers, catalog);
  byReaders.set(readers, gate);
  return gate;
}

/** A reader's marker texts (static, or taken from the catalog); none for a reader without markers. */
export function markerTexts(reader: Reader, catalog: Catalog): readonly string[] {
  const m = reader.markers;
  if (!m) return [];
  return typeof m.texts === 'function' ? m.texts(catalog) : m.texts;
}

/** The bit of each reader's hints in a mask: after the readers' own bits, in reading order; 0 for a reader without hints. */
export function hintBitsOf(readers: readonly Reader[]): number[] {
  let next = readers.length;
  return readers.map((r) => (r.markers?.hints ? 1 << next++ : 0));
}

function buildGate(readers: readonly Reader[], catalog: Catalog): MarkerGate {
  const hintBits = hintBitsOf(readers);
  if (readers.length + hintBits.filter((b) => b !== 0).length > 30) throw new Error('the marker gate holds at most 30 readers and hints');
  const texts: string[] = [];
  // The bit each text sets.
  const owner: number[] = [];
  let always = 0;
  const few: Array<{ max: number; bit: number }> = [];
  const add = (list: readonly string[], bit: number) => {
    for (const t of list) {
      if (t.length === 0) {
        // An empty marker is in every line.
        always |= bit;
        continue;
      }
      // A line holds a marker's whole text only if it holds its start.
      texts.push(t.slice(0, MARKER_CHARS));
      owner.push(bit);
    }
  };
  readers.forEach((r, k) => {
    const m = r.markers;
    if (!m) {
      always |= 1 << k;
      return;
    }
    add(markerTexts(r, catalog), 1 << k);
    if (m.hints) add(m.hints, hintBits[k] ?? 0);
    if (m.fewWordChars !== undefined) few.push({ max: m.fewWordChars, bit: 1 << k });
  });
  const { table: folded, states, out } = compileAutomaton(texts);
  // The scan's table: characters by class (each folded character of a marker a class of its own, every other
  // character class 0), entries as the next state's row offset, and the states where a marker ends numbered last,
  // so that the scan looks a mask up only from `outFrom` on.
  // 256 entries: a byte past ASCII (read by masksOf where it stands for one character, U+FFFD) is in class 127's
  // class, as the scan puts any code unit past ASCII.
  const classOf = new Uint8Array(256);
  const symbols: number[] = [-1];
  for (const t of texts)
    for (let k = 0; k < t.length; k++) {
      const c = fold(t.charCodeAt(k));
      if (!symbols.includes(c)) {
        classOf[c] = symbols.length;
        symbols.push(c);
      }
    }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32] ?? 0;
  classOf.fill(classOf[127] ?? 0, 128);
  // Class 0 goes where any character of no marker goes (the folded table's column of one of them).
  symbols[0] = [...Array(128).keys()].find((c) => !symbols.includes(fold(c))) ?? 0;
  const stride = symbols.length;
  const endMask = new Int32Array(states);
  for (let s = 0; s < states; s++) for (const i of out[s] ?? []) endMask[s] = (endMask[s] ?? 0) | (owner[i] ?? 0);
  // Renumbered: the states without a mask first (the root among them, as 0), then those with one.
  const order = [...Array(states).keys()].sort((x, y) => Number(endMask[x] !== 0) - Number(endMask[y] !== 0) || x - y);
  const id = new Int32Array(states);
  order.forEach((s, k) => (id[s] = k));
  const firstOut = order.findIndex((s) => endMask[s] !== 0);
  const outFrom = (firstOut < 0 ? states : firstOut) * stride;
  const table = new Int32Array(states * stride);
  // By new number: the markers that end at that state.
  const maskOfState = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    const row = (id[s] ?? 0) * stride;
    maskOfState[id[s] ?? 0] = endMask[s] ?? 0;
    for (let k = 0; k < stride; k++) table[row + k] = (id[folded[s * ALPHABET + (symbols[k] ?? 0)] ?? 0] ?? 0) * stride;
  }
  const maxFew = few.reduce((n, f) => Math.max(n, f.max), -1);
  const fewMask = few.reduce((m, f) => m | f.bit, 0);
  const WORD = new Uint8Array(256);
  for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

  // A line of ASCII only is read from its bytes (TextEncoder.encodeInto into one scratch buffer: a typed array
  // reads two to three times faster than charCodeAt); any other line, or one longer than the buffer, by its code
  // units, through the same table.
  const encoder = new TextEncoder();
  const scratch = new Uint8Array(64 * 1024);
  /** The mask of the markers in the line; then, should a fewWordChars rule be open, its word characters (`[A-Za-z0-9_]`) counted. */
  const scan = (text: string): number => {
    const n = text.length;
    const bytes = scratch;
    let ascii = false;
    if (n <= bytes.length) {
      // Every code unit read and as many bytes written: ASCII only (a partial write of a longer text can write n bytes).
      const { read, written } = encoder.encodeInto(text, bytes);
      ascii = read === n && written === n;
    }
    let s = 0;
    let mask = always;
    if (ascii)
      for (let k = 0; k < n; k++) {
        s = table[s + (classOf[bytes[k] as number] as number)] as number;
        if (s >= outFrom) mask |= maskOfState[s / stride] as number;
      }
    else
      for (let k = 0; k < n; k++) {
        const c = text.charCodeAt(k);
        s = table[s + (classOf[c < 127 ? c : 127] as number)] as number;
        if (s >= outFrom) mask |= maskOfState[s / stride] as number;
      }
    if ((mask & fewMask) === fewMask) return mask;
    // The word characters of the line's first FEW_WORDS_SPAN characters, counted up to `maxFew + 1`.
    let words = 0;
    const span = Math.min(n, FEW_WORDS_SPAN);
    if (ascii) for (let k = 0; k < span && words <= maxFew; k++) words += WORD[bytes[k] as number] as number;
    else
      for (let k = 0; k < span && words <= maxFew; k++) {
        const c = text.charCodeAt(k);
        if (c < 128) words += WORD[c] as number;
      }
    if (words <= maxFew) for (const f of few) if (words <= f.max) mask |= f.bit;
    return mask;
  };

  const masksOf = (bytes: Uint8Array, from: number, to: number, out: Int32Array, lengths: Int32Array): void => {
    let k = from;
    for (let line = 0; line < out.length; line++) {
      const nl = k < to ? bytes.indexOf(10, k) : -1;
      const end = nl >= 0 && nl < to ? nl : to;
      const n = Math.max(0, end - k);
      lengths[line] = n;
      // The scan's ASCII loop again, over these bytes: one function for both, given the bytes, made the scan 4%
      // slower (its loop reads a buffer the closure holds).
      let s = 0;
      let mask = always;
      for (let c = k; c < end; c++) {
        s = table[s + (classOf[bytes[c] as number] as number)] as number;
        if (s >= outFrom) mask |= maskOfState[s / stride] as number;
      }
      if ((mask & fewMask) !== fewMask) {
        let words = 0;
        const span = k + Math.min(n, FEW_WORDS_SPAN);
        for (let c = k; c < span && words <= maxFew; c++) words += WORD[bytes[c] as number] as number;
        if (words <= maxFew) for (const f of few) if (words <= f.max) mask |= f.bit;
      }
      out[line] = mask;
      k = end + 1;
    }
  };

  return { maskOf: scan, masksOf, hintBits };
}
