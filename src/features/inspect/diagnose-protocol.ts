import type { Catalog } from '../../core/catalog/catalog-types';
import { diagnose, type Diagnosis } from './diagnose';

/**
 * Messages between the page and the diagnose worker (diagnose.worker.ts): every paste is decoded there, so a
 * paste can never block the page. The catalog is sent once (it is large), then one request per text; only the
 * answer to the latest id is used.
 */
export type DiagnoseRequest = { type: 'catalog'; catalog: Catalog } | { type: 'diagnose'; id: number; text: string };
/** `partial`: the findings of the text's first PARTIAL_CHARS (whole lines), sent first for a long text. */
export type DiagnoseResponse = { type: 'diagnosis' | 'partial'; id: number; diagnosis: Diagnosis };

/** A text longer than this is first read on its beginning, so that a stopped decode still shows what it found. */
export const PARTIAL_CHARS = 32 * 1024;

/** The text's beginning, cut at a line end: at most `max` characters. */
export function firstLines(text: string, max = PARTIAL_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  return text.slice(0, cut > 0 ? cut : max);
}

/** How long a paste may take before the page stops its decode and says so. */
export const DIAGNOSE_BUDGET_MS = 5_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isDiagnoseResponse(v: unknown): v is DiagnoseResponse {
  return isRecord(v) && (v.type === 'diagnosis' || v.type === 'partial') && typeof v.id === 'number' && isRecord(v.diagnosis);
}

/** The worker's side: keeps the catalog, answers each request. Never throws. */
export function createDiagnoseHandler(post: (message: DiagnoseResponse) => void): (message: unknown) => void {
  let catalog: Catalog | null = null;
  return (message) => {
    if (!isRecord(message)) return;
    if (message.type === 'catalog' && isRecord(message.catalog)) {
      catalog = message.catalog as Catalog;
      return;
    }
    if (message.type === 'diagnose' && typeof message.id === 'number' && typeof message.text === 'string') {
      if (!catalog) {
        post({ type: 'diagnosis', id: message.id, diagnosis: { status: 'failed', error: 'the catalog did not reach the decode worker' } });
        return;
      }
      if (message.text.length > PARTIAL_CHARS) post({ type: 'partial', id: message.id, diagnosis: diagnose(firstLines(message.text), catalog) });
      post({ type: 'diagnosis', id: message.id, diagnosis: diagnose(message.text, catalog) });
    }
  };
}
