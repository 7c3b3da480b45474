import type { ChainLink, Frame, Versions, Wrapped } from './finding';
import type { Line, RawFinding } from './raw';

const TB_HDR = /^(\s*)Traceback \(most recent call last\):\s*$/;
const FRAME = /^\s*File "(?<file>[^"]+)", line (?<line>\d+)(?:, in (?<func>.+?))?\s*$/;
const CHAIN_CAUSE = /^\s*The above exception was the direct cause of the following exception:\s*$/;
const CHAIN_CONTEXT = /^\s*During handling of the above exception, another exception occurred:\s*$/;
const EXC_LINE = /^(?<type>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?::(?: (?<msg>.*))?)?$/;
/** A new log record or another reader's start: ends a multi-line exception message. */
const NEW_RECORD =
  /^(?:\d{4}-\d{2}-\d{2}[ T]\d|\[\d{4}-\d{2}-\d{2}|(?:INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL)\b|Networking\. |Traceback \(|[─━=]{5,}|_{3,} |E\s{2,}\S|\S+\.py:\d+: |\{\s*["'](?:kind|error|timestamp|level)["']\s*:)/;
const RESONATE_STR =
  /\b(?:resonate\.errors\.errors\.|resonate\.errors\.)?(?<cls>Resonate(?:Store|Canceled|Timedout|Shutdown)Error): \[(?<major>\d{3})\.(?<minor>\d{5})\] ?(?<mesg>.*)$|\b(?:resonate\.errors\.errors\.|resonate\.errors\.)?(?<cls2>Resonate(?:Store|Canceled|Timedout|Shutdown)Error): \[(?<short>\d{1,2}(?:\.\d{1,5})?)\] ?(?<mesg2>.*)$/;
const TUPLE = /^\((?<q>['"])(?<msg>[\s\S]*)\k<q>, (?<code>\d+)\)$/;
const RESONATE_REPR = /\b(?<cls>Resonate(?:Store|Canceled|Timedout|Shutdown)Error)\((?<q>['"])(?<mesg>(?:[^\\]|\\.)*?)\k<q>\)/;
const V07_ERROR = /\bresonate\.error\.(?<cls>\w+): (?<msg>.*)$/;
const HTTP_ERROR = /^(?<status>\d{3}) (?:Client|Server) Error: (?<reason>.*?) for url: (?<url>\S+)/;
const SDK_FRAME = /[\\/](?:site-packages|dist-packages)[\\/]resonate[\\/]|[\\/]resonate[\\/](?:stores|models|bridge\.py|resonate\.py|scheduler\.py|registry\.py|coroutine\.py|errors[\\/])|[\\/]src[\\/]resonate[\\/]/;
const LIBRARY_FRAME = /[\\/](?:site-packages|dist-packages)[\\/]|[\\/]lib[\\/]python\d[\d.]*[\\/]|[\\/]Lib[\\/]|^<frozen |^<string>/;

type Part = {
  frames: Frame[];
  type: string | null;
  message: string;
  details: unknown;
  startLine: number;
};

type Block = { parts: Part[]; end: number };

export function isLikelyException(type: string): boolean {
  const short = shortName(type);
  return /(?:Error|Exception|Interrupt|Exit|Warning|Timeout|Stop|Suspended|Canceled|Timedout)$/.test(short) || type.includes('.');
}

export function shortName(type: string): string {
  const i = type.lastIndexOf('.');
  return i >= 0 ? type.slice(i + 1) : type;
}

/** Reads a (possibly chained) traceback starting at line `i`; null when there is none. */
export function readTraceback(lines: Line[], i: number): Block | null {
  const first = lines[i];
  if (!first || !TB_HDR.test(first.text)) return null;
  const parts: Part[] = [];
  let j = i;
  for (;;) {
    const hdr = TB_HDR.exec(lines[j]?.text ?? '');
    if (!hdr) break;
    const base = hdr[1]?.length ?? 0;
    const startLine = lines[j]?.no ?? 0;
    j++;
    const frames: Frame[] = [];
    while (j < lines.length) {
      const t = lines[j]?.text ?? '';
      const f = FRAME.exec(t);
      if (f?.groups) {
        frames.push({ file: f.groups.file ?? '', line: Number(f.groups.line), func: f.groups.func ?? null });
        j++;
        continue;
      }
      if (t.trim() !== '' && indentOf(t) > base) {
        j++;
        continue;
      }
      // A log line of another thread printed in the middle of the frames: skip it when frames go on after it.
      if (t.trim() !== '' && !isExceptionLine(t.slice(base)) && nextFrameWithin(lines, j + 1, 3)) {
        j++;
        continue;
      }
      break;
    }
    const part: Part = { frames, type: null, message: '', details: undefined, startLine };
    const excText = (lines[j]?.text ?? '').slice(base);
    const exc = EXC_LINE.exec(excText);
    if (exc?.groups?.type && isLikelyException(exc.groups.type) && !TB_HDR.test(excText)) {
      part.type = exc.groups.type;
      const msg = [exc.groups.msg ?? ''];
      j++;
      j = readContinuation(lines, j, msg, part);
      part.message = msg.join('\n').trimEnd();
    }
    parts.push(part);
    // Chained exceptions: blank, separator, blank, Traceback…
    let k = j;
    while (k < lines.length && (lines[k]?.text.trim() ?? '') === '') k++;
    const sep = lines[k]?.text ?? '';
    if (!CHAIN_CAUSE.test(sep) && !CHAIN_CONTEXT.test(sep)) break;
    k++;
    while (k < lines.length && (lines[k]?.text.trim() ?? '') === '') k++;
    if (!TB_HDR.test(lines[k]?.text ?? '')) {
      j = k;
      break;
    }
    j = k;
  }
  return { parts, end: Math.max(i, j - 1) };
}

/** Collects the lines that continue an exception message: a details JSON block, or text up to a blank line. */
function readContinuation(lines: Line[], j: number, msg: string[], part: Part): number {
  const next = lines[j]?.text ?? '';
  if (/^\[\s*$/.test(next) || /^\{\s*$/.test(next)) {
    const close = next.trim() === '[' ? ']' : '}';
    let k = j + 1;
    while (k < lines.length && (lines[k]?.text ?? '') !== close) k++;
    if (k < lines.length) {
      const json = lines
        .slice(j, k + 1)
        .map((l) => l.text)
        .join('\n');
      try {
        part.details = JSON.parse(json);
        return k + 1;
      } catch {
        // not JSON: fall through and keep it as message text
      }
    }
  }
  while (j < lines.length) {
    const t = lines[j]?.text ?? '';
    if (t.trim() === '' || TB_HDR.test(t) || CHAIN_CAUSE.test(t) || CHAIN_CONTEXT.test(t) || NEW_RECORD.test(t)) break;
    msg.push(t);
    j++;
  }
  return j;
}

function isExceptionLine(t: string): boolean {
  const m = EXC_LINE.exec(t);
  return !!m?.groups?.type && isLikelyException(m.groups.type);
}

function nextFrameWithin(lines: Line[], from: number, n: number): boolean {
  for (let k = from; k < Math.min(lines.length, from + n); k++) if (FRAME.test(lines[k]?.text ?? '')) return true;
  return false;
}

function indentOf(t: string): number {
  return t.length - t.trimStart().length;
}

/** The user's own frame closest to the failure (Python prints the innermost frame last). */
export function pythonUserFrame(frames: Frame[]): Frame | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f && !LIBRARY_FRAME.test(f.file) && !SDK_FRAME.test(f.file)) return f;
  }
  return null;
}

export function pythonRuntime(frames: Frame[]): string | undefined {
  for (const f of frames) {
    const m = /python(3\.\d+)/.exec(f.file);
    if (m?.[1]) return `Python ${m[1]}`;
  }
  return undefined;
}

/** `[100.40400]` → "100.40400"; `[200.00000]` → "200". */
/**
 * The code's two parts: `[100.40400]` (0.5.4–0.6.x, `{code:09.5f}`), or 0.5.1–0.5.3's string codes `[30.40400]`,
 * `[30.0]`, `[20]` (resonate/errors/errors.py@v0.5.3: 10 validation, 20 shutdown, 30.<server code> store).
 */
function codeParts(g: Record<string, string | undefined>): { major: string; minor: string | null } {
  if (g.short !== undefined) {
    const [major = '0', minor] = g.short.split('.');
    return { major, minor: minor ?? null };
  }
  return { major: g.major ?? '100', minor: g.minor ?? '00000' };
}

export function pythonCode(major: string, minor: string | null): string {
  if (major === '100') return `${major}.${minor ?? '00000'}`;
  // 0.5.1–0.5.3 print the code as given: "30.40400", "30.0", "20".
  if (major.length <= 2) return minor === null ? major : `${major}.${minor}`;
  return String(Number(major));
}

/** The legacy server error a `100.NNNNN` store error wraps, when NNNNN is a server code. */
export function wrappedLegacy(major: string, minor: string | null, message: string | null): Wrapped | null {
  const n = Number(minor);
  if ((major !== '100' && major !== '30') || !(n >= 1000)) return null;
  if (n === 40399) return null; // the Python local store's own catch-all, no server code
  return { source: 'legacy-server', code: minor, status: Math.floor(n / 100), message };
}

function idsFromUrl(url: string | undefined): RawFinding['ids'] {
  if (!url) return {};
  const m = /\/(promises|tasks|schedules)\/(?:callback\/|subscribe\/)?([^/?#\s]+)/.exec(url);
  if (!m?.[2] || ['task', 'claim', 'complete', 'drop', 'heartbeat', 'callback', 'subscribe'].includes(m[2])) return {};
  const id = decodeURIComponent(m[2]);
  if (m[1] === 'promises') return { promise: id };
  if (m[1] === 'tasks') return { task: id };
  return { schedule: id };
}

function idsFromMessage(msg: string): RawFinding['ids'] {
  const p = /^Promise (\S+) (?:canceled|timedout)/.exec(msg);
  return p?.[1] ? { promise: p[1] } : {};
}

/** Turns a traceback block into a raw finding (the final exception, with its chain). */
export function interpretTraceback(block: Block, firstLine: number, lastLine: number): RawFinding | null {
  const { parts } = block;
  const last = [...parts].reverse().find((p) => p.type !== null);
  if (!last?.type) return null;
  const allFrames = parts.flatMap((p) => p.frames);
  const frames = last.frames.length > 0 ? last.frames : allFrames;
  const chain: ChainLink[] = parts
    .filter((p): p is Part & { type: string } => p.type !== null)
    .map((p) => ({ name: shortName(p.type), message: firstLineOf(p.message) }));
  const sdk = allFrames.some((f) => SDK_FRAME.test(f.file));
  const http = parts
    .map((p) => (p.type && /HTTPError$/.test(p.type) ? HTTP_ERROR.exec(p.message)?.groups : undefined))
    .find((g) => g !== undefined);
  const versions: Versions = {};
  const runtime = pythonRuntime(allFrames);
  if (runtime) versions.runtime = runtime;
  if (http?.url && /\/(promises|tasks|schedules|callbacks|subscriptions)\b/.test(http.url)) {
    versions.server = 'legacy REST API (Go server)';
  }
  const span = { startLine: firstLine, endLine: lastLine };
  const base = {
    frames,
    userFrame: pythonUserFrame(frames) ?? pythonUserFrame(allFrames),
    chain,
    span,
    versions,
  };
  const excLine = `${last.type}: ${last.message}`;
  const v06 = RESONATE_STR.exec(excLine.split('\n')[0] ?? '');
  if (v06?.groups) {
    const g = v06.groups;
    const { major, minor } = codeParts(g);
    const message = last.message.replace(/^\[\d{1,3}(?:\.\d{1,5})?\] ?/, '');
    versions.sdk = g.short !== undefined ? 'resonate-sdk 0.5.1–0.5.3 ([30.NNNNN] codes)' : 'resonate-sdk 0.5.4–0.6.x (resonate.errors)';
    const raw: RawFinding = {
      ...base,
      source: 'python-sdk',
      code: pythonCode(major, minor),
      status: statusOfMinor(major, minor) ?? (http ? Number(http.status) : null),
      kind: null,
      message,
      name: g.cls ?? g.cls2 ?? null,
      wraps: wrappedLegacy(major, minor, message),
      ids: { ...idsFromUrl(http?.url), ...idsFromMessage(message) },
      notes: detailNotes(last.details),
      details: detailMessages(last.details),
    };
    if (major === '300') {
      const causePart = [...parts].reverse().find((p) => p !== last && p.type !== null && RESONATE_STR.test(`${p.type}: ${p.message}`));
      if (causePart) {
        const cause = interpretTraceback({ parts: parts.slice(0, parts.indexOf(causePart) + 1), end: 0 }, firstLine, lastLine);
        if (cause) raw.cause = cause;
      }
    }
    return raw;
  }
  // 0.5.0 passes (msg, code) to Exception, so str() is a tuple: `("Not found: {'error': {...}}", 44)`
  // (resonate/errors/errors.py, stores/remote.py:60-93@v0.5.0). The body it quotes is the server's answer.
  const tuple = /^Resonate(?:Store|Canceled|Timedout|Shutdown)Error$/.test(shortName(last.type)) ? TUPLE.exec(last.message) : null;
  if (tuple?.groups?.msg !== undefined && tuple.groups.code !== undefined) {
    const text = tuple.groups.msg.replace(/\\r\\n|\\n/g, '\n');
    const legacyCode = /'code': (\d{4,5})\b/.exec(text)?.[1];
    const legacyMessage = /'message': (['"])(.*?)\1/.exec(text)?.[2] ?? null;
    const http = /^Unknow(?:n)? error (\d{3})\b/.exec(text)?.[1];
    const n = Number(legacyCode);
    const status = legacyCode ? Math.floor(n / (n >= 10000 ? 100 : 10)) : http ? Number(http) : null;
    versions.sdk = 'resonate-sdk 0.5.0 ((message, code) errors)';
    return {
      ...base,
      source: 'python-sdk',
      code: tuple.groups.code,
      status,
      kind: null,
      // The server's own message says what happened; the SDK's prefix ("Not found: ") only repeats the status.
      message: legacyMessage ?? (text.split('\n')[0] ?? text),
      name: shortName(last.type),
      wraps: legacyCode ? { source: 'legacy-server', code: legacyCode, status, message: legacyMessage } : null,
      notes: ['resonate-sdk 0.5.0 prints its errors as a (message, code) tuple; the message quotes the server\'s answer.'],
    };
  }
  const v07 = V07_ERROR.exec(excLine.split('\n')[0] ?? '');
  if (v07?.groups) {
    const message = last.message;
    const sc = /^server error \(code=(\d{3})\): ([\s\S]*)$/.exec(message);
    versions.sdk = 'resonate-sdk 0.7+ (resonate.error)';
    return {
      ...base,
      source: 'python-sdk',
      code: null,
      status: sc?.[1] ? Number(sc[1]) : null,
      kind: null,
      message,
      name: v07.groups.cls ?? null,
      wraps: sc?.[1] ? { source: 'server', code: sc[1], status: Number(sc[1]), message: sc[2] ?? null } : null,
    };
  }
  const name = shortName(last.type);
  if (sdk && http && !/HTTPError$/.test(last.type)) {
    // The SDK failed while handling an HTTP error response: the HTTP error is the failure to diagnose.
    return {
      ...base,
      source: 'server',
      code: http.status ?? null,
      status: Number(http.status),
      kind: null,
      message: null,
      name,
      ids: idsFromUrl(http.url),
      notes: [`The Python SDK crashed with ${name}: ${firstLineOf(last.message)} while reading an HTTP ${http.status} response from ${http.url}.`],
    };
  }
  return {
    ...base,
    source: sdk ? 'python-sdk' : 'unknown',
    code: null,
    status: http ? Number(http.status) : null,
    kind: null,
    message: last.message,
    name,
  };
}

function statusOfMinor(major: string, minor: string | null): number | null {
  const n = Number(minor);
  if ((major !== '100' && major !== '30') || !(n >= 1000) || n === 40399) return null;
  return Math.floor(n / 100);
}

function detailMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => (typeof d === 'object' && d !== null && typeof (d as Record<string, unknown>).message === 'string' ? [String((d as Record<string, unknown>).message)] : []));
}

function detailNotes(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const notes: string[] = [];
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const rec = d as Record<string, unknown>;
    const type = typeof rec['@type'] === 'string' ? rec['@type'] : 'detail';
    if (typeof rec.message === 'string' && rec.message !== '') notes.push(`Server detail (${type}): ${rec.message}`);
  }
  return notes;
}

function firstLineOf(s: string): string {
  return s.split('\n')[0] ?? '';
}

/** `E   resonate.errors…: [100.40400] …` lines of a pytest failure section. */
export function readPytestSection(lines: Line[], i: number): { raw: RawFinding; end: number } | null {
  const hdr = /^_{3,} (?<test>[^_\s].*?) _{3,}$/.exec(lines[i]?.text ?? '');
  if (!hdr) return null;
  let j = i + 1;
  const frames: Frame[] = [];
  let exc: { type: string; message: string[] } | null = null;
  let excLine = 0;
  // A failure section is short: it ends at the next section, a `===` rule, or the location line after its E lines.
  const limit = Math.min(lines.length, i + 400);
  while (j < limit) {
    const t = lines[j]?.text ?? '';
    if (/^_{3,} [^_\s].*? _{3,}$/.test(t) || /^={3,}/.test(t)) break;
    const loc = /^(?<file>\S+\.py):(?<line>\d+):(?: in (?<func>\S+))?/.exec(t);
    if (loc?.groups) frames.push({ file: loc.groups.file ?? '', line: Number(loc.groups.line), func: loc.groups.func ?? null });
    if (exc && /^\S+\.py:\d+: \w+$/.test(t)) {
      j++;
      break;
    }
    const e = /^E\s+(?<rest>.*)$/.exec(t);
    if (e?.groups && exc === null) {
      const m = EXC_LINE.exec(e.groups.rest ?? '');
      if (m?.groups?.type && isLikelyException(m.groups.type)) {
        exc = { type: m.groups.type, message: [m.groups.msg ?? ''] };
        excLine = lines[j]?.no ?? 0;
        let k = j + 1;
        while (k < lines.length && /^E\s+/.test(lines[k]?.text ?? '')) {
          exc.message.push((lines[k]?.text ?? '').replace(/^E\s{1,11}/, ''));
          k++;
        }
        j = k;
        continue;
      }
    }
    j++;
  }
  if (!exc) return null;
  const part: Part = { frames: dedupeFrames(frames), type: exc.type, message: exc.message.join('\n'), details: undefined, startLine: excLine };
  const raw = interpretTraceback({ parts: [part], end: j - 1 }, lines[i]?.no ?? 0, lines[j - 1]?.no ?? 0);
  if (!raw) return null;
  raw.notes = [...(raw.notes ?? []), `pytest: ${hdr.groups?.test ?? 'a test'} failed`];
  return { raw, end: j - 1 };
}

function dedupeFrames(frames: Frame[]): Frame[] {
  const seen = new Set<string>();
  return frames.filter((f) => {
    const k = `${f.file}:${f.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** AWS Lambda's Python runtime: `[ERROR] Type: message` first, then the frames with no exception line. */
export function readLambda(lines: Line[], i: number): { raw: RawFinding; end: number } | null {
  const m = /^\[ERROR\] (?<type>[A-Za-z_][\w.]*): (?<msg>.*)$/.exec(lines[i]?.text ?? '');
  if (!m?.groups?.type || !isLikelyException(m.groups.type)) return null;
  const tb = readTraceback(lines, i + 1);
  const frames = tb ? tb.parts.flatMap((p) => p.frames) : [];
  const part: Part = { frames, type: m.groups.type, message: m.groups.msg ?? '', details: undefined, startLine: lines[i]?.no ?? 0 };
  const end = tb ? tb.end : i;
  const raw = interpretTraceback({ parts: [part], end }, lines[i]?.no ?? 0, lines[end]?.no ?? 0);
  return raw ? { raw, end } : null;
}

/** The SDK's "had to shut down" banner: the traceback inside it is the finding; the banner adds the version and thread. */
export function readCriticalBanner(lines: Line[], i: number): { raw: RawFinding; end: number } | null {
  if (!/Resonate encountered an unexpected exception and had to shut down\./.test(lines[i]?.text ?? '')) return null;
  let version: string | undefined;
  let thread: string | undefined;
  let excRepr: string | undefined;
  let j = i + 1;
  let raw: RawFinding | null = null;
  let end = i;
  for (; j < Math.min(lines.length, i + 400); j++) {
    const t = lines[j]?.text ?? '';
    const v = /Version:\s+(\S+)/.exec(t);
    if (v?.[1] && !version) version = v[1];
    const th = /Thread:\s+(\S+)/.exec(t);
    if (th?.[1] && !thread) thread = th[1];
    const ex = /Exception:\s+(.+)$/.exec(t);
    if (ex?.[1] && !excRepr) excRepr = ex[1];
    const tb = readTraceback(lines, j);
    if (tb && !raw) {
      raw = interpretTraceback(tb, lines[j]?.no ?? 0, lines[tb.end]?.no ?? 0);
      j = tb.end;
      end = tb.end;
      continue;
    }
    if (/github\.com\/resonatehq\/[\w-]+\/issues\/new/.test(t)) {
      end = j;
      break;
    }
    end = j;
  }
  if (!raw && excRepr) raw = readReprText(excRepr, lines[i]?.no ?? 0);
  if (!raw) return null;
  raw.span = { startLine: lines[i]?.no ?? 0, endLine: lines[end]?.no ?? 0 };
  if (version) raw.versions = { ...raw.versions, sdk: `resonate-sdk ${version}` };
  raw.notes = [
    ...(raw.notes ?? []),
    `The SDK's ${thread ?? 'background'} thread hit this error and the process exited (os._exit(1)): restart the worker once the cause is fixed.`,
  ];
  return { raw, end };
}

function readReprText(text: string, line: number): RawFinding | null {
  const r = text.includes('Resonate') ? RESONATE_REPR.exec(text) : null;
  if (!r?.groups) return null;
  return {
    source: 'python-sdk',
    code: null,
    status: null,
    kind: null,
    message: unescapePy(r.groups.mesg ?? ''),
    name: r.groups.cls ?? null,
    span: { startLine: line, endLine: line },
    notes: ['repr() of a resonate-sdk error prints no code: the code was inferred from the message.'],
  };
}

function unescapePy(s: string): string {
  return s.replace(/\\(r|n|t|'|"|\\)/g, (_, c: string) => ({ r: '\r', n: '\n', t: '\t' })[c] ?? c);
}

/** Single-line Python forms inside log lines: `str(e)` with a code, `repr(e)` without, v0.7 classes. */
/** resonate-sdk 0.7's `server error (code=401): Unauthorized`: the HTTP status and the server error it wraps. */
export function v07ServerError(message: string): Pick<RawFinding, 'status' | 'wraps'> {
  const sc = /^server error \(code=(\d{3})\): (.*)$/.exec(message);
  return sc?.[1] ? { status: Number(sc[1]), wraps: { source: 'server', code: sc[1], status: Number(sc[1]), message: sc[2] ?? null } } : { status: null, wraps: null };
}

export function readPythonLine(text: string, line: number): RawFinding | null {
  const span = { startLine: line, endLine: line };
  // Both single-line forms name a Resonate*Error: one literal test spares the regexes on every other line.
  const named = text.includes('Resonate');
  const s = named ? RESONATE_STR.exec(text) : null;
  if (s?.groups) {
    const { major, minor } = codeParts(s.groups);
    const message = s.groups.mesg ?? s.groups.mesg2 ?? '';
    if (message.endsWith('...') && /^FAILED /.test(text)) return null; // pytest's truncated summary line
    return {
      source: 'python-sdk',
      code: pythonCode(major, minor),
      status: statusOfMinor(major, minor),
      kind: null,
      message,
      name: s.groups.cls ?? s.groups.cls2 ?? null,
      wraps: wrappedLegacy(major, minor, message),
      ids: idsFromMessage(message),
      span,
    };
  }
  const r = readReprText(text, line);
  if (r) {
    const ctx = /RuntimeError\. Function (?<fn>[\w.]+)\(/.exec(text);
    if (ctx?.groups?.fn) r.notes = [...(r.notes ?? []), `Logged when the durable function ${ctx.groups.fn} failed.`];
    return r;
  }
  const v = V07_ERROR.exec(text);
  if (v?.groups) {
    const message = v.groups.msg ?? '';
    return {
      source: 'python-sdk',
      code: null,
      ...v07ServerError(message),
      kind: null,
      message,
      name: v.groups.cls ?? null,
      span,
    };
  }
  const net = /Networking\. Cannot connect to (?<url>[^\s[\]]+?)\.? Retrying in (?<delay>\d+) sec\.?\s*$/.exec(text);
  if (net?.groups) {
    return {
      source: 'python-sdk',
      code: null,
      status: null,
      kind: null,
      message: net[0].trim(),
      name: 'NetworkRetryWarning',
      span,
    };
  }
  return null;
}
