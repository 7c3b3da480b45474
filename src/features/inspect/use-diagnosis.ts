import { useEffect, useRef, useState } from 'react';
import type { Catalog } from '../../core/catalog/catalog-types';
import { diagnose, type Diagnosis } from './diagnose';
import type { Finding } from '../../core/decode/finding';
import { DIAGNOSE_BUDGET_MS, firstLines, isDiagnoseResponse, type DiagnoseRequest } from './diagnose-protocol';

/** A diagnosis and the text it was read from (older than the paste while the worker reads the new one). */
export type DiagnosisFor = { text: string; diagnosis: Diagnosis };

function spawn(): Worker | null {
  try {
    return typeof Worker === 'undefined' ? null : new Worker(new URL('./diagnose.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * Decodes every paste in a Web Worker, so that no paste blocks the page: the previous diagnosis stays shown
 * (marked stale) until the worker answers for the latest text, a few milliseconds for a one-envelope paste.
 * A decode still running after DIAGNOSE_BUDGET_MS is stopped (the worker is replaced; the same text is not sent
 * again) and said so, with the findings of the text's first lines (read first, for a long text). Without
 * Worker support, decodes in the page as before. `enabled: false` (a long log, read by the triage feature) sends
 * nothing; nor does a catalog still loading (null).
 */
export function useDiagnosis(text: string, catalog: Catalog | null, enabled: boolean): DiagnosisFor {
  const [result, setResult] = useState<DiagnosisFor>({ text: '', diagnosis: { status: 'empty' } });
  const worker = useRef<Worker | null>(null);
  const latest = useRef({ id: 0, text: '' });
  const timer = useRef<number | undefined>(undefined);
  const partial = useRef<{ id: number; findings: Finding[] } | null>(null);
  const [generation, setGeneration] = useState(0);

  // One worker at a time; a stopped decode replaces it (generation + 1).
  useEffect(() => {
    // No catalog yet (it is fetched beside the code): no worker, nothing decoded.
    if (!catalog) return undefined;
    const w = spawn();
    worker.current = w;
    if (!w) return undefined;
    w.onmessage = (e: MessageEvent<unknown>) => {
      const message = e.data;
      if (!isDiagnoseResponse(message) || message.id !== latest.current.id) return;
      if (message.type === 'partial') {
        partial.current = { id: message.id, findings: message.diagnosis.status === 'done' ? message.diagnosis.findings : [] };
        return;
      }
      window.clearTimeout(timer.current);
      setResult({ text: latest.current.text, diagnosis: message.diagnosis });
    };
    const hello: DiagnoseRequest = { type: 'catalog', catalog };
    w.postMessage(hello);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [catalog, generation]);

  useEffect(() => {
    if (!enabled || !catalog) return undefined;
    const id = latest.current.id + 1;
    latest.current = { id, text };
    window.clearTimeout(timer.current);
    if (text.trim() === '') {
      setResult({ text, diagnosis: { status: 'empty' } });
      return undefined;
    }
    const w = worker.current;
    if (!w) {
      setResult({ text, diagnosis: diagnose(text, catalog) });
      return undefined;
    }
    const request: DiagnoseRequest = { type: 'diagnose', id, text };
    w.postMessage(request);
    timer.current = window.setTimeout(() => {
      if (latest.current.id !== id) return;
      const found = partial.current?.id === id ? partial.current : null;
      setResult({ text, diagnosis: { status: 'stopped', afterMs: DIAGNOSE_BUDGET_MS, findings: found?.findings ?? [], readChars: found ? firstLines(text).length : 0 } });
      setGeneration((g) => g + 1);
    }, DIAGNOSE_BUDGET_MS);
    return () => window.clearTimeout(timer.current);
  }, [text, catalog, enabled]);

  return result;
}
