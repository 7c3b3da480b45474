import type { NearEntry } from './nearest';
import type { RetrySeries } from './retry-series';
import type { Source, Verdict } from '../catalog/catalog-types';

/** A stack frame, Python or JavaScript. */
export type Frame = {
  file: string;
  line: number | null;
  column?: number | null;
  func: string | null;
};

/** One link of an exception chain (root cause first). */
export type ChainLink = {
  name: string;
  message: string;
};

/** The 1-based line range of the pasted text a finding was read from. */
export type Span = {
  startLine: number;
  endLine: number;
};

/** Versions the text reveals. */
export type Versions = {
  sdk?: string;
  protocol?: string;
  /** "rust" for the envelope server, "go" for the legacy REST server; with a version when the text tells one. */
  server?: string;
  runtime?: string;
};

/** A failure one level down: the server error an SDK error wraps. */
export type Wrapped = {
  source: Source;
  code: string | null;
  status: number | null;
  message: string | null;
};

/** Everything the decoder read off one failure (or success) in the paste, and its diagnosis. */
export type Finding = {
  source: Source;
  /** The code as the user sees it ("404", "40400", "100.40400", "200", "1102"), or null. */
  code: string | null;
  status: number | null;
  /** Operation kind (`promise.get`), normalized; null when the text has none. */
  kind: string | null;
  /** The kind exactly as pasted, when it differs (e.g. the docs' `promises.get`). */
  rawKind?: string;
  message: string | null;
  /** Exception class, TS factory key or pseudo-name. */
  name: string | null;
  /** Catalog entry id. */
  entry: string | null;
  /** false for a success (not an error). */
  error: boolean;
  /** Retry verdict; `n/a` for a success. */
  retry: Verdict | 'n/a';
  retryReason: string;
  title: string;
  /** What it means (the catalog entry's summary, for this kind). */
  summary: string;
  /** The most likely cause. */
  cause: string;
  /** All likely causes, most likely first. */
  causes: string[];
  steps: string[];
  /** A version mismatch the finding reveals, in words. */
  mismatch: string | null;
  /** Other things worth saying about this finding. */
  notes: string[];
  /** Fields that were inferred rather than read off the text. */
  inferred: Array<'code' | 'status' | 'kind' | 'message'>;
  warning: boolean;
  /** For a Resonate error no catalog entry matched: the entries nearest to it (where to look, what to add it beside). */
  nearest?: NearEntry[];
  /** Read from a fragment of an error (a message quoted in other text, a code, a docs link): ranks after whole errors. */
  fragment?: boolean;
  /** The process being stopped (Ctrl+C, a shutdown): not a cause of its own; any other finding of the paste ranks first. */
  incidental: boolean;
  corrId: string | null;
  ids: { promise?: string; task?: string; schedule?: string };
  versions: Versions;
  /** The first frame in the user's own code. */
  userFrame: Frame | null;
  frames: Frame[];
  chain: ChainLink[];
  wraps: Wrapped | null;
  /** The request pasted beside a response envelope. */
  request: unknown;
  /** The response envelope or error body, as parsed. */
  response: unknown;
  /** A retry the SDK logged again and again: its tally (the first of `notes` is rendered from it). */
  retries?: RetrySeries;
  /** How many times the paste holds this failure. */
  count: number;
  /** Where it was read (first occurrence), and every occurrence. */
  span: Span;
  spans: Span[];
  /** The text of the first occurrence (normalized: no ANSI, no line prefixes). */
  excerpt: string;
};
