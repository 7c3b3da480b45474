import type { Catalog, CatalogEntry, RetryAdvice, Source, Verdict } from '../catalog/catalog-types';
import type { Finding } from './finding';
import { nearestEntries } from './nearest';
import type { RawFinding } from './raw';
import { retryNote } from './retry-series';

type Compiled = { entry: CatalogEntry; re: RegExp | null; detailsRe: RegExp | null };
export type Match = { entry: CatalogEntry; groups: Record<string, string>; score: number };

const compiledCache = new WeakMap<Catalog, Map<Source, Compiled[]>>();

function compile(pattern: string | undefined): RegExp | null {
  if (pattern === undefined) return null;
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

function compiled(catalog: Catalog): Map<Source, Compiled[]> {
  let bySource = compiledCache.get(catalog);
  if (bySource) return bySource;
  bySource = new Map();
  for (const entry of catalog.entries) {
    const list = bySource.get(entry.source) ?? [];
    list.push({ entry, re: compile(entry.match.pattern), detailsRe: compile(entry.match.details) });
    bySource.set(entry.source, list);
  }
  compiledCache.set(catalog, bySource);
  return bySource;
}

/** The message as it can be matched: whole, and each part of a `"; "`-joined validation message. */
function messageVariants(raw: Pick<RawFinding, 'source' | 'message' | 'chain' | 'name'>): string[] {
  if (raw.message === null) return [];
  const msg = raw.message.trim();
  const variants = [msg];
  if (msg.includes('; ')) variants.push(...new Set(msg.split('; ').map((s) => s.trim())));
  if (raw.source === 'unknown') {
    const chain = (raw.chain ?? []).map((c) => `${c.name}: ${c.message}`).join('\n');
    variants.push(`${raw.name ?? ''}: ${msg}${chain ? `\n${chain}` : ''}`);
  }
  return variants;
}

const SDK_PATH = /site-packages[/\\]resonate[/\\]|node_modules[/\\]@resonatehq[/\\]sdk[/\\]/;
/** Runtime and standard-library frames, skipped when deciding whose code raised. */
const RUNTIME_PATH = /^node:|^internal[/\\]|[/\\]lib[/\\]python\d[\d.]*[/\\](?!site-packages)|^<frozen /;

/** Whose code raised the exception: the innermost frame that is neither runtime nor standard library decides. */
export function raisedIn(raw: Pick<RawFinding, 'source' | 'frames'>): 'sdk' | 'user' | null {
  const frames = raw.frames ?? [];
  // Python lists frames outermost first; V8 innermost first.
  const inner = raw.source === 'python-sdk' ? [...frames].reverse() : frames;
  const frame = inner.find((f) => !RUNTIME_PATH.test(f.file));
  if (!frame) return null;
  return SDK_PATH.test(frame.file) ? 'sdk' : 'user';
}

/** Frames of the SDKs' in-memory stores and networks (resonate-sdk `stores/local.py`; @resonatehq/sdk `dist/dev/`). */
const IN_PROCESS_STORE = /site-packages[/\\]resonate[/\\]stores[/\\]local\.py|@resonatehq[/\\]sdk[/\\]dist[/\\]dev[/\\]/;
const REMOTE_STORE = /site-packages[/\\]resonate[/\\]stores[/\\]remote\.py|[/\\]requests[/\\]|[/\\]aiohttp[/\\]|@resonatehq[/\\]sdk[/\\]dist[/\\](?:src[/\\])?network[/\\](?:remote|http)\.js/;

/** Was this raised by the SDK's in-process store or network, with no HTTP request behind it? */
function inProcessStore(raw: Pick<RawFinding, 'frames'>): boolean {
  const files = (raw.frames ?? []).map((f) => f.file);
  return files.some((f) => IN_PROCESS_STORE.test(f)) && !files.some((f) => REMOTE_STORE.test(f));
}

/** What the error carries beside its message: details, the error it wraps, its chained causes. */
function detailTexts(raw: Pick<RawFinding, 'details' | 'chain' | 'wraps'>): string[] {
  const texts = [...(raw.details ?? [])];
  if (raw.wraps?.message) texts.push(raw.wraps.message);
  for (const c of raw.chain ?? []) texts.push(`${c.name}: ${c.message}`);
  return texts;
}

type MatchInput = Parameters<typeof scoreEntries>[1];

const memoCache = new WeakMap<Catalog, Map<string, Match | null>>();
/** Distinct errors a memo keeps per catalog; a log repeats the same few many times. */
const MEMO_LIMIT = 4096;

/** What decides the match, as a key: the same error seen again (a retry loop, a log of a thousand lines) is scored once. */
function memoKey(raw: MatchInput): string {
  return JSON.stringify([
    raw.source,
    raw.code,
    raw.status,
    raw.kind,
    raw.message,
    raw.name,
    raw.promiseState ?? null,
    raw.hint ?? null,
    raw.exactCode ?? null,
    raw.details ?? null,
    raw.chain ?? null,
    raw.wraps?.message ?? null,
    raw.frames && raw.frames.length > 0 ? raisedIn({ source: raw.source, frames: raw.frames }) : null,
  ]);
}

/** Scores every entry of the finding's source and returns the best one, or null (memoized per catalog). */
export function matchEntry(catalog: Catalog, raw: MatchInput): Match | null {
  let memo = memoCache.get(catalog);
  if (!memo) {
    memo = new Map();
    memoCache.set(catalog, memo);
  }
  const key = memoKey(raw);
  const known = memo.get(key);
  if (known !== undefined) return known === null ? null : { ...known, groups: { ...known.groups } };
  const match = scoreEntries(catalog, raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, match);
  return match === null ? null : { ...match, groups: { ...match.groups } };
}

/** Scores every entry of the finding's source and returns the best one, or null. */
function scoreEntries(
  catalog: Catalog,
  raw: Pick<RawFinding, 'source' | 'code' | 'status' | 'kind' | 'message' | 'name' | 'chain' | 'promiseState'> & Partial<Pick<RawFinding, 'details' | 'wraps' | 'frames' | 'hint' | 'exactCode'>>,
): Match | null {
  const candidates = compiled(catalog).get(raw.source) ?? [];
  const variants = messageVariants(raw);
  let details: string[] | null = null;
  let raiser: 'sdk' | 'user' | null | undefined;
  let best: Match | null = null;
  for (const { entry, re, detailsRe } of candidates) {
    const m = entry.match;
    if (raw.exactCode && entry.code !== raw.code) continue;
    let score = 0;
    let evidence = false;
    let groups: Record<string, string> = {};
    const hasText = m.message !== undefined || re !== null;
    if (hasText && variants.length > 0) {
      if (m.message !== undefined && variants.some((v) => v === m.message!.trim())) {
        score += 100;
        evidence = true;
      } else {
        const hit = re ? variants.map((v) => re.exec(v)).find((x) => x !== null) : null;
        // A reader that found the entry's text inside other text (or cut off) names the entry itself.
        if (!hit && raw.hint !== entry.id) continue;
        score += 80;
        evidence = true;
        groups = { ...(hit?.groups ?? {}) };
      }
    } else if (hasText) {
      score -= 6;
    }
    if (entry.code !== null && raw.code !== null) {
      if (entry.code === raw.code) {
        score += 30;
        evidence = true;
      } else if (m.fallback) continue;
      else score -= 40;
    }
    // A fallback stands for its code and status only: another status is another error (a 418 is not a 413).
    if (entry.status !== undefined && raw.status !== null) {
      if (entry.status !== raw.status && m.fallback) continue;
      score += entry.status === raw.status ? 10 : -20;
    }
    if (m.names && raw.name) {
      // Another exception class is another error, whatever its message says.
      if (!m.names.includes(raw.name)) continue;
      score += 20;
      evidence = true;
    }
    if (m.kinds && raw.kind) score += m.kinds.includes(raw.kind) ? 15 : -10;
    if (m.statuses) {
      if (raw.status !== null && m.statuses.includes(raw.status)) {
        score += 10;
        evidence = true;
      } else if (raw.status !== null) continue;
    }
    if (m.promiseState) {
      if (!raw.promiseState || !m.promiseState.includes(raw.promiseState)) continue;
      score += 50;
    }
    if (m.raisedIn) {
      raiser = raiser === undefined ? raisedIn(raw) : raiser;
      if (raiser !== m.raisedIn) continue;
      score += 5;
    }
    if (detailsRe) {
      // An entry for one meaning of a message, told apart by what the error carries beside it.
      details ??= detailTexts(raw);
      if (!details.some((d) => detailsRe.test(d))) continue;
      score += 25;
    }
    if (raw.hint === entry.id) score += 20;
    if (m.fallback) {
      score -= 5;
      evidence = evidence || !hasText;
    }
    if (!evidence) continue;
    if (!best || score > best.score) best = { entry, groups, score };
  }
  return best;
}

function fill(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? (key === 'kind' ? 'the operation' : whole));
}

/** HTTP reason phrases (RFC 9110), as fetch's `statusText` gives them. */
const HTTP_REASONS: Record<string, number> = {
  'Bad Request': 400,
  Unauthorized: 401,
  Forbidden: 403,
  'Not Found': 404,
  'Method Not Allowed': 405,
  Conflict: 409,
  Gone: 410,
  'Payload Too Large': 413,
  'Too Many Requests': 429,
  'Internal Server Error': 500,
  'Not Implemented': 501,
  'Bad Gateway': 502,
  'Service Unavailable': 503,
  'Gateway Timeout': 504,
};

const HTTP_CLASS = (status: number | null): Verdict => (status !== null && status >= 500 ? 'with-backoff' : 'after-fix');

/** Builds the finding: what the text told, diagnosed by the best catalog entry. */
export function diagnose(catalog: Catalog, raw: RawFinding): Finding | null {
  let match = matchEntry(catalog, raw);
  let source = raw.source;
  // A retry series' note comes first (the merger finds it there to renew it).
  const notes = [...(raw.retries ? [retryNote(raw.retries)] : []), ...(raw.notes ?? [])];
  if (!match && (raw.source === 'python-sdk' || raw.source === 'ts-sdk') && raw.code === null && raw.name !== 'NetworkRetryWarning') {
    // An exception that passes through SDK frames but is not one the catalog knows: not a Resonate error.
    const unknown = matchEntry(catalog, { ...raw, source: 'unknown' });
    if (unknown) {
      match = unknown;
      source = 'unknown';
      notes.push('It passed through Resonate SDK frames, but the catalog knows no Resonate error with this text.');
    }
  }
  if (!match && raw.source === 'unknown') {
    const last = catalog.entries.find((e) => e.id === 'unknown.not-resonate');
    if (last) match = { entry: last, groups: {}, score: 0 };
  }
  const inferred: Finding['inferred'] = [];
  const entry = match?.entry ?? null;
  if (entry?.tellApart) notes.push(fill(entry.tellApart, match?.groups ?? {}));
  let kind = raw.kind;
  let status = raw.status;
  let wraps = raw.wraps ?? null;
  // A TS SERVER_ERROR that carries a server message: read the server's status (and kind) off the catalog.
  const carried = wraps?.status === null ? wraps.message : raw.message;
  if (source === 'ts-sdk' && carried && (raw.code === '1199' || entry?.code === '1199') && (!wraps || wraps.status === null)) {
    // The server's text, as the SDK carries it (0.8.4 prefixes a legacy message with "ResonateError: ").
    const text = carried.replace(/^(?:ResonateError: )+/, '');
    const server =
      [matchEntry(catalog, { source: 'server', code: null, status: null, kind: raw.kind, message: text, name: null }), matchEntry(catalog, { source: 'legacy-server', code: null, status: null, kind: null, message: text, name: null })].find(
        (m) => m !== null && m.score >= 80 && m.entry.status !== undefined,
      ) ?? null;
    const reason = HTTP_REASONS[text.trim()];
    if (!server && reason !== undefined) {
      // 0.8.3–0.9.x: a body that is not JSON leaves the reason phrase (`Bad Gateway`) as the message.
      wraps = { source: 'server', code: null, status: reason, message: text };
      if (status === null) {
        status = reason;
        inferred.push('status');
      }
    }
    if (server && server.entry.status !== undefined) {
      wraps = { source: server.entry.source, code: server.entry.code, status: server.entry.status, message: text };
      if (status === null) {
        status = server.entry.status;
        inferred.push('status');
      }
      const firstKind = server.entry.match.kinds?.[0];
      if (kind === null && firstKind) {
        kind = firstKind;
        inferred.push('kind');
      }
    }
  }
  if (wraps && status === null && wraps.status !== null) {
    status = wraps.status;
    inferred.push('status');
  }
  let code = raw.code;
  if (code === null && entry?.code != null && (source !== 'server' || status === null || entry.code === String(status))) {
    code = entry.code;
    inferred.push('code');
  }
  if (status === null && entry?.status !== undefined) {
    status = entry.status;
    inferred.push('status');
  }
  let message = raw.message;
  if (message === null && entry?.match.message !== undefined && !entry.notError) {
    message = entry.match.message;
    inferred.push('message');
  }
  if (kind === null && entry?.match.kinds?.length === 1 && !entry.notError) {
    kind = entry.match.kinds[0] ?? null;
    if (kind) inferred.push('kind');
  }
  const variant = entry?.byKind?.find((v) => kind !== null && v.kinds.includes(kind));
  const values: Record<string, string | undefined> = { ...(match?.groups ?? {}), kind: kind ?? undefined };
  let advice: RetryAdvice = variant?.retry ?? entry?.retry ?? {
    verdict: HTTP_CLASS(status),
    reason: status !== null && status >= 500 ? 'A server-side failure: the same request may succeed later.' : 'The catalog does not know this error; a client-side error fails until it is fixed.',
  };
  // Python's ResonateShutdownError says nothing of its own: its cause decides.
  if (raw.cause) {
    const cause = diagnose(catalog, raw.cause);
    if (cause) {
      const verdict: Verdict = cause.retry === 'with-backoff' || cause.retry === 'safe' ? 'with-backoff' : 'after-fix';
      advice = {
        verdict,
        reason: `The SDK shut down because of its cause, ${cause.code ? `[${cause.code}] ` : ''}${cause.title}: ${cause.retryReason} The SDK instance is stopped, so restart the worker.`,
      };
      notes.push(`Caused by: ${cause.name ?? 'error'}${cause.code ? ` [${cause.code}]` : ''} ${cause.message ?? ''}`.trim());
    }
  }
  const notError = entry?.notError === true;
  const warning = entry?.warning === true;
  const causes = (variant?.causes ?? entry?.causes ?? ['No catalog entry describes this error yet.']).map((c) => fill(c, values));
  const title = entry ? fill(entry.title, values) : `${raw.name ?? (source === 'unknown' ? 'Error' : 'Resonate error')}${code ? ` ${code}` : ''}${status ? ` (HTTP ${status})` : ''}`;
  // Clearly Resonate, but no entry: say so, with where to look, instead of a guess presented as a diagnosis.
  const nearest = !entry && source !== 'unknown' ? nearestEntries(catalog, { ...raw, source, code, status }) : [];
  // The SDK's in-process store or network (Python LocalStore, TS LocalNetwork) answers without HTTP: no status.
  if (status !== null && inProcessStore(raw)) {
    status = null;
    const at = inferred.indexOf('status');
    if (at >= 0) inferred.splice(at, 1);
  }
  return {
    source,
    code,
    status,
    kind,
    ...(raw.rawKind ? { rawKind: raw.rawKind } : {}),
    message,
    name: raw.name ?? entry?.name ?? null,
    entry: entry?.id ?? null,
    error: !notError,
    retry: notError && !warning ? 'n/a' : advice.verdict,
    retryReason: fill(advice.reason, values),
    title,
    cause: causes[0] ?? '',
    causes,
    steps: (variant?.steps ?? entry?.steps ?? ['Report this error so it can be added to the catalog.']).map((s) => fill(s, values)),
    summary: fill(
      variant?.summary ??
        entry?.summary ??
        (source === 'unknown'
          ? 'The catalog has no entry for this error.'
          : "A Resonate error the catalog doesn't know yet: the paste shows it comes from Resonate, but no catalog entry describes it. The verdict below is judged from its status alone; the nearest entries may help, and a report adds it to the catalog."),
      values,
    ),
    ...(nearest.length > 0 ? { nearest } : {}),
    mismatch: raw.mismatch ?? entry?.mismatch ?? null,
    notes,
    ...(raw.retries ? { retries: { ...raw.retries, delays: [...raw.retries.delays] } } : {}),
    inferred,
    warning,
    incidental: entry?.incidental === true,
    ...(raw.fragment ? { fragment: true } : {}),
    corrId: raw.corrId ?? null,
    ids: raw.ids ?? {},
    versions: raw.versions ?? {},
    userFrame: raw.userFrame ?? null,
    frames: raw.frames ?? [],
    chain: raw.chain ?? [],
    wraps,
    request: raw.request ?? null,
    response: raw.response ?? null,
    count: 1,
    span: raw.span,
    spans: [raw.span],
    excerpt: '',
  };
}
