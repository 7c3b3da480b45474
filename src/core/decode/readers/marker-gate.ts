import type { Catalog } from '../../catalog/catalog-types';
import { ALPHABET, compileAutomaton, fold } from './phrase-automaton';
import type { Reader } from './reader';

/**
 * The decoder's prefilter: one pass over a line (an Aho–Corasick automaton over every reader's markers, see
 * Reader.markers) tells which readers can read it or learn from it; the others are not called. On a log that is
 * mostly noise (heartbeats, INFO lines) most lines reach no reader at all. A reader without markers sees every line.
 */
export type MarkerGate = {
  /** Bit k set: READERS[k] may read (or `see`) this line. */
  maskOf: (text: string) => number;
};

/** Word characters of the fewWordChars rule are counted in a line's first this many characters. */
export const FEW_WORDS_SPAN = 1000;

/** Markers are looked for by their first this many characters. */
const MARKER_CHARS = 10;

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

function buildGate(readers: readonly Reader[], catalog: Catalog): MarkerGate {
  if (readers.length > 30) throw new Error('the marker gate holds at most 30 readers');
  const texts: string[] = [];
  const owner: number[] = [];
  let always = 0;
  const few: Array<{ max: number; bit: number }> = [];
  readers.forEach((r, k) => {
    const m = r.markers;
    if (!m) {
      always |= 1 << k;
      return;
    }
    const list = typeof m.texts === 'function' ? m.texts(catalog) : m.texts;
    for (const t of list) {
      if (t.length === 0) {
        // An empty marker is in every line.
        always |= 1 << k;
        continue;
      }
      // A line holds a marker's whole text only if it holds its start: short markers keep the table small (cache-resident).
      texts.push(t.slice(0, MARKER_CHARS));
      owner.push(k);
    }
    if (m.fewWordChars !== undefined) few.push({ max: m.fewWordChars, bit: 1 << k });
  });
  const { table: folded, states, out } = compileAutomaton(texts);
  // The table by raw code unit (< 128; every other unit is the fold's shared symbol): upper-case columns repeat the
  // lower-case ones, so the scan does no folding of its own.
  const table = new Int32Array(states * ALPHABET);
  for (let s = 0; s < states; s++) for (let c = 0; c < ALPHABET; c++) table[s * ALPHABET + c] = folded[s * ALPHABET + fold(c)] ?? 0;
  const stateMask = new Int32Array(states);
  for (let s = 0; s < states; s++) for (const i of out[s] ?? []) stateMask[s] = (stateMask[s] ?? 0) | (1 << (owner[i] ?? 0));
  const maxFew = few.reduce((n, f) => Math.max(n, f.max), -1);
  const fewMask = few.reduce((m, f) => m | f.bit, 0);

  /** The word characters of the line's first FEW_WORDS_SPAN characters, counted up to `max + 1`. */
  const wordChars = (text: string, max: number): number => {
    let words = 0;
    const n = Math.min(text.length, FEW_WORDS_SPAN);
    for (let k = 0; k < n && words <= max; k++) {
      const c = text.charCodeAt(k);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) words++;
    }
    return words;
  };

  return {
    maskOf: (text) => {
      let s = 0;
      let mask = always;
      const n = text.length;
      for (let k = 0; k < n; k++) {
        const c = text.charCodeAt(k);
        s = table[(s << 7) | (c < 127 ? c : 127)] as number;
        mask |= stateMask[s] as number;
      }
      if ((mask & fewMask) !== fewMask) {
        const words = wordChars(text, maxFew);
        if (words <= maxFew) for (const f of few) if (words <= f.max) mask |= f.bit;
      }
      return mask;
    },
  };
}
