import { interpretTraceback, readTraceback } from '../python';
import type { RawFinding } from '../raw';
import type { Reader } from './reader';

/**
 * resonate-sdk 0.3.x–0.4.x raise `ResonateError(msg, "STORE_NOT_FOUND", …)`: the code is a string enum, shown only in
 * the source line of the raising frame (src/resonate/errors.py:18-35@v0.4.12, stores/remote.py@v0.3.5/v0.4.12).
 */
const ENUM_CODE = /\bResonateError\([^)]*?,\s*["'](?<code>[A-Z][A-Z0-9_]+)["']/;
/** The exception line of a class in the SDK's own package (`resonate.errors.ResonateError: Not found`). */
const SDK_CLASS_LINE = /^resonate\.[\w.]*?(?<cls>\w+): /;
/** What each enum code meant on the remote store (the Go server's REST answer it stood for). */
const ENUM_STATUS: Record<string, number> = { STORE_NOT_FOUND: 404, STORE_FORBIDDEN: 403, STORE_ALREADY_EXISTS: 409, STORE_UNAUTHORIZED: 401, STORE_PAYLOAD: 400 };

/** A Python traceback with its chained exceptions (`During handling…`, `The above exception…`). */
export const pythonTracebackReader: Reader = {
  name: 'python-traceback',
  // readTraceback() starts only on its header (TB_HDR).
  markers: { texts: ['Traceback (most recent call last):'] },
  start: (ctx) => ({
    read: (i) => {
      const tb = readTraceback(ctx.lines, i);
      if (!tb) return null;
      const raw = interpretTraceback(tb, ctx.no(i), ctx.no(tb.end));
      // A traceback it cannot interpret leaves the line to the readers after it.
      return raw ? { raws: [withEnumCode(raw, ctx.lines.slice(i, tb.end + 1).map((l) => l.text))], end: tb.end } : null;
    },
  }),
};

/** The 0.3/0.4 string code, read off the raising frame's source line, and the SDK's own exception class as its source. */
function withEnumCode(raw: RawFinding, lines: string[]): RawFinding {
  if (raw.code !== null) return raw;
  let code: string | undefined;
  let sdkClass = false;
  let remote = false;
  for (const t of lines) {
    if (t.includes('ResonateError(')) code = ENUM_CODE.exec(t)?.groups?.code ?? code;
    if (t.includes('stores/remote.py')) remote = true;
    if (t.startsWith('resonate.') && SDK_CLASS_LINE.exec(t)?.groups?.cls === raw.name) sdkClass = true;
  }
  if (!code || raw.name !== 'ResonateError') return sdkClass && raw.source === 'unknown' ? { ...raw, source: 'python-sdk' } : raw;
  const status = remote ? (ENUM_STATUS[code] ?? null) : null;
  return {
    ...raw,
    source: 'python-sdk',
    code,
    status: raw.status ?? status,
    versions: { ...raw.versions, sdk: raw.versions?.sdk ?? 'resonate-sdk 0.3.x–0.4.x (string error codes)' },
  };
}
