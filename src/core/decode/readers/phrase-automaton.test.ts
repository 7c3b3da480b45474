import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPhraseAutomaton } from './phrase-automaton';

/** The automaton's folding: ASCII lower-cased, every character from U+007F on one symbol. */
const fold = (t: string) => [...t].map((c) => (c.charCodeAt(0) >= 127 || c.length > 1 ? '\u007f'.repeat(c.length) : c.toLowerCase())).join('');

/** What the automaton must agree with: every phrase that occurs, and the longest tail that starts one. */
function naive(phrases: string[], text: string) {
  const t = fold(text);
  const found = phrases.flatMap((p, i) => (t.includes(fold(p)) ? [i] : []));
  let tail = 0;
  for (let n = Math.min(t.length, Math.max(0, ...phrases.map((p) => p.length))); n > 0 && tail === 0; n--) {
    if (phrases.some((p) => fold(p).startsWith(t.slice(t.length - n)))) tail = n;
  }
  return { found, tail };
}

describe('phrase automaton', () => {
  it('finds phrases whatever their case, with where they start, and a cut-off tail', () => {
    const a = buildPhraseAutomaton(['Promise not found', 'The specified promise was not found', 'not found']);
    const scan = a.scan('got: the SPECIFIED promise was not found');
    expect(scan.found.map((h) => h.phrase).sort()).toEqual([1, 2]);
    expect(scan.found.find((h) => h.phrase === 1)?.at).toBe(5);
    expect(a.scan('it said The specified promise was no').tail).toEqual({ length: 28, phrase: 1 });
    expect(a.scan('nothing here').found).toEqual([]);
  });

  it('only phrases that may be cut count for the tail', () => {
    const a = buildPhraseAutomaton(['Promise not found', 'is not registered'], (i) => i === 0);
    expect(a.scan('function x is not regis').tail.length).toBe(0);
    expect(a.scan('error: Promise not fo').tail).toEqual({ length: 14, phrase: 0 });
  });

  it('agrees with a naive search on any phrases and text (property)', () => {
    const word = fc.constantFrom('Promise', 'not', 'found', 'task', 'é', 'a', 'The', ' ', '—');
    const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 30 }), (phrases, ws) => {
        const text = ws.join(' ');
        const a = buildPhraseAutomaton(phrases);
        const scan = a.scan(text);
        const want = naive(phrases, text);
        expect(new Set(scan.found.map((h) => fold(phrases[h.phrase] ?? '')))).toEqual(new Set(want.found.map((i) => fold(phrases[i] ?? ''))));
        for (const h of scan.found) expect(fold(text).startsWith(fold(phrases[h.phrase] ?? ''), h.at)).toBe(true);
        expect(scan.tail.length).toBe(want.tail);
      }),
    );
  });
});
