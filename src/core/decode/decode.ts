import type { Catalog } from '../catalog/catalog-types';
import { diagnose } from './classify';
import type { Finding, Span } from './finding';
import { normalizeText } from './normalize';
import type { Line } from './raw';
import { READERS } from './readers';
import { markerGate } from './readers/marker-gate';
import { applyRelease } from './release';
import type { Read, ReadContext, ReaderInstance } from './readers/reader';
import { mergeRetrySeries, retryNote } from './retry-series';

/**
 * Reads every Resonate failure (and success envelope) in a pasted text and diagnoses it against the catalog.
 * Never throws; returns the findings most important first (errors, then warnings, then non-Resonate errors,
 * then successes), each group in the order of the text. The same failure seen several times is one finding with a count.
 */
export function decode(text: string, catalog: Catalog): Finding[] {
  try {
    return readFindings(text, catalog);
  } catch {
    // A last safety net for the page: the readers themselves are tested (property tests) not to throw.
    return [];
  }
}

/**
 * `ungated`: every reader tries every line, without the marker gate (its tests compare the two). `joined`: the
 * lines' texts joined by `\n`, when the caller has it (see ReadContext.joined).
 */
export type DiagnoseOptions = {
  ungated?: boolean;
  joined?: string;
  /** The gate's masks of the lines and their lengths in bytes, when the caller read them off the bytes (MarkerGate.masksOf). */
  masks?: { masks: Int32Array; lengths: Int32Array };
};

/** decode() without its safety net, for the tests that prove the readers never throw. */
export function readFindings(text: string, catalog: Catalog, options: DiagnoseOptions = {}): Finding[] {
  const { lines, joined } = normalizeText(text);
  return rankFindings(mergeFindings(diagnoseLines(lines, catalog, joined === null ? options : { ...options, joined })));
}

/**
 * The findings of already normalized lines (see normalizeLines), one per occurrence, in the order of the text:
 * decode() before merging and ranking. Spans are the lines' own numbers, so a slice of a long text's lines
 * (src/core/triage chunks) gives spans in the whole text. May throw on a reader bug: callers keep a safety net.
 */
export function diagnoseLines(lines: Line[], catalog: Catalog, options: DiagnoseOptions = {}): Finding[] {
  const gated = options.ungated !== true;
  const raws = readLines(lines, catalog, 0, null, gated, options.joined, gated ? options.masks : undefined);
  const findings: Finding[] = [];
  for (const raw of raws) {
    const f = diagnose(catalog, raw);
    if (!f) continue;
    // A record that only repeats an error's message counts when the catalog knows that message, not by a fallback,
    // and when the message says more than one generic word ("Unauthorized" could be any product's).
    if (raw.echo && (f.entry === null || f.code === null || f.source === 'unknown' || fallbackIds(catalog).has(f.entry) || !/\S\s+\S/.test(raw.message ?? ''))) continue;
    if (raw.knownOnly && (f.entry === null || fallbackIds(catalog).has(f.entry))) continue;
    f.excerpt = excerptOf(lines, f.span);
    applyRelease(f, catalog);
    findings.push(f);
  }
  return findings;
}

const fallbackCache = new WeakMap<Catalog, Set<string>>();
/** The ids of the catalog's fallback entries (used only when nothing more specific matches). */
function fallbackIds(catalog: Catalog): Set<string> {
  let ids = fallbackCache.get(catalog);
  if (!ids) {
    ids = new Set(catalog.entries.filter((e) => e.match.fallback === true).map((e) => e.id));
    fallbackCache.set(catalog, ids);
  }
  return ids;
}

const NOT_BLANK = /\S/;

/** Texts inside texts (a JSON log record whose string holds a trace) are read this many levels deep. */
const MAX_DEPTH = 3;

/**
 * The reading loop: at each line, every reader first sees it (to remember context), then the readers try it in
 * order and the first that reads something wins; reading goes on after the last line it read.
 */
function readLines(lines: Line[], catalog: Catalog, depth: number, spanOverride: Span | null, gated: boolean, joined?: string, known?: DiagnoseOptions['masks']): Read[] {
  const ctx: ReadContext = {
    lines,
    catalog,
    no: (i) => lines[i]?.no ?? 0,
    readNested: (text, span) => {
      if (depth >= MAX_DEPTH) return [];
      const nested = normalizeText(text);
      return readLines(nested.lines, catalog, depth + 1, spanOverride ?? span, gated, nested.joined ?? undefined);
    },
    ...(joined !== undefined ? { joined } : {}),
  };
  const readers: ReaderInstance[] = READERS.map((r) => r.start(ctx));
  const bits = readers.map((_, k) => 1 << k);
  // By reader: the bits of the readers after it.
  const laterBits = bits.map((_, k) => bits.slice(k + 1).reduce((m, b) => m | b, 0));
  const seers = readers.flatMap((r, k) => (r.see ? [{ see: r.see, bit: bits[k] ?? 0 }] : []));
  const gate = gated ? markerGate(READERS, catalog) : null;
  const maskOf = gate ? gate.maskOf : () => -1;
  // A reader without hints is always told its line is hinted (so is every reader when the lines are not gated).
  const hintBits = gate ? gate.hintBits : [];
  const out: Read[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    // The readers that may read this line or learn from it (marker-gate.ts): on a noise line, often none; a blank
    // line reaches none. A mask read off the line's bytes holds where they are its characters, one for one (as many
    // bytes as code units).
    const mask = known && known.lengths[i] === t.length ? (known.masks[i] ?? 0) : maskOf(t);
    if (mask === 0 || !NOT_BLANK.test(t)) continue;
    for (const s of seers) if (mask & s.bit) s.see(i, t);
    for (let k = 0; k < readers.length; k++) {
      if (!(mask & (bits[k] ?? 0))) continue;
      const hint = hintBits[k] ?? 0;
      const result = readers[k]?.read(i, t, hint === 0 || (mask & hint) !== 0, (mask & (laterBits[k] ?? 0)) !== 0);
      if (!result) continue;
      for (const raw of result.raws) out.push(spanOverride ? { ...raw, span: spanOverride } : raw);
      i = Math.max(i, result.end);
      break;
    }
  }
  return out;
}

function signature(f: Finding): string {
  return [f.source, f.code, f.status, f.entry].join('\u0000');
}

function sameMessage(a: Finding, b: Finding): boolean {
  if (a.message === null || b.message === null) return true;
  const norm = (m: string) => m.replace(/Retrying in \d+(?:\.\d+)? ?(?:s|sec)\.?/g, 'Retrying').trim();
  return norm(a.message) === norm(b.message);
}

/**
 * Merges findings added one by one, in the order of the text; `findings` is the merged list so far (mutated as more
 * are added). `add` returns the merged finding the one given went into (itself when it is new).
 */
export type FindingMerger = { add: (f: Finding) => Finding; readonly findings: Finding[] };

/**
 * One failure seen several times (a trace pasted twice, a retry loop) becomes one finding with a count.
 * Incremental, so that findings read chunk by chunk merge exactly as if read in one go.
 */
export function createFindingMerger(options: { maxSpans?: number } = {}): FindingMerger {
  const out: Finding[] = [];
  const bySig = new Map<string, Finding[]>();
  // Occurrences past this many keep counting but keep no span (a log of millions of repeats stays small).
  const maxSpans = options.maxSpans ?? Infinity;
  const add = (f: Finding): Finding => {
    const sig = signature(f);
    const same = bySig.get(sig)?.find((g) => (g.kind === f.kind || g.kind === null || f.kind === null) && sameMessage(g, f));
    if (same) {
      absorb(same, f, maxSpans);
      return same;
    }
    const list = bySig.get(sig);
    if (list) list.push(f);
    else bySig.set(sig, [f]);
    out.push(f);
    return f;
  };
  return { add, findings: out };
}

/** Merges `f` into `same`, a finding of the same failure seen before it. */
function absorb(same: Finding, f: Finding, maxSpans: number): void {
  same.count += f.count;
  for (const span of f.spans) if (same.spans.length < maxSpans) same.spans.push(span);
  if (same.kind === null && f.kind !== null) {
    same.kind = f.kind;
    same.inferred = same.inferred.filter((x) => x !== 'kind');
  }
  if (same.message === null && f.message !== null) {
    same.message = f.message;
    same.inferred = same.inferred.filter((x) => x !== 'message');
  }
  same.name ??= f.name;
  same.corrId ??= f.corrId;
  same.ids = { ...f.ids, ...same.ids };
  same.versions = { ...f.versions, ...same.versions };
  same.userFrame ??= f.userFrame;
  if (same.frames.length === 0) same.frames = f.frames;
  if (same.request === null) same.request = f.request;
  if (same.response === null) same.response = f.response;
  let skip: string | undefined;
  if (f.retries && same.retries) {
    // One retry read in pieces: one series, and its note renewed where it stood.
    const merged = mergeRetrySeries(same.retries, f.retries);
    const at = same.notes.indexOf(retryNote(same.retries));
    if (at >= 0) same.notes[at] = retryNote(merged);
    same.retries = merged;
    skip = retryNote(f.retries);
  } else if (f.retries) same.retries = f.retries;
  for (const n of f.notes) if (n !== skip && !same.notes.includes(n)) same.notes.push(n);
}

/**
 * A stretch of findings in text order (a window's), with each run of the same failure merged ahead of time: a
 * finding goes into the one before it when nothing of the same signature came between them but the same failure
 * (same kind, same message, no retry series). Merging the result (createFindingMerger) gives exactly what merging
 * the findings one by one gives: each would have gone where the first of its run went, and nothing between them
 * touched that finding. A pool's worker sends its window compacted: on a log where every line is an error, a few
 * hundred findings with counts instead of thousands.
 */
export function compactFindings(findings: readonly Finding[], maxSpans = Infinity): Finding[] {
  const out: Finding[] = [];
  const last = new Map<string, { key: string; into: Finding } | null>();
  for (const f of findings) {
    const sig = signature(f);
    const key = JSON.stringify([f.kind, f.message]);
    const run = last.get(sig);
    if (!f.retries && run && run.key === key) {
      absorb(run.into, f, maxSpans);
      continue;
    }
    out.push(f);
    last.set(sig, f.retries ? null : { key, into: f });
  }
  return out;
}

/** Merges findings given in the order of the text (see createFindingMerger). */
export function mergeFindings(findings: Finding[]): Finding[] {
  const merger = createFindingMerger();
  for (const f of findings) merger.add(f);
  return merger.findings;
}

/** The process ended on this error: node's `Node.js vX` footer of an uncaught error, the Python SDK's crash reports. */
const ENDED_THE_PROCESS = /^Node\.js v\d+\.\d+\.\d+\s*$|had to shut down\.|^An unexpected error happened\./m;

function rankOf(f: Finding): number {
  // What ended the process comes before what was only logged on the way.
  if (f.error && !f.warning && !f.incidental && f.source !== 'unknown' && ENDED_THE_PROCESS.test(f.excerpt)) return 5;
  // Ctrl+C after a hang: whatever else the paste shows is the cause.
  if (f.incidental) return 0.5;
  if (f.source === 'unknown') return 1;
  // A message quoted in a sentence, a code, a docs link: after any whole error of the paste.
  if (f.error && !f.warning && f.fragment) return 3.5;
  if (f.error && !f.warning) return 4;
  if (!f.error && f.warning) return 3;
  if (f.error) return 2;
  return 0;
}

/** Most important first (the error that ended the process, then other errors, then warnings, then non-Resonate errors, then incidental ones such as Ctrl+C, then successes), each group in the order given. */
export function rankFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rankOf(b.f) - rankOf(a.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** The first 200 lines of the span. Line numbers grow along `lines`, so the span's first line is found by bisection. */
function excerptOf(lines: Line[], span: Span): string {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid]?.no ?? 0) < span.startLine) lo = mid + 1;
    else hi = mid;
  }
  const picked: string[] = [];
  for (let i = lo; i < lines.length && picked.length < 200; i++) {
    const l = lines[i];
    if (!l || l.no > span.endLine) break;
    picked.push(l.text);
  }
  return picked.join('\n');
}

