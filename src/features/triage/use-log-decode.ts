import { useCallback, useEffect, useRef, useState } from 'react';
import type { Catalog } from '../../core/catalog/catalog-types';
import type { DecodeRequest } from '../../core/triage/worker-protocol';
import { cancelledState, isDecodeResponse, reduceDecode, startedState, type LogDecodeState } from './decode-session';

/** A pause before a new text is sent: typing in a long log sends it once, not on every key. */
const SETTLE_MS = 120;

export type LogDecode = {
  state: LogDecodeState;
  /** Stop the run at its next chunk, keeping what was found. */
  cancel: () => void;
  /** Decode the same text again (after a cancel or an error). */
  restart: () => void;
};

function createWorker(): Worker {
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Decodes `text` in a Web Worker (one per mounted page), streaming the findings in as the worker reads the log.
 * Each run has a new id; messages of a replaced or cancelled run are dropped (decode-session.ts).
 */
export function useLogDecode(text: string, catalog: Catalog): LogDecode {
  const workerRef = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const [state, setState] = useState<LogDecodeState>(() => startedState(0));
  const [attempt, setAttempt] = useState(0);
  const currentId = state.id;

  // One worker for the life of the page; its messages go through the reducer.
  useEffect(() => {
    const worker = createWorker();
    workerRef.current = worker;
    worker.onmessage = (e: MessageEvent<unknown>) => {
      if (isDecodeResponse(e.data)) {
        const message = e.data;
        setState((s) => reduceDecode(s, message));
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      setState((s) => (s.status === 'running' ? { status: 'error', id: s.id, error: e.message || 'the decode worker failed' } : s));
    };
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++nextId.current;
    let started = false;
    setState((s) => startedState(id, s));
    const timer = window.setTimeout(() => {
      const request: DecodeRequest = { type: 'start', id, text, catalog };
      workerRef.current?.postMessage(request);
      started = true;
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      if (!started) return;
      const cancel: DecodeRequest = { type: 'cancel', id };
      workerRef.current?.postMessage(cancel);
    };
  }, [text, catalog, attempt]);

  const cancel = useCallback(() => {
    const request: DecodeRequest = { type: 'cancel', id: currentId };
    workerRef.current?.postMessage(request);
    setState((s) => cancelledState(s));
  }, [currentId]);

  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, cancel, restart };
}
