/**
 * The shared catalog of Resonate errors (public/catalog.json, schema public/catalog.schema.json).
 * These types mirror the JSON Schema; `parseCatalog` validates untrusted JSON into them once.
 */

/** Where an error comes from, as the CLI and the page name it. */
export const SOURCES = ['server', 'legacy-server', 'python-sdk', 'ts-sdk', 'unknown'] as const;
export type Source = (typeof SOURCES)[number];

/**
 * Is a retry safe?
 * - safe: harmless, same or newer answer (or the SDK is already retrying by itself);
 * - with-backoff: transient, the identical request can succeed later;
 * - after-fix: fails until something is fixed (request, credentials, config, a prerequisite);
 * - never: the state has moved on; retrying is pointless or harmful.
 */
export const VERDICTS = ['safe', 'with-backoff', 'after-fix', 'never'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A retry verdict with its reason. */
export type RetryAdvice = {
  verdict: Verdict;
  reason: string;
};

/** Overrides that apply when the finding's operation kind is one of `kinds`. */
export type KindVariant = {
  kinds: string[];
  retry?: RetryAdvice;
  causes?: string[];
  steps?: string[];
  summary?: string;
};

export type EntryMatch = {
  /** Exact message (after trimming). */
  message?: string;
  /** JavaScript regular expression (no slashes, matched against the whole message; named groups become placeholders). */
  pattern?: string;
  /** Operation kinds where this message occurs (server entries). A kind outside the list still matches, with a lower score. */
  kinds?: string[];
  /** Exception class or factory names this entry stands for (e.g. `ResonateStoreError`, `REGISTRY_FUNCTION_NOT_REGISTERED`, `TypeError`). */
  names?: string[];
  /** HTTP statuses this entry covers, for a status-level fallback entry without a message. */
  statuses?: number[];
  /** Success envelopes: the state of `data.promise` (e.g. a create that came back `rejected_timedout`). */
  promiseState?: string[];
  /** A regular expression over what the error carries beside its message (details, wrapped error, causes): tells two meanings of one message apart. */
  details?: string;
  /** Where the exception was raised: in the SDK's own code (`sdk`) or in the application's code that the SDK ran (`user`). */
  raisedIn?: 'sdk' | 'user';
  /** A fallback entry: used only when nothing more specific matched. */
  fallback?: boolean;
};

export type CatalogEntry = {
  /** Stable, URL-safe id: lower case, digits, dots and dashes. Never reused for another error. */
  id: string;
  source: Source;
  /** The code as the user sees it: "404", "40400", "100.40400", "200", "1102"; null where there is none. */
  code: string | null;
  /** HTTP status (or head.status) that goes with this error, when one does. */
  status?: number;
  /** Exception class / TS factory key / pseudo-name (NetworkRetryWarning), when one names it. */
  name?: string;
  match: EntryMatch;
  title: string;
  /** What it means. */
  summary: string;
  /** Likely causes, most likely first. */
  causes: string[];
  retry: RetryAdvice;
  /** Per-kind overrides (a 409 on task.fulfill is not a 409 on task.create). */
  byKind?: KindVariant[];
  /** Next steps, in order. */
  steps: string[];
  /** Set when the error itself means two versions do not fit together (SDK vs server, protocol). */
  /** Where the message can mean several things: what in a paste would tell the cases apart. */
  tellApart?: string;
  /** Which releases print it, per product: a range such as `>=0.3.0 <0.5.0` (see version-range.ts). */
  releases?: Partial<Record<Source, string>>;
  /** The first release, per product, where the problem is gone. */
  fixedIn?: Partial<Record<Source, string>>;
  /** The process being stopped (Ctrl+C, a shutdown), not a cause of its own: any other finding of the paste ranks first. */
  incidental?: boolean;
  mismatch?: string;
  /** true for success envelopes and other results that are not errors. */
  notError?: boolean;
  /** A warning-level log line rather than a failure (e.g. the SDK is retrying a connection). */
  warning?: boolean;
  /** Versions where this message is emitted, e.g. "Rust server v0.9.0–v0.9.3". */
  versions?: string;
  docs?: string;
  /** Repository that takes a bug report, overriding the routing by source ("owner/name"). */
  reportRepo?: string;
  /** Where the reference found it (file:line@tag). */
  ref?: string;
  /** Ids of related entries (the same failure in another era or source). */
  related?: string[];
};

export type Catalog = {
  /** Catalog version (date-based, e.g. "2026.11.25"). */
  version: string;
  /** Which server, protocol and SDK versions the catalog covers. */
  covers: {
    server: string;
    protocol: string;
    legacyServer: string;
    pythonSdk: string;
    tsSdk: string;
  };
  /** Default repository per source for bug reports. */
  repos: Record<Source, string>;
  entries: CatalogEntry[];
};
