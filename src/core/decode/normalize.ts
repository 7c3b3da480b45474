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
export function normalizeLinesSafely(text: string): Line[] {
  try {
    return normalizeLines(text);
  } catch {
    return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, no: i + 1 }));
  }
}

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

/**
 * Splits a paste into lines (CRLF, CR), drops ANSI escapes and the per-line prefixes log collectors add,
 * keeping each line's number in the original text.
 */
export function normalizeLines(text: string): Line[] {
  const raw = stripAnsi(text).split(/\r\n|\r|\n/);
  const lines = raw.map((t, i) => ({ text: t, no: i + 1 }));
  for (const re of KNOWN_PREFIXES) stripIfCommon(lines, (t) => re.exec(t)?.[0] ?? null);
  stripIfCommon(lines, repeatedPrefix(lines));
  unquote(lines);
  return lines;
}

/** Markdown quotes (`> ` on each line of a GitHub comment's quoted block), in runs of two lines or more. */
function unquote(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && /^>(?: |$)/.test(lines[j]?.text ?? '')) j++;
    if (j - i >= 2) for (let k = i; k < j; k++) {
      const l = lines[k];
      if (l) l.text = l.text.replace(/^> ?/, '');
    }
    i = j > i ? j : i + 1;
  }
}

/** Removes a prefix from every line that has it, when most non-empty lines have one. */
function stripIfCommon(lines: Line[], prefixOf: ((t: string) => string | null) | null, share = 0.6): void {
  if (!prefixOf) return;
  let nonEmpty = 0;
  let withPrefix = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    nonEmpty++;
    if (prefixOf(l.text)) withPrefix++;
  }
  if (withPrefix < 2 || withPrefix < nonEmpty * share) return;
  for (const l of lines) {
    const p = prefixOf(l.text);
    if (p) l.text = l.text.slice(p.length);
  }
}

/**
 * A prefix of one or two words that starts most lines (e.g. `kubectl logs` "pod container "):
 * only when the rest of those lines does not start the same way by itself.
 */
function repeatedPrefix(lines: Line[]): ((t: string) => string | null) | null {
  const counts = new Map<string, number>();
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    nonEmpty++;
    // Kubernetes-style names: lower case, with a dash (pod names end in a hash), then an optional container name.
    const m = /^([a-z0-9][a-z0-9.]*(?:-[a-z0-9]+)+ (?:[a-z][a-z0-9-]* )?)(?=[{[A-Za-z])/.exec(l.text);
    if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [p, c] of counts) {
    if (c > bestCount) {
      best = p;
      bestCount = c;
    }
  }
  if (!best || bestCount < 2 || bestCount < nonEmpty * 0.6) return null;
  // A date is content, not a collector's prefix.
  if (/^\d{4}-\d{2}-\d{2}/.test(best)) return null;
  const prefix = best;
  return (t) => (t.startsWith(prefix) ? prefix : null);
}
