import type { Read, Reader } from './reader';

/**
 * A line of the Go (legacy) server's own log: log/slog's text handler, which cmd/serve sets up
 * (`time=2024-04-25T10:43:20.860-03:00 level=ERROR msg="failed to read promise" id=p1 err="database is locked"`,
 * cmd/serve/serve.go@v0.7.8, resonatehq/resonate-legacy-server), and slog's default logger before that
 * (`2024/04/25 10:43:20 ERROR failed to parse log level error=…`). Only WARN and ERROR lines are read.
 * Any Go program logs this way: a line counts only when the catalog knows its message (an echo otherwise).
 */
const TEXT_HANDLER = /^(?:\S+\s+)?time=\S+ level=(?<level>ERROR|WARN) msg=(?<rest>.*)$/;
const DEFAULT_LOGGER = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? (?<level>ERROR|WARN) (?<rest>.*)$/;

/** One slog value: Go-quoted (strconv.Quote) or bare up to the next space. Returns the value and where it ended. */
function readValue(s: string, at: number): { value: string; end: number } {
  if (s[at] !== '"') {
    const sp = s.indexOf(' ', at);
    const end = sp < 0 ? s.length : sp;
    return { value: s.slice(at, end), end };
  }
  let out = '';
  let i = at + 1;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const n = s[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
    } else if (c === '"') return { value: out, end: i + 1 };
    else out += c;
  }
  return { value: out, end: i };
}

/** The message and the `key=value` attributes after it. */
export function readSlog(rest: string, quotedMessage: boolean): { message: string; attrs: Record<string, string> } {
  const attrs: Record<string, string> = {};
  let message: string;
  let i: number;
  if (quotedMessage) {
    const v = readValue(rest, 0);
    message = v.value;
    i = v.end;
  } else {
    // The default logger prints the message bare: it ends where the first ` key=` starts.
    const at = rest.search(/ [A-Za-z_][\w.]*=/);
    message = at < 0 ? rest : rest.slice(0, at);
    i = at < 0 ? rest.length : at;
  }
  // At most 32 attributes: the line is bounded work.
  for (let n = 0; n < 32 && i < rest.length; n++) {
    while (rest[i] === ' ') i++;
    const eq = rest.indexOf('=', i);
    if (eq < 0) break;
    const key = rest.slice(i, eq);
    if (!/^[A-Za-z_][\w.]*$/.test(key)) break;
    const v = readValue(rest, eq + 1);
    attrs[key] = v.value;
    i = v.end;
  }
  return { message: message.trim(), attrs };
}

export const goServerLogReader: Reader = {
  name: 'go-server-log',
  markers: { texts: ['ERROR', 'WARN'] },
  start: (ctx) => ({
    read: (i, t) => {
      if (!t.includes('ERROR') && !t.includes('WARN')) return null;
      const text = t.includes('level=') ? TEXT_HANDLER.exec(t) : null;
      const plain = text ? null : DEFAULT_LOGGER.exec(t);
      const m = text ?? plain;
      if (!m?.groups?.rest) return null;
      const { message, attrs } = readSlog(m.groups.rest, text !== null);
      const err = attrs.err ?? attrs.error;
      const kind = /\bKind:(\w+)/.exec(attrs.req ?? '')?.[1];
      const notes = [`Read from the Go server's log (${m.groups.level ?? 'ERROR'} ${message}).`];
      if (err) notes.push(`error: ${err}`);
      if (kind) notes.push(`The request was the Go server's ${kind}.`);
      const raw: Read = {
        source: 'legacy-server',
        code: null,
        status: null,
        kind: null,
        message,
        name: null,
        knownOnly: true,
        versions: { server: 'go' },
        ...(attrs.id ? { ids: { promise: attrs.id } } : {}),
        ...(err ? { details: [err] } : {}),
        notes,
        span: { startLine: ctx.no(i), endLine: ctx.no(i) },
      };
      return { raws: [raw], end: i };
    },
  }),
};
