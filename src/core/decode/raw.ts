import type { Source } from '../catalog/catalog-types';
import type { ChainLink, Frame, Span, Versions, Wrapped } from './finding';

/** What a reader took off the text, before the catalog diagnosis. */
export type RawFinding = {
  source: Source;
  code: string | null;
  status: number | null;
  kind: string | null;
  rawKind?: string;
  message: string | null;
  name: string | null;
  corrId?: string | null;
  ids?: { promise?: string; task?: string; schedule?: string };
  versions?: Versions;
  frames?: Frame[];
  userFrame?: Frame | null;
  chain?: ChainLink[];
  wraps?: Wrapped | null;
  request?: unknown;
  response?: unknown;
  notes?: string[];
  mismatch?: string | null;
  /** A raw finding for the cause, when the final error's verdict depends on it (Python ResonateShutdownError). */
  cause?: RawFinding;
  /** Success envelopes: state of data.promise. */
  promiseState?: string;
  span: Span;
};

/** A line of the normalized text, with its 1-based line number in the original paste. */
export type Line = { text: string; no: number };
