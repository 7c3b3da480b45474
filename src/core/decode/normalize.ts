import type { Line } from './raw';

// CSI/OSC escape sequences (colours, cursor moves) as CI logs and `pytest --color=yes` print them.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Per-line prefixes that log collectors add in front of what the program printed. */
const KNOWN_PREFIXES: RegExp[] = [
  // GitHub Actions / Azure: 2025-11-25T10:15:02.1234567Z
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z /,
  // docker compose: "worker-1  | "
  /^[A-Za-z0-9][\w.-]*(?:[-_]\d+)?\s+\| ?/,
  // kubectl logs --prefix: "[pod/name/container] "
  /^\[pod\/[^\]\s]+\] /,
];

/**
 * normalizeLines, with a last safety net for callers that must not throw (the chunked and streamed decoders):
 * should normalizing ever fail, the text's plain lines, numbered the same way, so nothing is lost.
 */
export function normalizeLinesSafely(text: string): NormalizedText {
  try {
    return normalizeText(text);
  } catch {
    return { lines: text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, no: i + 1 })), joined: null, raw: false };
  }
}

/**
 * A text's normalized lines; `joined`: the text itself when it is their texts joined by `\n` (nothing to normalize:
 * no ANSI code, `\r`, prefix or quote); `raw`: line k is the text's k-th line (split at `\n`: the text has no `\r`),
 * or that line without its ANSI codes or its Markdown quote (no collector's prefix was stripped, no escape code
 * spans lines).
 */
export type NormalizedText = { lines: Line[]; joined: string | null; raw: boolean };

/** Line breaks in a text, as normalizeLines splits at them (`\r\n`, `\r`, `\n`). */
export function breaksOf(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

const NOT_BLANK = /\S/;

/**
 * Splits a paste into lines (CRLF, CR), drops ANSI escapes and the per-line prefixes log collectors add,
 * keeping each line's number in the original text.
 */
export function normalizeLines(text: string): Line[] {
  return normalizeText(text).lines;
}

/** normalizeLines, telling also whether the lines are the text's own (see NormalizedText). */
export function normalizeText(text: string): NormalizedText {
  const stripped = stripAnsi(text);
  const cr = stripped.includes('\r');
  const raw = cr ? stripped.split(/\r\n|\r|\n/) : stripped.split('\n');
  const lines: Line[] = new Array<Line>(raw.length);
  for (let i = 0; i < raw.length; i++) lines[i] = { text: raw[i] ?? '', no: i + 1 };
  let blank = blanks(lines);
  let prefixed = false;
  for (const re of KNOWN_PREFIXES)
    if (stripIfCommon(lines, blank, (t) => re.exec(t)?.[0] ?? null)) {
      blank = blanks(lines);
      prefixed = true;
    }
  if (stripIfCommon(lines, blank, repeatedPrefix(lines, blank))) prefixed = true;
  const quoted = unquote(lines);
  const ansi = stripped !== text;
  return {
    lines,
    joined: cr || ansi || prefixed || quoted ? null : text,
    raw: !cr && !prefixed && (!ansi || breaksOf(stripped) === breaksOf(text)),
  };
}

/** Which lines are blank (whitespace only), and how many are not. */
function blanks(lines: Line[]): { blank: Uint8Array; nonEmpty: number } {
  const blank = new Uint8Array(lines.length);
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    if (NOT_BLANK.test(lines[i]?.text ?? '')) nonEmpty++;
    else blank[i] = 1;
  }
  return { blank, nonEmpty };
}

/** Markdown quotes (`> ` on each line of a GitHub comment's quoted block), in runs of two lines or more; says whether it found any. */
function unquote(lines: Line[]): boolean {
  const quoted = (t: string) => t.charCodeAt(0) === 62 && (t.length === 1 || t.charCodeAt(1) === 32);
  let any = false;
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && quoted(lines[j]?.text ?? '')) j++;
    if (j - i >= 2) {
      any = true;
      for (let k = i; k < j; k++) {
        const l = lines[k];
        if (l) l.text = l.text.replace(/^> ?/, '');
      }
    }
    i = j > i ? j : i + 1;
  }
  return any;
}

/**
 * Removes a prefix from every line that has it, when most non-empty lines have one; says whether it did. Stops
 * counting as soon as too many lines lack it.
 */
function stripIfCommon(lines: Line[], { blank, nonEmpty }: { blank: Uint8Array; nonEmpty: number }, prefixOf: ((t: string) => string | null) | null, share = 0.6): boolean {
  if (!prefixOf) return false;
  const needed = Math.max(2, nonEmpty * share);
  let misses = 0;
  for (let i = 0; i < lines.length; i++) {
    if (blank[i] === 1) continue;
    if (prefixOf(lines[i]?.text ?? '')) continue;
    if (nonEmpty - ++misses < needed) return false;
  }
  if (nonEmpty - misses < needed) return false;
  for (const l of lines) {
    const p = prefixOf(l.text);
    if (p) l.text = l.text.slice(p.length);
  }
  return true;
}

/**
 * A prefix of one or two words that starts most lines (e.g. `kubectl logs` "pod container "):
 * only when the rest of those lines does not start the same way by itself.
 */
function repeatedPrefix(lines: Line[], { blank, nonEmpty }: { blank: Uint8Array; nonEmpty: number }): ((t: string) => string | null) | null {
  const counts = new Map<string, number>();
  const needed = Math.max(2, nonEmpty * 0.6);
  let misses = 0;
  for (let i = 0; i < lines.length; i++) {
    if (blank[i] === 1) continue;
    // Kubernetes-style names: lower case, with a dash (pod names end in a hash), then an optional container name.
    const m = /^([a-z0-9][a-z0-9.]*(?:-[a-z0-9]+)+ (?:[a-z][a-z0-9-]* )?)(?=[{[A-Za-z])/.exec(lines[i]?.text ?? '');
    if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    else if (nonEmpty - ++misses < needed) return null;
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [p, c] of counts) {
    if (c > bestCount) {
      best = p;
      bestCount = c;
    }
  }
  if (!best || bestCount < needed) return null;
  // A date is content, not a collector's prefix.
  if (/^\d{4}-\d{2}-\d{2}/.test(best)) return null;
  const prefix = best;
  return (t) => (t.startsWith(prefix) ? prefix : null);
}
