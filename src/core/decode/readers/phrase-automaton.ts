/**
 * An Aho–Corasick automaton over a fixed set of phrases, case-insensitive for ASCII letters: one pass over a line
 * finds every phrase in it, and the state it ends in is the longest tail of the line that starts a phrase (a message
 * cut off at the line's end). Linear in the line's length, whatever the number of phrases, and allocation-free
 * per character; the catalog's few hundred messages make a few thousand states.
 */

/** Characters are folded to 0..127: ASCII lower-cased, every other character one shared symbol. */
const ALPHABET = 128;
const OTHER = 127;

function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  return c < OTHER ? c : OTHER;
}

export type Hit = { phrase: number; at: number };
export type Scan = {
  /** The phrases found in the text (indices into the phrases given), each once, in order of first appearance. */
  found: readonly Hit[];
  /** The longest tail of text[0, tailEnd) that is the start of a phrase: its length and one phrase it starts (−1 when none). */
  tail: { length: number; phrase: number };
};

export type PhraseAutomaton = {
  /** One pass over `text`; `tailEnd` (default: its length) is where a cut-off phrase would have to end. */
  scan: (text: string, tailEnd?: number) => Scan;
};

/** The compiled automaton: a full transition table over folded symbols, and what each state holds. */
export type CompiledAutomaton = {
  /** table[state * ALPHABET + symbol]: the next state. */
  table: Int32Array;
  states: number;
  /** The failure link of each state (the longest proper tail of its path that is also a path of the trie). */
  fail: Int32Array;
  /** The length of each state's path. */
  depth: Int32Array;
  /** A phrase that may be cut whose start is this state's path, or −1. */
  starter: Int32Array;
  /** The phrases that end at each state (its own and, through the failure links, the shorter ones). */
  out: number[][];
};

/** Characters are folded to 0..ALPHABET−1 (fold()); exported for the scanners built on the compiled table. */
export { ALPHABET, fold };

/** Builds the Aho–Corasick automaton of the phrases (see buildPhraseAutomaton, and the decoder's marker gate). */
export function compileAutomaton(phrases: readonly string[], startsOf: (i: number) => boolean = () => true): CompiledAutomaton {
  // The trie: goto[state * ALPHABET + symbol], −1 for none.
  let capacity = 1024;
  let goto = new Int32Array(capacity * ALPHABET).fill(-1);
  let depth = new Int32Array(capacity);
  let starter = new Int32Array(capacity).fill(-1);
  const ends: number[][] = [[]];
  let states = 1;
  const grow = () => {
    const next = new Int32Array(capacity * 2 * ALPHABET).fill(-1);
    next.set(goto);
    goto = next;
    const d = new Int32Array(capacity * 2);
    d.set(depth);
    depth = d;
    const s = new Int32Array(capacity * 2).fill(-1);
    s.set(starter);
    starter = s;
    capacity *= 2;
  };
  phrases.forEach((p, i) => {
    let s = 0;
    for (let k = 0; k < p.length; k++) {
      const c = fold(p.charCodeAt(k));
      let t = goto[s * ALPHABET + c] ?? -1;
      if (t < 0) {
        if (states === capacity) grow();
        t = states++;
        goto[s * ALPHABET + c] = t;
        depth[t] = k + 1;
        ends.push([]);
      }
      s = t;
      if (startsOf(i) && (starter[s] ?? -1) < 0) starter[s] = i;
    }
    ends[s]?.push(i);
  });
  // Failure links, breadth first, turning the trie into a full transition table; outputs follow the links.
  const fail = new Int32Array(states);
  const out: number[][] = ends.map((e) => [...e]);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const t = goto[c] ?? -1;
    if (t < 0) goto[c] = 0;
    else {
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] ?? 0;
    const f = fail[s] ?? 0;
    const inherited = out[f] ?? [];
    if (inherited.length > 0) out[s] = [...(out[s] ?? []), ...inherited];
    for (let c = 0; c < ALPHABET; c++) {
      const t = goto[s * ALPHABET + c] ?? -1;
      if (t < 0) goto[s * ALPHABET + c] = goto[f * ALPHABET + c] ?? 0;
      else {
        fail[t] = goto[f * ALPHABET + c] ?? 0;
        queue.push(t);
      }
    }
  }
  return { table: goto.subarray(0, states * ALPHABET), states, fail, depth, starter, out };
}

export function buildPhraseAutomaton(phrases: readonly string[], startsOf: (i: number) => boolean = () => true): PhraseAutomaton {
  const { table, states, fail, depth, starter, out } = compileAutomaton(phrases, startsOf);
  const hasOut = new Uint8Array(states);
  for (let s = 0; s < states; s++) hasOut[s] = (out[s]?.length ?? 0) > 0 ? 1 : 0;

  const none: readonly Hit[] = [];
  const openAt = (state: number): Scan['tail'] => {
    // The state is the longest tail that is a path of the trie; the failure links lead down to one that starts a
    // phrase that may be cut.
    let s = state;
    while (s > 0 && (starter[s] ?? -1) < 0) s = fail[s] ?? 0;
    return s > 0 ? { length: depth[s] ?? 0, phrase: starter[s] ?? -1 } : { length: 0, phrase: -1 };
  };

  return {
    scan: (text, tailEnd = text.length) => {
      let found: Hit[] | null = null;
      let seen: Set<number> | null = null;
      let s = 0;
      let atTail = 0;
      for (let k = 0; k < text.length; k++) {
        s = table[s * ALPHABET + fold(text.charCodeAt(k))] ?? 0;
        if (k + 1 === tailEnd) atTail = s;
        if (hasOut[s] !== 1) continue;
        found ??= [];
        seen ??= new Set();
        for (const i of out[s] ?? []) {
          if (seen.has(i)) continue;
          seen.add(i);
          found.push({ phrase: i, at: k + 1 - (phrases[i]?.length ?? 0) });
        }
      }
      return { found: found ?? none, tail: tailEnd > 0 ? openAt(atTail) : { length: 0, phrase: -1 } };
    },
  };
}
