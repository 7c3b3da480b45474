import type { Catalog } from '../../core/catalog/catalog-types';
import { decode } from '../../core/decode/decode';
import type { Finding } from '../../core/decode/finding';

export type Diagnosis =
  | { status: 'empty' }
  | { status: 'done'; findings: Finding[] }
  | { status: 'failed'; error: string }
  /** The decode ran past its time budget and was stopped (use-diagnosis.ts), with what its first lines held. */
  | { status: 'stopped'; afterMs: number; findings: Finding[]; readChars: number };

/**
 * Runs the decoder on the current paste. The decoder promises never to throw; the page still
 * guards, so one bad input can never take the page down.
 */
export function diagnose(text: string, catalog: Catalog): Diagnosis {
  if (text.trim() === '') return { status: 'empty' };
  try {
    return { status: 'done', findings: decode(text, catalog) };
  } catch (err) {
    return { status: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}
