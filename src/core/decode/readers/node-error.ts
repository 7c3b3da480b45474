import { readJsError } from '../javascript';
import type { Reader } from './reader';

/** TS SDK 0.7–0.8.2 print the real failure on the line before the error they throw (console.error in src/network/remote.ts). */
const REQUEST_FAILED = /\bRequest failed: (?<what>.+)$/;
/** The operation and corrId of a TS 0.10+ JSON log line (`"kind":"promise.get","corr_id":"…"`). */
const LOGGED_KIND = /"kind":"(?<kind>[a-z_]+\.[a-z_]+)"/;
const LOGGED_CORR = /"corr_id":"(?<id>[^"]{1,128})"/;
/** How far before the error's first line that line may stand (a retry line or two can sit between). */
const CONTEXT_LINES = 12;

/**
 * A Node/TypeScript error in any header variant, with its frames, property block, `[cause]` and `Node.js vX`
 * footer. A `Request failed: …` line shortly before it is carried in the finding's details: it tells which real
 * failure a release's generic message (`Promise '<id>' not found`, `not implemented`) hides.
 */
export const nodeErrorReader: Reader = {
  name: 'node-error',
  markers: {
    texts: [
      // readJsError() starts on node's `file.js:LINE` line (NODE_LOC) or on a header (headerAt: RESONATE_HDR, TIMEOUT_HDR, JS_HDR).
      '.js:', '.mjs:', '.cjs:', '.ts:', '.mts:', '.cts:',
      'ResonateError', 'ResonateTimeoutException', 'Error: ', 'Exception: ', 'Error [', 'Exception [',
      // see(): REQUEST_FAILED and the logged operation.
      'Request failed: ', '"kind":"',
    ],
  },
  start: (ctx) => {
    let requestFailed: { line: number; text: string } | null = null;
    let logged: { line: number; kind: string; corrId: string | null } | null = null;
    return {
      see: (i, t) => {
        const m = t.includes('Request failed: ') ? REQUEST_FAILED.exec(t) : null;
        if (m?.groups?.what) requestFailed = { line: i, text: `Request failed: ${m.groups.what.trim()}` };
        // TS 0.10+ logs the failing operation as a JSON line before it throws (src/network/http.ts@v0.10.2).
        const k = t.includes('"kind":"') && t.includes('"corr_id":"') && t.includes('"level":"') ? LOGGED_KIND.exec(t) : null;
        if (k?.groups?.kind) logged = { line: i, kind: k.groups.kind, corrId: LOGGED_CORR.exec(t)?.groups?.id ?? null };
      },
      read: (i) => {
        const block = readJsError(ctx.lines, i);
        if (!block) return null;
        const raw = block.raw;
        if (requestFailed && requestFailed.line < i && i - requestFailed.line <= CONTEXT_LINES && raw.source === 'ts-sdk') {
          raw.details = [...(raw.details ?? []), requestFailed.text];
          // `Request failed: Error: HTTP 403: Forbidden`: the server's answer, which the error after it hides.
          const status = /\bHTTP (\d{3})\b/.exec(requestFailed.text)?.[1];
          if (raw.status === null && status) raw.status = Number(status);
          raw.notes = [...(raw.notes ?? []), `The SDK printed \`${requestFailed.text}\` just before this error: that is the failure underneath it.`];
          requestFailed = null;
        }
        // Only the line right before the error (blank lines aside): the chunk splitter keeps exactly that pair together.
        let adjacent = logged !== null && logged.line < i;
        for (let k = (logged?.line ?? i) + 1; adjacent && k < i; k++) adjacent = (ctx.lines[k]?.text.trim() ?? '') === '';
        if (logged && adjacent && raw.source === 'ts-sdk' && raw.kind === null) {
          raw.kind = logged.kind;
          raw.corrId ??= logged.corrId;
          logged = null;
        }
        return { raws: [raw], end: block.end };
      },
    };
  },
};
