import type { Catalog, CatalogEntry } from '../../catalog/catalog-types';
import { FEW_WORDS_SPAN } from './marker-gate';
import { buildPhraseAutomaton, type PhraseAutomaton } from './phrase-automaton';
import type { Read, ReadContext, Reader } from './reader';

/**
 * What is left when no other reader read a line: a Resonate message quoted inside other text (after a log prefix,
 * in a sentence, its tail cut off), a line that holds only a code, and a pasted docs link in any of its forms
 * (`rn8.io/e/<code>`, `docs.resonatehq.io/…/errors#<code>`, `…/reference/error-codes#<code>`).
 *
 * The catalog's messages (and the longest literal run of its patterns) are compiled once into one automaton
 * (phrase-automaton.ts), so a line costs one pass over its characters, whatever the size of the catalog.
 */

/** A catalog text that identifies its entry wherever it appears. */
type Phrase = { text: string; words: number; entry: CatalogEntry; re: RegExp | null; isPrefix: boolean; generic: boolean };
type FragmentIndex = {
  phrases: Phrase[];
  automaton: PhraseAutomaton;
  byCode: Map<string, CatalogEntry[]>;
};

/** Lines longer than this are read on their first part only (a minified bundle, a base64 blob); the gate's fewWordChars counts as far. */
const MAX_LINE = FEW_WORDS_SPAN;
/** A phrase must say this much to identify an error inside someone else's text. */
const MIN_PHRASE = 14;
/** What any HTTP stack or product could print: never a Resonate error by itself. */
const GENERIC =
  /^(?:internal server error|service unavailable|bad gateway|gateway timeout|not found|too many requests|method not allowed|bad request|unauthorized|forbidden|request timeout|connection refused|conflict|payload too large|the request is (?:forbidden|invalid|unauthorized))\.?$/;

const wordCount = (t: string): number => t.trim().split(/\s+/).length;
/** Space, tab, `.` and `…`: trailing ones do not count as the end of a cut-off message. */
const SPACE_OR_DOTS = new Set([32, 9, 46, 0x2026]);
/** A cut-off message is recognized from this many of its first characters on. */
const CUT_KEY = 16;

/**
 * Exception classes of the languages and their HTTP libraries: an entry that is one of these with a given text
 * (Python's `Object of type X is not JSON serializable`) is Resonate's only where the line says Resonate.
 */
const GENERIC_NAME =
  /^(?:[\w.]*\.)?(?:TypeError|ValueError|KeyError|RuntimeError|AttributeError|Exception|Error|AssertionError|OSError|ConnectionError|ConnectionRefusedError|TimeoutError|RangeError|SyntaxError|ReferenceError|IndexError|NotImplementedError|RecursionError|JSONDecodeError|HTTPError|ClientResponseError|FetchError|AbortError|CancelledError|PicklingError|UnicodeDecodeError)$/;


/**
 * The longest run of literal text in a pattern: what every text the pattern matches contains (or, for a run inside
 * an alternative, what one of its forms contains). A character followed by a quantifier is not part of a run.
 */
export function longestLiteral(pattern: string): { text: string; atStart: boolean } {
  let best = '';
  let bestAtStart = false;
  let run = '';
  let runAtStart = true;
  let depth = 0;
  let inClass = false;
  const flush = (next: string | undefined) => {
    let r = run;
    if (next !== undefined && '?*+{'.includes(next)) r = r.slice(0, -1);
    if (r.length > best.length) {
      best = r;
      bestAtStart = runAtStart && depth === 0;
    }
    run = '';
    runAtStart = false;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    if (c === '^' && i === 0) continue;
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      if (/[.\\/()[\]{}?*+|^$'"`:,;!#%&=<>@~ -]/.test(n)) {
        run += n;
        i++;
        if ('?*+{'.includes(pattern[i + 1] ?? '')) flush(pattern[i + 1]);
        continue;
      }
      flush(undefined);
      i++;
      continue;
    }
    if ('()[]{}?*+|^$.'.includes(c)) {
      flush(c);
      if (c === '(') depth++;
      if (c === ')') depth = Math.max(0, depth - 1);
      if (c === '[') inClass = true;
      if (c === '(' && pattern[i + 1] === '?') {
        // (?: (?<name> (?= (?! (?<= (?<!: skip the group's syntax.
        const m = /^\?(?::|<[A-Za-z_]\w*>|=|!|<=|<!)/.exec(pattern.slice(i + 1));
        if (m) i += m[0].length;
      }
      continue;
    }
    run += c;
  }
  flush(undefined);
  return { text: best, atStart: bestAtStart };
}

/** A pattern without its anchors, to find it inside a longer line. */
function unanchored(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern.replace(/(^|\|)\^/g, '$1').replace(/(?<!\\)\$(?=\||$)/g, ''));
  } catch {
    return null;
  }
}

function qualifies(text: string): boolean {
  const t = text.trim();
  if (t.length < MIN_PHRASE || !/\S\s+\S/.test(t)) return false;
  if (GENERIC.test(t.toLowerCase())) return false;
  // Three words, or two long ones ("Registry. Function" is not enough, "ResonateTimeoutError raised" is).
  return t.split(/\s+/).length >= 3 || t.length >= 20;
}

const indexCache = new WeakMap<Catalog, FragmentIndex>();

export function fragmentIndex(catalog: Catalog): FragmentIndex {
  const cached = indexCache.get(catalog);
  if (cached) return cached;
  const phrases: Phrase[] = [];
  const byCode = new Map<string, CatalogEntry[]>();
  for (const entry of catalog.entries) {
    if (entry.source === 'unknown' || entry.notError) continue;
    if (entry.code !== null) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
    if (entry.match.fallback) continue;
    const m = entry.match;
    const generic = m.names !== undefined && m.names.every((n) => GENERIC_NAME.test(n));
    if (m.message !== undefined) {
      if (qualifies(m.message)) phrases.push({ text: m.message.trim(), words: wordCount(m.message), entry, re: null, isPrefix: true, generic });
    } else if (m.pattern !== undefined) {
      const lit = longestLiteral(m.pattern);
      if (qualifies(lit.text)) phrases.push({ text: lit.text.trim(), words: wordCount(lit.text), entry, re: unanchored(m.pattern), isPrefix: lit.atStart, generic });
    }
  }
  // Of two entries with one text, the real server's and the legacy server's come before the SDKs' in-memory models'.
  phrases.sort((a, b) => Number(a.entry.id.includes('.local.')) - Number(b.entry.id.includes('.local.')));
  const automaton = buildPhraseAutomaton(
    phrases.map((p) => p.text),
    (i) => phrases[i]?.isPrefix === true,
  );
  const index = { phrases, automaton, byCode };
  indexCache.set(catalog, index);
  return index;
}

/** Docs links of every era: rn8.io/e/<code> (TS SDK 0.8+, server), docs.resonatehq.io/{operate,debug}/errors#, …/reference/error-codes#, …/resonate/error-codes#. */
const DOCS_LINK = /\b(?:rn8\.io\/e\/|docs\.resonatehq\.io\/(?:[\w-]+\/)*?(?:errors|error-codes)#)(?<code>\d{2,5}(?:\.\d{5})?)\b/;
/** A line that is only a code, or says `error code N` (no more than a short sentence). */
const CODE_ONLY = /^\W*(?:(?:resonate\s+)?(?:error|code|error\s+code|status\s+code)\s*[:#=]?\s*)?\[?(?<code>\d{4,5}|100\.\d{5}|STORE_[A-Z_]+)\]?\W*$/i;
const CODE_IN_SHORT_LINE = /\b(?:error\s+)?code\s*[:#=]?\s*["'[]?(?<code>\d{4,5}|100\.\d{5}|STORE_[A-Z_]+)\b/i;

/** The entries of a code a docs link or a code-only line names: legacy 5-digit codes, the TS SDK's 11NN, Python's 100.NNNNN. */
function codeEntries(index: FragmentIndex, code: string): CatalogEntry[] {
  const all = index.byCode.get(code) ?? [];
  // 3-digit codes are HTTP statuses, not docs codes; numbers that only the Python 0.3 era's status-like codes share are left out.
  return all.filter((e) => e.source !== 'server' && !(e.source === 'python-sdk' && /^\d{3}$/.test(code)));
}

/**
 * The catalog entries of a code as users see it (`1102`, `40400`, `100.40400`, or an HTTP status such as `404`),
 * for links that name a code (`#/e/<code>`): the entries a docs link to the code means, or for an HTTP status every
 * entry with that status code; specific entries before the code's generic ones.
 */
export function entriesForCode(catalog: Catalog, code: string): CatalogEntry[] {
  const index = fragmentIndex(catalog);
  // An HTTP status is every product's code (the server's envelopes, the legacy server's pages); others as a docs link reads them.
  const all = /^\d{3}$/.test(code) ? (index.byCode.get(code) ?? []) : codeEntries(index, code);
  return [...all.filter((e) => !e.match.fallback), ...all.filter((e) => e.match.fallback)];
}

/** The code a docs link names, in any of the forms the reader knows (`rn8.io/e/1102`, `…/errors#40400`), or null. */
export function docsLinkCode(text: string): string | null {
  return DOCS_LINK.exec(text)?.groups?.code ?? null;
}

/** Verdicts from the most careful to the least. */
const CAREFUL = ['never', 'after-fix', 'with-backoff', 'safe'];

function readCode(ctx: ReadContext, i: number, code: string, how: 'link' | 'code', linkText: string): Read | null {
  const entries = codeEntries(fragmentIndex(ctx.catalog), code);
  const known = entries[0];
  const span = { startLine: ctx.no(i), endLine: ctx.no(i) };
  const source = known?.source ?? (how === 'link' ? (/^11\d\d$/.test(code) ? 'ts-sdk' : /^\d{5}$/.test(code) ? 'legacy-server' : null) : null);
  if (!source) return null;
  const notes: string[] = [];
  // One code, several meanings (40300: already resolved in one era, forbidden in another): the most careful
  // verdict stands, and the card says what would tell them apart.
  const meanings = entries.filter((e) => !e.match.fallback && e.source === source);
  let hint: string | undefined;
  if (meanings.length > 1 && new Set(meanings.map((e) => e.title)).size > 1) {
    // The code's own generic entry when it has one (1199 "server error"), else the most careful meaning.
    const generic = entries.find((e) => e.match.fallback && e.source === source);
    const careful = [...meanings].sort((a, b) => CAREFUL.indexOf(a.retry.verdict) - CAREFUL.indexOf(b.retry.verdict))[0];
    hint = (generic ?? careful)?.id;
    notes.push(`Code ${code} has ${meanings.length} meanings: ${meanings.map((e) => `${e.title} (${e.retry.verdict})`).join('; ')}. The message or the details of the error tell them apart.`);
  }
  const note =
    how === 'link'
      ? `Read from a docs link (${linkText}): the link names the code, not the message or the request; paste the whole error for a sharper diagnosis.`
      : 'Read from a code on its own: paste the whole error (its message and details) for a sharper diagnosis.';
  // The legacy server's HTTP status is its code's first three digits (legacy-server.md).
  const status = source === 'legacy-server' && /^\d{5}$/.test(code) ? Math.floor(Number(code) / 100) : null;
  return { source, code, status, kind: null, message: null, name: null, fragment: true, exactCode: true, notes: [note, ...notes], ...(hint ? { hint } : {}), span };
}

const RESONATE = /resonate|rn8\.io/i;

/** The text at [at, at+length) is set off from the words around it: quoted, bracketed, or ending the line or a clause. */
function standsAlone(line: string, at: number, length: number): boolean {
  const before = line.slice(Math.max(0, at - 2), at);
  const after = line.slice(at + length, at + length + 2);
  return /^\s*$|[:"'`([{>]\s*$/.test(before) && /^(?:$|\s*$|["'`)\]}.,;!:]|\s+[-—(])/.test(after);
}

/** The phrase of the longest catalog text found in the line (whole, or cut off at the line's end). */
function findPhrase(index: FragmentIndex, line: string): { phrase: Phrase; at: number; cut: boolean } | null {
  let end = line.length;
  while (end > 0 && SPACE_OR_DOTS.has(line.charCodeAt(end - 1))) end--;
  const scan = index.automaton.scan(line, end);
  let best: { phrase: Phrase; at: number; cut: boolean } | null = null;
  for (const hit of scan.found) {
    const p = index.phrases[hit.phrase];
    if (!p || (best && p.text.length <= best.phrase.text.length)) continue;
    const { at } = hit;
    // A short phrase counts as written (capitals and all), and quoted or where the line speaks of Resonate
    // ("Promise already exists for this customer" is another product's sentence); a long one wherever it is.
    if (p.words < 4 && !(line.startsWith(p.text, at) && (standsAlone(line, at, p.text.length) || RESONATE.test(line)))) continue;
    if (p.generic && !RESONATE.test(line)) continue;
    best = { phrase: p, at, cut: false };
  }
  if (best) return best;
  // Cut off: the line ends inside a catalog message that it starts (`… The specified promise was not fou`).
  const open = scan.tail;
  const p = index.phrases[open.phrase];
  if (!p || open.length < CUT_KEY || open.length < p.text.length / 2 || open.length >= p.text.length) return null;
  const at = end - open.length;
  return /\s/.test(line.slice(at, end)) ? { phrase: p, at, cut: true } : null;
}

function readPhrase(ctx: ReadContext, i: number, line: string): Read | null {
  const index = fragmentIndex(ctx.catalog);
  const hit = findPhrase(index, line);
  if (!hit) return null;
  const { phrase, at, cut } = hit;
  const span = { startLine: ctx.no(i), endLine: ctx.no(i) };
  let message: string | null = null;
  if (!cut && phrase.re) {
    // The whole message as the pattern reads it, looked for near the phrase only (bounded work on long lines);
    // the phrase without the rest of its pattern is someone else's text ("failed to bind to 0.0.0.0:8080:…").
    const from = Math.max(0, at - 300);
    const m = phrase.re.exec(line.slice(from, at + phrase.text.length + 300));
    if (!m) return null;
    message = m[0].trim();
  } else if (!cut) message = phrase.text;
  const e = phrase.entry;
  const note = cut
    ? `Read from a message cut off in the paste ("${line.slice(at).trim()}"): it reads as the start of "${phrase.text}". Paste the whole error for a sharper diagnosis.`
    : 'Read from a message quoted inside other text: the paste does not hold the whole error (its class, code or request); paste it for a sharper diagnosis.';
  return {
    source: e.source,
    code: null,
    status: null,
    kind: null,
    message: message ?? phrase.text,
    name: null,
    hint: e.id,
    fragment: true,
    notes: [note],
    span,
  };
}

/** Known messages inside other text, cut-off messages, code-only lines and docs links. */
export const fragmentsReader: Reader = {
  name: 'fragments',
  markers: {
    texts: (catalog) => [
      // A phrase, whole or cut off after CUT_KEY characters or more, holds its first CUT_KEY characters.
      ...fragmentIndex(catalog).phrases.map((p) => p.text.slice(0, CUT_KEY)),
      // DOCS_LINK's literal tests; CODE_IN_SHORT_LINE's `code`, CODE_ONLY's `STORE_` codes.
      'rn8.io/e/',
      'docs.resonatehq.io/',
      'code',
      'STORE_',
    ],
    // CODE_ONLY's other lines: `resonate status code` (18 word characters) and a code of at most 8 digits.
    fewWordChars: 26,
  },
  start: (ctx) => ({
    read: (i, text) => {
      const line = text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
      const link = line.includes('rn8.io/e/') || line.includes('docs.resonatehq.io/') ? DOCS_LINK.exec(line) : null;
      if (link?.groups?.code) {
        // A message beside the link says more than the link.
        const raw = readPhrase(ctx, i, line) ?? readCode(ctx, i, link.groups.code, 'link', link[0]);
        return raw ? { raws: [raw], end: i } : null;
      }
      const trimmed = line.trim();
      const code = trimmed.length <= 80 ? (CODE_ONLY.exec(trimmed) ?? CODE_IN_SHORT_LINE.exec(trimmed)) : null;
      if (code?.groups?.code) {
        // A code on its own counts only when the catalog knows it (readCode gives nothing otherwise).
        const raw = readCode(ctx, i, code.groups.code, 'code', '');
        if (raw) return { raws: [raw], end: i };
      }
      const raw = readPhrase(ctx, i, line);
      return raw ? { raws: [raw], end: i } : null;
    },
  }),
};
