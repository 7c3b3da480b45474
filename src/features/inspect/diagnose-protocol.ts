import type { Catalog } from '../../core/catalog/catalog-types';
import { diagnose, type Diagnosis } from './diagnose';

/**
 * Messages between the page and the diagnose worker (diagnose.worker.ts): every paste is decoded there, so a
 * paste can never block the page. The catalog is sent once (it is large), then one request per text; only the
 * answer to the latest id is used.
 */
export type DiagnoseRequest = { type: 'catalog'; catalog: Catalog } | { type: 'diagnose'; id: number; text: string };
export type DiagnoseResponse = { type: 'diagnosis'; id: number; diagnosis: Diagnosis };

/** How long a paste may take before the page stops its decode and says so. */
export const DIAGNOSE_BUDGET_MS = 5_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isDiagnoseResponse(v: unknown): v is DiagnoseResponse {
  return isRecord(v) && v.type === 'diagnosis' && typeof v.id === 'number' && isRecord(v.diagnosis);
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
      const diagnosis: Diagnosis = catalog ? diagnose(message.text, catalog) : { status: 'failed', error: 'the catalog did not reach the decode worker' };
      post({ type: 'diagnosis', id: message.id, diagnosis });
    }
  };
}
