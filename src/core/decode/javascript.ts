import { parse as parseStack } from 'stacktrace-parser';
import type { ChainLink, Frame, Versions, Wrapped } from './finding';
import type { Line, RawFinding } from './raw';

const RESONATE_HDR = /(?:^|[\s:[(])(?:(?<ctor>[\w$]+) \[ResonateError\]|ResonateError): (?<msg>.*)$/;
/** An error with an empty message prints its class alone (0.9.x's 410: `ResonateError`, then its frames). */
const RESONATE_BARE_HDR = /^(?:(?<ctor>[\w$]+) \[ResonateError\]|ResonateError)\s*$/;
const TIMEOUT_HDR = /\bResonateTimeoutException: (?<msg>.*)$/;
const JS_HDR = /^\s*(?:Uncaught )?(?<type>[A-Z][\w$]*(?:Error|Exception)|Error|DOMException)(?: \[(?<inner>\w+)\])?: (?<msg>.*)$/;
const FRAME_LINE = /^\s*at \S/;
const ELIDED = /^\s*\.\.\. \d+ lines matching cause stack trace \.\.\./;
const NODE_LOC_RE = /^(?:file:\/\/)?[^\s:][^\n]*?\.(?:m?js|cjs|ts|mts|cts):\d+$/;
/** node's `file.js:LINE` line before an uncaught error; the cheap test (ends in a digit, names a script) first. */
const NODE_LOC = { test: (t: string): boolean => /\d/.test(t.charAt(t.length - 1)) && t.includes('s:') && NODE_LOC_RE.test(t) };
const NODE_FOOTER = /^Node\.js v(?<ver>\d+\.\d+\.\d+)\s*$/;
const SDK_FRAME = /node_modules[/\\]@resonatehq[/\\]sdk[/\\]/;
const FACTORY_FRAME = /\bat Object\.(?<key>REGISTRY_[A-Z_]+|DEPENDENCY_[A-Z_]+|ENCODING_[A-Z_]+|INVALID_ID|PANIC|SERVER_ERROR) \(/;
const HREF = /rn8\.io\/e\/(?<code>11\d\d)\b/;
export const TS_LOG_LINE =
  /(?:^|\s)(?<type>Registry|Dependencies|Encoding|InvalidId|Panic|Server)\. (?<msg>.*)\. (?<next>n\/a|Will drop)\. \(See https:\/\/rn8\.io\/e\/(?<code>11\d\d) for more information\)/;
const TS_TYPES = new Set(['Registry', 'Dependencies', 'Encoding', 'InvalidId', 'Panic', 'Server']);

type Header = { kind: 'resonate' | 'timeout' | 'js'; type: string; message: string; index: number; bracketed: boolean };

function headerAt(text: string): Header | null {
  // Runs on every line: the literal checks skip the unanchored regexes on the many lines that cannot match them.
  const r = text.includes('ResonateError') ? (RESONATE_HDR.exec(text) ?? RESONATE_BARE_HDR.exec(text)) : null;
  if (r?.groups) {
    const bracketed = /\[ResonateError: /.test(text) && text.trimEnd().endsWith(']');
    const msg = r.groups.msg ?? '';
    return { kind: 'resonate', type: 'ResonateError', message: bracketed ? msg.replace(/\]\s*$/, '') : msg, index: r.index, bracketed };
  }
  const t = text.includes('ResonateTimeoutException') ? TIMEOUT_HDR.exec(text) : null;
  if (t?.groups) return { kind: 'timeout', type: 'ResonateTimeoutException', message: t.groups.msg ?? '', index: t.index, bracketed: false };
  const j = JS_HDR.exec(text);
  if (j?.groups) return { kind: 'js', type: j.groups.type ?? 'Error', message: j.groups.msg ?? '', index: j.index, bracketed: false };
  return null;
}

/** Can a Node/TypeScript error start on this line (node's `file.js:LINE` preamble, or an error header)? */
export function mayStartJsError(text: string): boolean {
  return NODE_LOC.test(text) || headerAt(text) !== null;
}

/**
 * Reads a Node/TypeScript error starting at line `i`: node's "uncaught" preamble, the header line in any of
 * its variants, the frames, the property block `{ code: '02', … }` with its `[cause]`, and the `Node.js vX` footer.
 */
export function readJsError(lines: Line[], i: number): { raw: RawFinding; end: number } | null {
  const start = i;
  let h = i;
  // node prints `file.js:LINE`, the source line, a caret line and a blank before an uncaught error.
  if (NODE_LOC.test(lines[i]?.text ?? '')) {
    let k = i + 1;
    while (k < lines.length && k <= i + 4 && !headerAt(lines[k]?.text ?? '')) k++;
    if (k > i + 4 || k >= lines.length) return null;
    h = k;
  }
  const header = headerAt(lines[h]?.text ?? '');
  if (!header) return null;
  const messageLines = [header.message];
  let j = h + 1;
  // Multi-line messages (e.g. "Converting circular structure to JSON\n    --> starting at …") run up to the first frame.
  let k = j;
  while (k < lines.length && k < j + 12 && !FRAME_LINE.test(lines[k]?.text ?? '') && (lines[k]?.text.trim() ?? '') !== '') k++;
  const hasFrames = FRAME_LINE.test(lines[k]?.text ?? '');
  if (hasFrames && k > j) {
    for (let m = j; m < k; m++) messageLines.push((lines[m]?.text ?? '').trim());
    j = k;
  }
  if (header.kind === 'js' && !hasFrames) return null; // a bare "Error: …" line is not enough
  if (header.kind === 'js' && /^\s/.test(lines[h]?.text ?? '') && !hasFrames) return null;
  const frameLines: string[] = [];
  let props: string[] = [];
  while (j < lines.length) {
    const t = lines[j]?.text ?? '';
    if (FRAME_LINE.test(t) || ELIDED.test(t)) {
      frameLines.push(t);
      j++;
      if (/\{\s*$/.test(t)) {
        const end = readBraceBlock(lines, j - 1);
        props = lines.slice(j, end + 1).map((l) => l.text);
        j = end + 1;
        break;
      }
      continue;
    }
    break;
  }
  let end = j - 1;
  // Node's footer, possibly after a blank line.
  let runtime: string | undefined;
  for (let f = j; f < Math.min(lines.length, j + 3); f++) {
    const m = NODE_FOOTER.exec(lines[f]?.text ?? '');
    if (m?.groups?.ver) {
      runtime = `Node.js v${m.groups.ver}`;
      end = f;
      break;
    }
    if ((lines[f]?.text.trim() ?? '') !== '') break;
  }
  const frames = parseFrames(frameLines);
  const allText = [lines[h]?.text ?? '', ...frameLines, ...props].join('\n');
  const sdk = SDK_FRAME.test(allText);
  const message = messageLines.join('\n').trimEnd();
  const versions: Versions = {};
  if (runtime) versions.runtime = runtime;
  const sdkVersion = sdkVersionOf(allText + '\n' + (lines[start]?.text ?? ''));
  if (sdkVersion) versions.sdk = sdkVersion;
  const chain = causeChain(props);
  const span = { startLine: lines[start]?.no ?? 0, endLine: lines[end]?.no ?? 0 };
  const nodeMajor = runtime ? Number(/v(\d+)/.exec(runtime)?.[1]) : NaN;
  const notes =
    sdk && nodeMajor < 22
      ? [`This ran on ${runtime}; @resonatehq/sdk 0.8.3 and later require Node.js 22 or newer (engines), and every handle.result() fails on older Node.`]
      : [];
  const base = { frames, userFrame: jsUserFrame(frames), versions, span, chain, notes };
  if (header.kind === 'resonate') {
    const code = tsCode(allText, props);
    const factory = FACTORY_FRAME.exec(allText)?.groups?.key ?? null;
    const wraps = serverErrorOf(props);
    return {
      raw: {
        ...base,
        source: 'ts-sdk',
        code,
        status: null,
        kind: null,
        // 0.9.x prints a bare `ResonateError` for a 410 whose text is only in `serverError`.
        message: message === '' && wraps?.message ? wraps.message : message,
        // The TS factory key (0.8.3+), or the class for 0.5–0.8.2, which have no factories.
        name: factory ?? (header.type === 'ResonateError' && code !== null && /^\d{1,2}$/.test(code) ? 'ResonateError' : null),
        wraps,
        notes: [...notes, ...nextHint(props)],
      },
      end,
    };
  }
  if (header.kind === 'timeout') {
    const status = /\bHTTP (\d{3})\b/.exec(message)?.[1];
    return {
      raw: {
        ...base,
        source: 'ts-sdk',
        code: null,
        status: status ? Number(status) : null,
        kind: null,
        message,
        name: 'ResonateTimeoutException',
      },
      end,
    };
  }
  const name = header.type === 'Error' && /\[(\w+)\]/.exec(lines[h]?.text ?? '')?.[1] === 'ResonateError' ? 'ResonateError' : header.type;
  return {
    raw: {
      ...base,
      source: sdk ? 'ts-sdk' : 'unknown',
      code: null,
      status: null,
      kind: null,
      message,
      name,
    },
    end,
  };
}

/** Index of the line that closes the `{` at the end of line `i` (node's util.inspect property block). */
function readBraceBlock(lines: Line[], i: number): number {
  let depth = 0;
  for (let j = i; j < lines.length && j < i + 400; j++) {
    const t = lines[j]?.text ?? '';
    let quote: string | null = null;
    for (let c = j === i ? t.lastIndexOf('{') : 0; c < t.length; c++) {
      const ch = t[c];
      if (quote) {
        if (ch === '\\') c++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth <= 0) return j;
  }
  return Math.min(lines.length - 1, i + 400);
}

function parseFrames(frameLines: string[]): Frame[] {
  const text = frameLines.filter((l) => !ELIDED.test(l)).join('\n');
  return parseStack(text).map((f) => ({
    file: f.file ?? '<unknown>',
    line: f.lineNumber ?? null,
    column: f.column ?? null,
    func: f.methodName && f.methodName !== '<unknown>' ? f.methodName : null,
  }));
}

/** The first frame in the user's own code: not the SDK, not node internals, not dependencies. */
export function jsUserFrame(frames: Frame[]): Frame | null {
  return (
    frames.find(
      (f) => !/node_modules[/\\]/.test(f.file) && !/^node:/.test(f.file) && !/^<anonymous>|native/.test(f.file) && f.file !== '<unknown>',
    ) ?? null
  );
}

function tsCode(text: string, props: string[]): string | null {
  const href = HREF.exec(text)?.groups?.code;
  if (href) return href;
  const block = props.join('\n');
  const code = /^\s*code: '(\d\d)',?$/m.exec(block)?.[1];
  const type = /^\s*type: '(\w+)',?$/m.exec(block)?.[1];
  if (code && type && TS_TYPES.has(type)) return `11${code}`;
  // 0.5.x–0.6.x: a numeric enum (`code: 44`) at the top of the property block (lib/core/errors.ts@v0.5.5).
  return /^ {2}code: (\d{1,2}),?$/m.exec(block)?.[1] ?? null;
}

function serverErrorOf(props: string[]): Wrapped | null {
  const block = props.join('\n');
  // 0.9.x against a Rust server: the 410 body's text as a plain string (src/network/remote.ts@v0.9.5).
  const text = /^\s*serverError: (['"])(.+)\1,?$/m.exec(block)?.[2];
  if (text) return { source: 'server', code: null, status: null, message: text };
  // 0.8.3+: `serverError: { code, message, details }`; 0.5–0.6: the legacy body as `cause: { error: { code, … } }`.
  let at = block.search(/^\s*serverError: \{/m);
  if (at < 0) {
    const cause = /^ {2}cause: \{\n\s*error: \{/m.exec(block);
    at = cause ? cause.index : -1;
  }
  if (at < 0) return null;
  const rest = block.slice(at);
  const code = /^\s*code: (\d+),?$/m.exec(rest)?.[1];
  const message = /^\s*message: (['"])(.*)\1,?$/m.exec(rest)?.[2] ?? null;
  if (!code) return null;
  const n = Number(code);
  if (n >= 1000) return { source: 'legacy-server', code, status: Math.floor(n / (n >= 10000 ? 100 : 10)), message };
  return { source: 'server', code, status: n, message };
}

function nextHint(props: string[]): string[] {
  const next = /^\s*next: '([^']+)',?$/m.exec(props.join('\n'))?.[1];
  return next === 'Will drop'
    ? ['next: "Will drop" — when the SDK meets this while executing a task it logs it and drops the task; the server redelivers it later.']
    : [];
}

function causeChain(props: string[]): ChainLink[] {
  const links: ChainLink[] = [];
  for (const p of props) {
    // `[cause]: …` (ES2022 causes) and 0.5–0.6's own `cause: TypeError: fetch failed` property.
    const m = /^\s*\[cause\]: (?<v>.+?)\s*\{?$/.exec(p) ?? /^ {2}cause: (?<v>[A-Z][\w$]*(?:Error|Exception)\b.*?)\s*\{?$/.exec(p);
    const v = m?.groups?.v;
    if (!v || v === 'undefined') continue;
    const h = /^(?:(?<ctor>[\w$]+) \[(?<inner>\w+)\]|(?<type>[\w$]+)): (?<msg>.*)$/.exec(v);
    links.push({ name: h?.groups?.inner ?? h?.groups?.type ?? 'cause', message: h?.groups?.msg ?? v });
  }
  return links.reverse();
}

function sdkVersionOf(text: string): string | undefined {
  if (!SDK_FRAME.test(text)) return undefined;
  if (/exceptions_1\.default|\bdist[/\\]dev[/\\]/.test(text)) return '@resonatehq/sdk 0.8.3–0.9.x (CommonJS build)';
  if (/file:\/\/\/[^\s]*node_modules[/\\]@resonatehq[/\\]sdk[/\\]dist[/\\]src[/\\]/.test(text)) return '@resonatehq/sdk 0.10+ (ESM build)';
  return undefined;
}

/** One-line TS forms: the 0.8–0.9 `err.log()` line and the SDK's networking warnings. */
export function readTsLine(text: string, line: number): RawFinding | null {
  const span = { startLine: line, endLine: line };
  const log = text.includes('rn8.io/e/') ? TS_LOG_LINE.exec(text) : null;
  if (log?.groups) {
    return {
      source: 'ts-sdk',
      code: log.groups.code ?? null,
      status: null,
      kind: null,
      message: log.groups.msg ?? null,
      name: null,
      span,
      notes: log.groups.next === 'Will drop' ? ['"Will drop": the SDK logged this and dropped the task; the server redelivers it until the cause is fixed.'] : [],
    };
  }
  const net = /Networking\. (?<msg>Cannot connect to \[(?<url>[^\]]+)\]\. Retrying in \d+s\.|Resonate server .* required \(provided .*\)\. Will continue\.|Received invalid message\. Will continue\.)/.exec(text);
  if (net?.groups) {
    const isRetry = net.groups.url !== undefined;
    return {
      source: 'ts-sdk',
      code: null,
      status: null,
      kind: null,
      message: `Networking. ${net.groups.msg ?? ''}`,
      name: isRetry ? 'NetworkRetryWarning' : null,
      span,
    };
  }
  const hdr = headerAt(text);
  if (hdr && hdr.kind !== 'js') {
    return {
      source: 'ts-sdk',
      code: HREF.exec(text)?.groups?.code ?? null,
      status: hdr.kind === 'timeout' ? numberOrNull(/\bHTTP (\d{3})\b/.exec(hdr.message)?.[1]) : null,
      kind: null,
      message: hdr.message,
      name: hdr.kind === 'timeout' ? 'ResonateTimeoutException' : null,
      span,
    };
  }
  return null;
}

function numberOrNull(s: string | undefined): number | null {
  return s ? Number(s) : null;
}
