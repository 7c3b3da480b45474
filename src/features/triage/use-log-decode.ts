import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Catalog } from '../../core/catalog/catalog-types';
import { sliceText, type PasteText } from '../../core/text/paste-text';
import type { DecodeRequest } from '../../core/triage/worker-protocol';
import { cancelledState, isDecodeResponse, reduceDecode, startedState, type LogDecodeState } from './decode-session';

/** A pause before a new text is sent: typing in a long log sends it once, not on every key. */
const SETTLE_MS = 120;

/**
 * A pasted text goes to the worker as UTF-8 bytes in pieces of this many characters, one per task (about 5 ms
 * each, most of it encoding): a 100 MB string posted at once is copied in one task, a second of frozen page.
 */
const PIECE_CHARS = 1024 * 1024;

const encoder = new TextEncoder();
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

export type LogDecode = {
  state: LogDecodeState;
  /** Stop the run at its next window, keeping what was found. */
  cancel: () => void;
  /** Decode the same text again (after a cancel or an error). */
  restart: () => void;
};

function createWorker(): Worker {
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Decodes `text` in a Web Worker (one per mounted page), streaming the findings in as the worker reads the log;
 * a long text is sent in pieces (the worker decodes them as they come).
 * Each run has a new id; messages of a replaced or cancelled run are dropped (decode-session.ts).
 */
export function useLogDecode(text: PasteText, catalog: Catalog, file: Blob | null = null): LogDecode {
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
      if (!isDecodeResponse(e.data)) return;
      const message = e.data;
      // Progress renders as a transition: React renders it in slices, so a big summary never blocks the page.
      if (message.type === 'progress') startTransition(() => setState((s) => reduceDecode(s, message)));
      else setState((s) => reduceDecode(s, message));
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
    let timer = 0;
    setState((s) => startedState(id, s, text.length));
    const post = (request: DecodeRequest) => workerRef.current?.postMessage(request);
    const send = (from: number) => {
      let to = Math.min(text.length, from + PIECE_CHARS);
      // Never between the two halves of a character (each piece is encoded on its own).
      if (to < text.length && isHighSurrogate(sliceText(text, to - 1, to).charCodeAt(0))) to--;
      const bytes = encoder.encode(sliceText(text, from, to));
      // Moved, not copied: the page keeps no second copy of the log.
      workerRef.current?.postMessage({ type: 'piece', id, bytes, chars: to - from } satisfies DecodeRequest, [bytes.buffer]);
      if (to < text.length) timer = window.setTimeout(() => send(to), 0);
      else post({ type: 'end', id });
    };
    timer = window.setTimeout(() => {
      started = true;
      // Read from a file: the worker reads the file's bytes itself (nothing to encode or post here).
      if (file) return post({ type: 'start', id, file, catalog });
      if (typeof text === 'string' && text.length <= PIECE_CHARS) return post({ type: 'start', id, text, catalog });
      post({ type: 'start', id, total: text.length, catalog });
      send(0);
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      if (!started) return;
      const cancel: DecodeRequest = { type: 'cancel', id };
      workerRef.current?.postMessage(cancel);
    };
  }, [text, file, catalog, attempt]);

  const cancel = useCallback(() => {
    const request: DecodeRequest = { type: 'cancel', id: currentId };
    workerRef.current?.postMessage(request);
    setState((s) => cancelledState(s));
  }, [currentId]);

  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, cancel, restart };
}
