import type { Finding } from './finding';

/**
 * What a reader took off the text, before the catalog diagnosis: the facts of a Finding (the same fields and
 * types), without the diagnosis, most of them optional.
 */
export type RawFinding = Pick<Finding, 'source' | 'code' | 'status' | 'kind' | 'message' | 'name' | 'span'> &
  Partial<
    Pick<Finding, 'rawKind' | 'corrId' | 'ids' | 'versions' | 'frames' | 'userFrame' | 'chain' | 'wraps' | 'request' | 'response' | 'notes' | 'mismatch' | 'retries'>
  > & {
    /** A raw finding for the cause, when the final error's verdict depends on it (Python ResonateShutdownError). */
    cause?: RawFinding;
    /** Success envelopes: state of data.promise. */
    promiseState?: string;
    /**
     * Texts the error carries beside its message (a legacy body's `details[].message`, a Python details block,
     * an unparsed response body): they refine the diagnosis through the catalog's `match.details`.
     */
    details?: string[];
    /** The catalog entry a reader already recognized (a message found inside other text): it wins when its text fits. */
    hint?: string;
    /** Only an entry of exactly this code fits (a docs link names one code; another code's fallback is not it). */
    exactCode?: boolean;
    /** Read from a fragment (a message quoted in a sentence, a code, a docs link), not from a whole error. */
    fragment?: boolean;
  };

/** A line of the normalized text, with its 1-based line number in the original paste. */
export type Line = { text: string; no: number };
