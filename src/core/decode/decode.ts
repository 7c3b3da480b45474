import type { Catalog } from '../catalog/catalog-types';
import type { Finding } from './finding';

/**
 * Reads every Resonate failure (and success envelope) in a pasted text and diagnoses it against the catalog.
 * Never throws; returns the findings most important first (errors, then warnings, then non-Resonate errors,
 * then successes), each group in the order of the text.
 */
export function decode(text: string, catalog: Catalog): Finding[] {
  void text;
  void catalog;
  return [];
}
