import type { Read, Reader } from './reader';

/**
 * A line of the Rust server's own log: tracing-subscriber's default text format (src/main.rs:120-123@v0.9.5),
 * `2026-11-25T02:56:10.741123Z  WARN resonate::server: Request rejected kind=promise.get corr_id=c1 status=404`,
 * and the `Fatal: …` line it prints on stderr when start-up fails (src/main.rs:85-110@v0.9.5).
 * Only WARN and ERROR lines are read: INFO and DEBUG lines are the server working.
 */
const LOG_LINE = /^(?:\S+\s+)?(?<level>ERROR|WARN)\s+(?<target>resonate(?:::\w+)*):\s+(?<rest>.*)$/;
const FATAL = /^Fatal: (?<rest>.+)$/;
/**
 * The same lines reformatted by whatever collected them (a time but no level or target, columns padded:
 * `18:16:07.569 Request rejected  kind=promise.settle status=404`): recognized by the server's own wording.
 */
const BARE_LINE =
  /^(?:\S+\s+)?(?<rest>(?:Request rejected|Request failed with internal error|Invalid request(?: envelope)?:|Auth (?:rejected|forbidden):|Readiness check failed:|Poll connection rejected:|Serialization failure \(40001\)|Background timeout processing failed:|Failed to take outgoing messages:|HTTP push delivery rejected|Poll send failed:)[^=]*?\s[a-z_]+=.*)$/;
/** The start of the first `key=value` field after the message. */
const FIELD_START = /\s(?=[a-z_]+=)/;
const FIELD = /^(?<key>[a-z_]+)=(?<value>[\s\S]*)$/;
/** What a `Fatal:` line says when it is the server's own (the messages run_server returns, src/main.rs@v0.9.5). */
const FATAL_MESSAGES = /^(?:Failed to bind to |Failed to connect to Postgres: |Failed to initialize Postgres schema: |MySQL connection failed: |MySQL init failed: |Failed to open SQLite database: |Server error: |Failed to (?:read|parse) config)/;

/** The message and the fields of a log line's rest (field values may hold spaces: `error=missing field ...`). */
export function splitFields(rest: string): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const at = rest.search(FIELD_START);
  if (at < 0) return { message: rest.trim(), fields };
  const message = rest.slice(0, at).trim();
  for (const part of rest.slice(at + 1).split(FIELD_START)) {
    const m = FIELD.exec(part);
    if (m?.groups?.key) fields[m.groups.key] = (m.groups.value ?? '').trim().replace(/^"([\s\S]*)"$/, '$1');
  }
  return { message, fields };
}

/** The per-request outcome lines (src/server.rs:257-296@v0.9.5): the status and kind say it all, the text says nothing more. */
const OUTCOME = /^(?:Request rejected|Request failed with internal error)$/;

function rawOf(message: string, fields: Record<string, string>, line: number, level: string, target: string): Read {
  const status = /^\d{3}$/.test(fields.status ?? '') ? Number(fields.status) : null;
  const kind = fields.kind && /^[a-z_]+\.[a-z_]+$/.test(fields.kind) ? fields.kind : null;
  const notes = [level === 'log' ? `Read from the Rust server's log (${message}).` : `Read from the Rust server's log (${level} ${target}: ${message}).`];
  const outcome = OUTCOME.test(message);
  if (outcome) notes.push("The server's log names the operation and the status, not the message the client got: the client's own error (or the response) has it.");
  if (fields.error) notes.push(`error: ${fields.error}`);
  return {
    source: 'server',
    code: status !== null ? String(status) : null,
    status,
    kind,
    message: outcome ? null : message,
    name: null,
    corrId: fields.corr_id ?? null,
    versions: { server: 'Rust server (its log)' },
    ...(fields.error ? { details: [fields.error] } : {}),
    notes,
    span: { startLine: line, endLine: line },
  };
}

/** The Rust server's WARN/ERROR log lines and its `Fatal:` start-up line: a rejected request is a finding with its kind and status. */
export const rustServerLogReader: Reader = {
  name: 'rust-server-log',
  markers: {
    texts: [
      // LOG_LINE needs a level, FATAL its prefix.
      'WARN', 'ERROR', 'Fatal: ',
      // BARE_LINE's wordings.
      'Request rejected', 'Request failed with internal error', 'Invalid request', 'Auth rejected:', 'Auth forbidden:', 'Readiness check failed:',
      'Poll connection rejected:', 'Serialization failure (40001)', 'Background timeout processing failed:', 'Failed to take outgoing messages:',
      'HTTP push delivery rejected', 'Poll send failed:',
    ],
  },
  start: (ctx) => ({
    read: (i, t) => {
      if (t.includes('resonate')) {
        const m = t.includes('WARN') || t.includes('ERROR') ? LOG_LINE.exec(t) : null;
        if (m?.groups?.rest !== undefined) {
          const { message, fields } = splitFields(m.groups.rest);
          return { raws: [rawOf(message, fields, ctx.no(i), m.groups.level ?? 'ERROR', m.groups.target ?? 'resonate')], end: i };
        }
      }
      const bare = t.includes('=') ? BARE_LINE.exec(t) : null;
      if (bare?.groups?.rest) {
        const { message, fields } = splitFields(bare.groups.rest);
        return { raws: [rawOf(message, fields, ctx.no(i), 'log', 'resonate')], end: i };
      }
      const fatal = t.startsWith('Fatal: ') ? FATAL.exec(t) : null;
      if (fatal?.groups?.rest && FATAL_MESSAGES.test(fatal.groups.rest)) {
        return { raws: [rawOf(fatal.groups.rest.trim(), {}, ctx.no(i), 'Fatal', 'stderr')], end: i };
      }
      return null;
    },
  }),
};
