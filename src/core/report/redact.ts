/**
 * Redaction: what a report or a copy may never carry. JWTs, bearer and basic credentials, API keys and
 * tokens, passwords (fields, URLs, `curl -u`), private keys, cookies, and promise payloads
 * (`param.data` / `value.data`, which hold user data) are replaced with a marker that says what was there.
 *
 * Works on any text: pretty or one-line JSON, JSON escaped inside log lines, Python reprs, HTTP dumps,
 * curl commands, `key=value` text. Pure and total: it never throws.
 */
import type { Finding } from '../decode/finding';

export type RedactionKind =
  | 'jwt'
  | 'bearer'
  | 'auth-header'
  | 'api-key'
  | 'token'
  | 'secret'
  | 'password'
  | 'private-key'
  | 'cookie'
  | 'payload';

/** One kind of thing that was redacted: its marker and how many times it was replaced. */
export type Redaction = {
  kind: RedactionKind;
  /** The marker that stands in the text, e.g. `<redacted JWT>` or `<payload: 182 bytes>`. */
  label: string;
  count: number;
};

export type RedactOptions = {
  /** Keep promise payloads (`param.data`, `value.data`) on purpose. Secrets are always redacted. */
  includePayloads?: boolean;
};

export type RedactResult = { text: string; redactions: Redaction[] };

export const MARKERS = {
  jwt: '<redacted JWT>',
  token: '<redacted token>',
  credentials: '<redacted credentials>',
  apiKey: '<redacted API key>',
  secret: '<redacted secret>',
  password: '<redacted password>',
  privateKey: '<redacted private key>',
  cookie: '<redacted cookie>',
} as const;

/** `<payload: 182 bytes>` */
export function payloadMarker(bytes: number): string {
  return `<payload: ${bytes} ${bytes === 1 ? 'byte' : 'bytes'}>`;
}

/** A secret value that was replaced, kept (in memory only) to scrub its fragments from other fields. */
type Found = { value: string; kind: RedactionKind; label: string };

/** Collects what was replaced, grouped by kind and marker, and the values replaced. */
class Tally {
  private readonly counts = new Map<string, Redaction>();
  readonly found = new Map<string, Found>();

  add(kind: RedactionKind, label: string, n = 1): string {
    const key = `${kind}\u0000${label}`;
    const r = this.counts.get(key);
    if (r) r.count += n;
    else this.counts.set(key, { kind, label, count: n });
    return label;
  }

  /** Replaces `value`: counts the marker and remembers the value. */
  hide(kind: RedactionKind, label: string, value: string): string {
    if (value !== '') this.found.set(value, { value, kind, label });
    return this.add(kind, label);
  }

  list(): Redaction[] {
    return [...this.counts.values()].map((r) => ({ ...r }));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shapes

const JWT_SOURCE = String.raw`eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?`;
const JWT_ANYWHERE = new RegExp(`(?<![A-Za-z0-9_-])${JWT_SOURCE}`, 'g');
const JWT_WHOLE = new RegExp(`^${JWT_SOURCE}$`);

/** Well-known API key and token shapes (Stripe, OpenAI/Anthropic, GitHub, Slack, AWS, Google, GitLab, npm). */
const API_KEY_SOURCE = [
  String.raw`[sr]k_(?:live|test)_[0-9A-Za-z]{8,}`,
  String.raw`pk_live_[0-9A-Za-z]{8,}`,
  String.raw`sk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{20,}`,
  String.raw`gh[pousr]_[A-Za-z0-9]{20,}`,
  String.raw`github_pat_[A-Za-z0-9_]{20,}`,
  String.raw`xox[abposr]-[A-Za-z0-9-]{10,}`,
  String.raw`(?:AKIA|ASIA)[0-9A-Z]{16}`,
  String.raw`AIza[0-9A-Za-z_-]{35}`,
  String.raw`glpat-[A-Za-z0-9_-]{20,}`,
  String.raw`npm_[A-Za-z0-9]{36}`,
].join('|');
const API_KEY_ANYWHERE = new RegExp(String.raw`(?<![A-Za-z0-9])(?:${API_KEY_SOURCE})`, 'g');
const API_KEY_WHOLE = new RegExp(`^(?:${API_KEY_SOURCE})$`);

const PRIVATE_KEY_BLOCK =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\s\S]{0,20000}?-----END [A-Z0-9 ]*PRIVATE KEY-----|[A-Za-z0-9+/=\s\\]*)/g;

/** A value that is a placeholder or a reference, not a secret: `$RESONATE_TOKEN`, `<token>`, `***`, `null`. */
const NOT_A_SECRET =
  /^(?:\$\{?[A-Za-z_]\w*\}?|<[^>]*>?.*|\*+|x{3,}|X{3,}|\.{3}|…|\{\{.*\}\}|null|true|false|undefined|None|none|string|str|number|bool|boolean|Optional|any|unknown|missing|invalid|expired|required|empty)$/i;

/** A value with an open quote (plain, or backslash-escaped inside a log line), or unquoted up to a delimiter. */
const VALUE = String.raw`(?:(")((?:[^"\\\n]|\\.)*)(")|(')((?:[^'\\\n]|\\.)*)(')|(\\*["'])([^"'\\\n]*)|([^\s"'\\<>,;&=)}\]\x60][^\s"'\\<>,;&)}\]\x60]*))`;

type Value = { open: string; content: string; close: string };

/** Reads the VALUE groups (in order: 3 + 3 + 2 + 1) of a match. */
function valueOf(groups: ReadonlyArray<string | undefined>, at: number): Value | null {
  const g = (i: number): string | undefined => groups[at + i];
  if (g(0) !== undefined) return { open: g(0) ?? '', content: g(1) ?? '', close: g(2) ?? '' };
  if (g(3) !== undefined) return { open: g(3) ?? '', content: g(4) ?? '', close: g(5) ?? '' };
  if (g(6) !== undefined) return { open: g(6) ?? '', content: g(7) ?? '', close: '' };
  if (g(8) !== undefined) return { open: '', content: g(8) ?? '', close: '' };
  return null;
}

const isPlaceholder = (content: string): boolean => content.trim() === '' || NOT_A_SECRET.test(content.trim());

// ---------------------------------------------------------------------------------------------------------
// Rules, in the order they run. Each marker contains `<`, so no later rule matches it again.

/** `param` / `value` objects: their `data` string is the user's payload. */
const PAYLOAD_FIELD = new RegExp(String.raw`(?<![\w.-])(data(?:\\*["'])?\s*[:=]\s*)` + VALUE, 'g');
const PAYLOAD_PARENT = /(?:^|[^\w-])(?:param|value)(?:\\*["'])?\s*[:=]\s*(?:[A-Za-z_][\w.]*)?\s*$/;
const BACKWARD_WINDOW = 4000;

/** Is the `data` key at `index` inside an object (or call) that is the value of `param` or `value`? */
function insidePayloadParent(text: string, index: number): boolean {
  let depth = 0;
  const stop = Math.max(0, index - BACKWARD_WINDOW);
  for (let i = index - 1; i >= stop; i--) {
    const c = text[i];
    if (c === '}' || c === ')') depth++;
    else if (c === '{' || c === '(') {
      if (depth === 0) return PAYLOAD_PARENT.test(text.slice(Math.max(0, i - 80), i));
      depth--;
    }
  }
  return false;
}

/** Bytes of a base64 string once decoded, or of the text itself (UTF-8) when it is not base64. */
export function payloadBytes(content: string): number {
  const s = content.trim();
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) {
    const data = s.replace(/=+$/, '');
    if (data.length % 4 !== 1) return Math.floor((data.length * 3) / 4);
  }
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function redactPayloads(text: string, tally: Tally): string {
  return text.replace(PAYLOAD_FIELD, (whole: string, prefix: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, 9) as Array<string | undefined>;
    const offset = rest[9] as number;
    const v = valueOf(groups, 0);
    if (!v || v.open === '' || v.content === '' || v.content.startsWith('<')) return whole;
    if (!insidePayloadParent(text, offset)) return whole;
    const label = tally.hide('payload', payloadMarker(payloadBytes(v.content)), v.content);
    return `${prefix}${v.open}${label}${v.close}`;
  });
}

function redactPrivateKeys(text: string, tally: Tally): string {
  return text.replace(PRIVATE_KEY_BLOCK, (block: string) => tally.hide('private-key', MARKERS.privateKey, block));
}

/** scheme://user:password@host */
const URL_PASSWORD = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s:/?#@"'<>\\]*):([^\s/?#"'<>\\]+)@/gi;

function redactUrlPasswords(text: string, tally: Tally): string {
  return text.replace(URL_PASSWORD, (whole: string, scheme: string, user: string, pass: string) => {
    if (isPlaceholder(pass)) return whole;
    return `${scheme}${user}:${tally.hide('password', MARKERS.password, pass)}@`;
  });
}

/** curl -u user:password, --user user:password */
const CURL_USER = /(?<![\w-])(-u|--user)(\s+|=)(["']?)([^\s:"']+):([^\s"']+)\3/g;

function redactCurlUser(text: string, tally: Tally): string {
  return text.replace(CURL_USER, (whole: string, flag: string, sep: string, q: string, user: string, pass: string) => {
    if (isPlaceholder(pass)) return whole;
    return `${flag}${sep}${q}${user}:${tally.hide('password', MARKERS.password, pass)}${q}`;
  });
}

/** Authorization headers in every spelling: curl -H, HTTP dumps, JSON, Python dicts, util.inspect. */
const AUTH_HEADER = new RegExp(
  String.raw`(?<![\w-])((?:proxy-)?authorization(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?:(bearer|basic|token|bot|jwt|apikey|digest)(\s+))?([^\s"'\\<>,;\x60]+)`,
  'gi',
);

function redactAuthHeaders(text: string, tally: Tally): string {
  return text.replace(AUTH_HEADER, (whole: string, prefix: string, scheme: string | undefined, space: string | undefined, cred: string) => {
    if (isPlaceholder(cred)) return whole;
    const lead = `${prefix}${scheme ?? ''}${space ?? ''}`;
    if (JWT_WHOLE.test(cred)) return lead + tally.hide('jwt', MARKERS.jwt, cred);
    const s = scheme?.toLowerCase();
    if (s === 'bearer' || s === 'token' || s === 'bot' || s === 'jwt') return lead + tally.hide('bearer', MARKERS.token, cred);
    return lead + tally.hide('auth-header', MARKERS.credentials, cred);
  });
}

/** Cookie and API-key headers: the whole header value goes. */
const SECRET_HEADER = /(?<![\w-])((?:set-)?cookie|x-api-key|x-auth-token|x-access-token)((?:\\*["'])?\s*:\s*(?:\\*["'])?)([^\n"'\\]+)/gi;

function redactSecretHeaders(text: string, tally: Tally): string {
  return text.replace(SECRET_HEADER, (whole: string, name: string, sep: string, value: string) => {
    if (isPlaceholder(value)) return whole;
    const cookie = /cookie/i.test(name);
    return `${name}${sep}${tally.hide(cookie ? 'cookie' : 'api-key', cookie ? MARKERS.cookie : MARKERS.apiKey, value.trim())}`;
  });
}

/**
 * Secret fields and variables: `"auth": "…"` (head.auth), `token`, `apiKey`, `api_key`, `secret`, `password`,
 * `RESONATE_TOKEN=…`, `?access_token=…`, `password='…'` — any identifier that ends with one of these words.
 */
const SECRET_KEY = String.raw`[A-Za-z0-9_.-]*?(?:token|secret|password|passwd|passphrase|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|auth)`;
const SECRET_FIELD = new RegExp(String.raw`(?<![\w.-])(${SECRET_KEY})(?![A-Za-z0-9_])((?:\\*["'])?\s*[:=]\s*)` + VALUE, 'gi');

function fieldKind(key: string, value: string): { kind: RedactionKind; label: string } {
  if (JWT_WHOLE.test(value)) return { kind: 'jwt', label: MARKERS.jwt };
  if (API_KEY_WHOLE.test(value)) return { kind: 'api-key', label: MARKERS.apiKey };
  if (/pass(?:word|wd|phrase)$/i.test(key)) return { kind: 'password', label: MARKERS.password };
  if (/(?:api[_-]?key|apikey|access[_-]?key)$/i.test(key)) return { kind: 'api-key', label: MARKERS.apiKey };
  if (/(?:secret|private[_-]?key|credentials?)$/i.test(key)) return { kind: 'secret', label: MARKERS.secret };
  return { kind: 'token', label: MARKERS.token };
}

function redactSecretFields(text: string, tally: Tally): string {
  return text.replace(SECRET_FIELD, (whole: string, key: string, sep: string, ...rest: unknown[]) => {
    const v = valueOf(rest.slice(0, 9) as Array<string | undefined>, 0);
    if (!v || isPlaceholder(v.content)) return whole;
    // `==` is a comparison, not an assignment.
    if (sep.trimEnd().endsWith('=') && v.open === '' && v.content.startsWith('=')) return whole;
    const { kind, label } = fieldKind(key, v.content);
    return `${key}${sep}${v.open}${tally.hide(kind, label, v.content)}${v.close}`;
  });
}

/** Command-line flags: `--token abc`, `--password abc`, `-T abc` (the resonate CLI). */
const SECRET_FLAG = /(?<![\w-])(--[\w-]*(?:token|password|passwd|secret|api-key|apikey)|-T)(\s+)(["']?)([^\s"'<$-][^\s"']*)\3/g;

function redactFlags(text: string, tally: Tally): string {
  return text.replace(SECRET_FLAG, (whole: string, flag: string, space: string, q: string, value: string) => {
    if (isPlaceholder(value) || value.length < 6) return whole;
    const { kind, label } = fieldKind(flag.replace(/^-+/, ''), value);
    return `${flag}${space}${q}${tally.hide(kind, label, value)}${q}`;
  });
}

/** A `Bearer …` credential outside a header (code, prose, logs). */
const BEARER = /\b(bearer)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi;

function redactBearer(text: string, tally: Tally): string {
  return text.replace(BEARER, (whole: string, word: string, space: string, cred: string) => {
    // Prose ("Bearer authentication") is not a credential; a token has digits or symbols, or is long.
    if (cred.length < 20 && !/[\d._~+/-]/.test(cred)) return whole;
    const jwt = JWT_WHOLE.test(cred);
    return `${word}${space}${jwt ? tally.hide('jwt', MARKERS.jwt, cred) : tally.hide('bearer', MARKERS.token, cred)}`;
  });
}

function redactJwts(text: string, tally: Tally): string {
  return text.replace(JWT_ANYWHERE, (jwt: string) => tally.hide('jwt', MARKERS.jwt, jwt));
}

function redactApiKeys(text: string, tally: Tally): string {
  return text.replace(API_KEY_ANYWHERE, (key: string) => tally.hide('api-key', MARKERS.apiKey, key));
}

const WITHHELD = '<redaction failed: text withheld>';

/**
 * Replaces every secret (and, unless `includePayloads`, every promise payload) in `text` with a marker.
 * Never throws: if something unexpected happens, the whole text is withheld rather than risk a leak.
 */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const tally = new Tally();
  try {
    return { text: redactInto(text, options, tally), redactions: tally.list() };
  } catch {
    return { text: WITHHELD, redactions: [{ kind: 'secret', label: WITHHELD, count: 1 }] };
  }
}

/** Runs every rule over `text`, counting into `tally` (may throw: callers catch). */
function redactInto(text: string, options: RedactOptions, tally: Tally): string {
  let out = typeof text === 'string' ? text : String(text);
  if (!options.includePayloads) out = redactPayloads(out, tally);
  out = redactPrivateKeys(out, tally);
  out = redactUrlPasswords(out, tally);
  out = redactCurlUser(out, tally);
  out = redactAuthHeaders(out, tally);
  out = redactSecretHeaders(out, tally);
  out = redactSecretFields(out, tally);
  out = redactFlags(out, tally);
  out = redactBearer(out, tally);
  out = redactJwts(out, tally);
  out = redactApiKeys(out, tally);
  return out;
}

type Fragment = { text: string; kind: RedactionKind; label: string };
const MIN_FRAGMENT = 8;

/**
 * The pieces of the replaced secrets that a field might carry on its own, because the decoder cut a line
 * apart (a JWT's segments read as an exception name, a token read as an id): whole values, and each JWT segment.
 * Longest first; dictionary-like words (all lower-case letters) are left alone.
 */
function fragmentsOf(found: Iterable<Found>): Fragment[] {
  const out = new Map<string, Fragment>();
  for (const f of found) {
    const parts = f.kind === 'jwt' ? [f.value, ...f.value.split('.')] : [f.value];
    for (const part of parts) {
      const p = part.trim();
      if (p.length < MIN_FRAGMENT || /^[a-z]+$/.test(p) || p.startsWith('<') || out.has(p)) continue;
      out.set(p, { text: p, kind: f.kind, label: f.label });
    }
  }
  return [...out.values()].sort((a, b) => b.text.length - a.text.length);
}

function scrub(text: string, fragments: readonly Fragment[], tally: Tally): string {
  let out = text;
  for (const f of fragments) {
    if (!out.includes(f.text)) continue;
    const parts = out.split(f.text);
    tally.add(f.kind, f.label, parts.length - 1);
    out = parts.join(f.label);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Structured values (request and response envelopes) and findings

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

const SECRET_KEY_WHOLE = new RegExp(`^${SECRET_KEY}$`, 'i');
const AUTH_KEY = /^(?:proxy-)?authorization$/i;
const COOKIE_KEY = /^(?:set-)?cookie$/i;
const MAX_DEPTH = 64;

/** Redacts a parsed JSON value by structure: keys decide (head.auth, param.data, …), and every string is also redacted as text. */
function redactValue(value: unknown, key: string | null, parentKey: string | null, options: RedactOptions, tally: Tally, depth: number): unknown {
  if (depth > MAX_DEPTH) {
    let json: string;
    try {
      json = JSON.stringify(value) ?? '';
    } catch {
      json = String(value);
    }
    return redactInto(json, options, tally);
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, key, parentKey, options, tally, depth + 1));
  if (isRecord(value)) {
    const out: Rec = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, k, key, options, tally, depth + 1);
    return out;
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
  if (key !== null && scalar) {
    const text = String(value);
    if (key === 'data' && typeof value === 'string' && (parentKey === 'param' || parentKey === 'value') && text !== '' && !text.startsWith('<')) {
      if (options.includePayloads) return redactText(text, options, tally);
      return tally.hide('payload', payloadMarker(payloadBytes(text)), text);
    }
    if (AUTH_KEY.test(key) && !isPlaceholder(text)) {
      const redacted = redactInto(`Authorization: ${text}`, options, tally).slice('Authorization: '.length);
      return redacted === text ? tally.hide('auth-header', MARKERS.credentials, text) : redacted;
    }
    if (COOKIE_KEY.test(key) && !isPlaceholder(text)) return tally.hide('cookie', MARKERS.cookie, text);
    if (SECRET_KEY_WHOLE.test(key) && !isPlaceholder(text)) {
      const { kind, label } = fieldKind(key, text);
      return tally.hide(kind, label, text);
    }
  }
  if (typeof value === 'string') return redactText(value, options, tally);
  return value;
}

function redactText(text: string, options: RedactOptions, tally: Tally): string {
  return redactInto(text, options, tally);
}

/** Redacts any parsed JSON value (a request or response envelope). Never throws. */
export function redactJson(value: unknown, options: RedactOptions = {}): { value: unknown; redactions: Redaction[] } {
  const tally = new Tally();
  try {
    return { value: redactValue(value, null, null, options, tally, 0), redactions: tally.list() };
  } catch {
    return { value: WITHHELD, redactions: [{ kind: 'secret', label: WITHHELD, count: 1 }] };
  }
}

export type RedactFindingOptions = RedactOptions & {
  /** The whole paste: a secret found anywhere in it is scrubbed from every field, even in pieces. */
  pastedText?: string;
};

/** Every string a finding holds, for finding the secrets before redacting field by field. */
function stringsOf(f: Finding): string[] {
  const out = [f.excerpt, f.message, f.name, f.kind, f.rawKind, f.title, f.summary, f.cause, f.retryReason, f.mismatch, f.corrId, f.wraps?.message];
  out.push(...f.causes, ...f.steps, ...f.notes, ...Object.values(f.ids), ...Object.values(f.versions));
  for (const fr of [...f.frames, ...(f.userFrame ? [f.userFrame] : [])]) out.push(fr.file, fr.func);
  for (const c of f.chain) out.push(c.name, c.message);
  return out.filter((x): x is string => typeof x === 'string');
}

function mapStrings(value: unknown, fn: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, depth + 1));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn, depth + 1)]));
  return value;
}

/**
 * A copy of the finding with every field a report uses redacted: the texts read off the paste (message,
 * excerpt, chain, notes, frames, ids…), the request and response envelopes (by structure), and the
 * catalog texts filled with values from the paste (title, summary, causes, steps, retry reason).
 * Secrets found anywhere (in the paste, the excerpt, the envelopes) are then scrubbed from every field
 * even where the decoder kept only a piece of them (a JWT segment read as an exception name).
 */
export function redactFinding(finding: Finding, options: RedactFindingOptions = {}): { finding: Finding; redactions: Redaction[] } {
  const tally = new Tally();
  try {
    const f = finding;
    const seen = new Tally();
    for (const text of [options.pastedText ?? '', ...stringsOf(f)]) redactInto(text, options, seen);
    for (const v of [f.request, f.response]) if (v !== null && v !== undefined) redactValue(v, null, null, options, seen, 0);
    const fragments = fragmentsOf(seen.found.values());

    const t = (s: string): string => scrub(redactText(s, options, tally), fragments, tally);
    const tn = (s: string | null): string | null => (s === null ? null : t(s));
    const tu = (s: string | undefined): string | undefined => (s === undefined ? undefined : t(s));
    const json = (v: unknown): unknown => {
      if (v === null || v === undefined) return v;
      return mapStrings(redactValue(v, null, null, options, tally, 0), (s) => scrub(s, fragments, tally));
    };
    const ids: Finding['ids'] = {};
    if (f.ids.promise !== undefined) ids.promise = t(f.ids.promise);
    if (f.ids.task !== undefined) ids.task = t(f.ids.task);
    if (f.ids.schedule !== undefined) ids.schedule = t(f.ids.schedule);
    const versions: Finding['versions'] = {};
    for (const k of ['sdk', 'protocol', 'server', 'runtime'] as const) {
      const v = tu(f.versions[k]);
      if (v !== undefined) versions[k] = v;
    }
    const frame = (fr: Finding['frames'][number]): Finding['frames'][number] => ({ ...fr, file: t(fr.file), func: tn(fr.func) });
    const copy: Finding = {
      ...f,
      kind: tn(f.kind),
      message: tn(f.message),
      name: tn(f.name),
      retryReason: t(f.retryReason),
      title: t(f.title),
      summary: t(f.summary),
      cause: t(f.cause),
      causes: f.causes.map(t),
      steps: f.steps.map(t),
      mismatch: tn(f.mismatch),
      notes: f.notes.map(t),
      corrId: tn(f.corrId),
      ids,
      versions,
      userFrame: f.userFrame ? frame(f.userFrame) : null,
      frames: f.frames.map(frame),
      chain: f.chain.map((c) => ({ name: t(c.name), message: t(c.message) })),
      wraps: f.wraps ? { ...f.wraps, message: tn(f.wraps.message) } : null,
      request: json(f.request),
      response: json(f.response),
      excerpt: t(f.excerpt),
    };
    if (f.rawKind !== undefined) copy.rawKind = t(f.rawKind);
    return { finding: copy, redactions: tally.list() };
  } catch {
    const withheld: Finding = {
      ...finding,
      kind: null,
      message: WITHHELD,
      name: null,
      title: WITHHELD,
      summary: '',
      cause: '',
      causes: [],
      steps: [],
      retryReason: '',
      mismatch: null,
      notes: [],
      corrId: null,
      ids: {},
      versions: {},
      userFrame: null,
      frames: [],
      chain: [],
      wraps: null,
      request: null,
      response: null,
      excerpt: WITHHELD,
    };
    delete withheld.rawKind;
    return { finding: withheld, redactions: [{ kind: 'secret', label: WITHHELD, count: 1 }] };
  }
}

/** Merges redaction lists, adding the counts of the same kind and marker. */
export function mergeRedactions(...lists: ReadonlyArray<readonly Redaction[]>): Redaction[] {
  const tally = new Tally();
  for (const list of lists) for (const r of list) tally.add(r.kind, r.label, r.count);
  return tally.list();
}

/**
 * What a finished text holds: each known marker, counted by its occurrences in `texts`.
 * Reports use it so the list matches exactly what the user is about to share.
 */
export function countRedactions(texts: readonly string[], known: readonly Redaction[]): Redaction[] {
  const out: Redaction[] = [];
  const seen = new Set<string>();
  for (const r of known) {
    if (seen.has(r.label)) continue;
    seen.add(r.label);
    let count = 0;
    for (const text of texts) {
      for (let i = text.indexOf(r.label); i !== -1; i = text.indexOf(r.label, i + r.label.length)) count++;
    }
    if (count > 0) out.push({ kind: r.kind, label: r.label, count });
  }
  return out;
}
