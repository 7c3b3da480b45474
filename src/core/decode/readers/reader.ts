import type { Catalog } from '../../catalog/catalog-types';
import type { Span } from '../finding';
import type { Line, RawFinding } from '../raw';

/** A raw finding as a reader returns it; `echo` marks one that only repeats what another line says (kept if it is diagnosed). */
export type Read = RawFinding & {
  echo?: boolean;
  /** Kept only when a catalog entry (not a fallback) knows it: a line of a shape any program prints (a Go slog line). */
  knownOnly?: boolean;
};

/** What every reader of one text sees. */
export type ReadContext = {
  /** The normalized lines of the text being read (see normalizeLines). */
  lines: Line[];
  catalog: Catalog;
  /** The 1-based line number, in the paste, of lines[i]. */
  no: (i: number) => number;
  /** Reads a text found inside this one (a JSON string that holds a trace) with the same readers; its findings get `span`. */
  readNested: (text: string, span: Span) => Read[];
  /** The lines' texts joined by `\n`, when the caller has that text already (a window's): spares joining them. */
  joined?: string;
};

/** What a reader read from line i: its raw findings (possibly none) and the index of the last line it read (≥ i). */
export type ReadResult = { raws: Read[]; end: number };

/** One reader, started afresh for each text: any state it needs (a pending request, an HTTP status line) lives in the instance. */
export type ReaderInstance = {
  /** Called for every line the loop visits, before any reader reads it, so the reader can remember context. */
  see?: (i: number, text: string) => void;
  /**
   * Reads from line i; null when this reader has nothing there. Never throws on user input. `hinted`: the line holds
   * one of the reader's hints (Markers.hints), or the reader has none, or the line was not gated. `after`: a reader
   * after this one may read the line (its markers are in it, or the line was not gated); when false, whether this
   * one takes the line (a result with no findings) or leaves it (null) changes nothing.
   */
  read: (i: number, text: string, hinted: boolean, after: boolean) => ReadResult | null;
};

/** A reader's markers: literal texts (static, or taken from the catalog), and a bound on a line's word characters. */
export type Markers = {
  texts: readonly string[] | ((catalog: Catalog) => readonly string[]);
  /** Lines with at most this many word characters (`[A-Za-z0-9_]`) pass too, markers or not (a code on its own). */
  fewWordChars?: number;
  /**
   * Texts, ASCII case aside, one of which is in every line where read() can find more than its shortcut for lines
   * without them finds (the JSON reader reads a one-line record of none of its keys as nothing). Found by the same
   * pass as the markers, at no cost; complete as markers must be: a line that needed the full read and holds none
   * of them is a finding lost.
   */
  hints?: readonly string[];
};

/** A reader of one shape of text (Python tracebacks, envelopes, server log lines…). */
export type Reader = {
  /** Short, kebab-case, for tests and debugging. */
  name: string;
  /**
   * The gate (marker-gate.ts): texts, ASCII case aside, one of which is in every line this reader reads from or
   * learns from (`see`); the reader is not called on other lines. Without markers it sees every line. They must be
   * complete: a line the reader would read that holds none of them is a finding lost.
   */
  markers?: Markers;
  start: (ctx: ReadContext) => ReaderInstance;
};
