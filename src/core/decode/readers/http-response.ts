import type { Line } from '../raw';
import { plainBodyIndex } from './plain-body';
import type { Reader } from './reader';

const HTTP_STATUS_LINE = /^(?:[<>]\s*)?HTTP\/[\d.]+ (?<status>\d{3})\b/;
const HEADER_LINE = /^(?:[<>]\s*)?(?<name>[A-Za-z][\w-]*): (?<value>.*)$/;

/** An HTTP response's head (`curl -i`, `curl -v`): its status, the Go server's `Resonate-Version` header, and where the body starts. */
export type HttpHead = { status: number; serverVersion?: string; bodyLine: number };

/** The response head whose status line is line i, or null. */
export function readHttpHead(lines: Line[], i: number): HttpHead | null {
  const t = lines[i]?.text ?? '';
  if (!t.includes('HTTP/')) return null;
  const m = HTTP_STATUS_LINE.exec(t);
  if (!m?.groups) return null;
  const head: HttpHead = { status: Number(m.groups.status), bodyLine: i + 1 };
  let k = i + 1;
  for (; k < lines.length; k++) {
    const h = HEADER_LINE.exec(lines[k]?.text ?? '');
    if (!h?.groups) break;
    if (/^resonate-version$/i.test(h.groups.name ?? '')) head.serverVersion = h.groups.value;
  }
  while (k < lines.length && (lines[k]?.text.trim() ?? '') === '') k++;
  head.bodyLine = k;
  return head;
}

/**
 * An HTTP status line and, for an error status, the plain-text body after its headers (e.g. /poll's 503 or gin's
 * "404 page not found"). A JSON body is left to the JSON reader, which remembers the status line itself.
 */
export const httpResponseReader: Reader = {
  name: 'http-response',
  // readHttpHead()'s literal test.
  markers: { texts: ['HTTP/'] },
  start: (ctx) => {
    const plainMessages = plainBodyIndex(ctx.catalog);
    const { lines } = ctx;
    return {
      read: (i) => {
        const head = readHttpHead(lines, i);
        if (!head) return null;
        const k = head.bodyLine;
        const body = (lines[k]?.text ?? '').replace(/^[<>*]\s?/, '').trim();
        if (body === '' || body.startsWith('{') || body.startsWith('[') || HTTP_STATUS_LINE.test(body) || head.status < 300) return { raws: [], end: i };
        const bodyLines = [body];
        let e = k + 1;
        while (e < lines.length && (lines[e]?.text.trim() ?? '') !== '' && e < k + 20) {
          bodyLines.push(lines[e]?.text ?? '');
          e++;
        }
        const message = bodyLines.join('\n').trim();
        // A body the catalog knows by its text says which server wrote it (gin's "404 page not found" is the Go server's).
        const known = plainMessages.get(message);
        const raw = {
          source: known?.source ?? (head.serverVersion ? 'legacy-server' : 'server'),
          code: String(head.status),
          status: head.status,
          kind: null,
          message,
          name: null,
          span: { startLine: ctx.no(i), endLine: ctx.no(e - 1) },
        } as const;
        return { raws: [raw], end: e - 1 };
      },
    };
  },
};
